using System.Text;
using System.Text.Json;
using Parallax.Nlp.Places;

namespace Parallax.Nlp.Tests.Places;

public sealed class PlaceGeoJsonTests
{
    [Fact]
    public void Write_PlacesFromTwoArticles_OneFeaturePerEntryWithBothArticleIds()
    {
        // Given the same place resolved in two articles and an unresolved mention
        var resolver = new ToponymResolver(Gazetteer.LoadDefault());
        const string a = "Shelling hit Damascus, Syria.";
        const string b = "Talks resumed in Damascus.";
        var places = resolver.Resolve(a).Select(p => ("a1", p))
            .Concat(resolver.Resolve(b).Select(p => ("b2", p)))
            .Append(("b2", new ResolvedPlace(new Parallax.Text.TextSpan(0, 3), "Foo", null, 0, PlaceStatus.Unresolved, "not in the gazetteer")));

        // When written as GeoJSON
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) PlaceGeoJson.Write(places, writer);
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));

        // Then Damascus is one feature with [lon, lat] and both articles
        var root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var damascus = root.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "170654");
        Assert.Equal(36.29128, damascus.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 4);
        Assert.Equal(170654, damascus.GetProperty("properties").GetProperty("geonamesId").GetInt64());
        Assert.Equal(["a1", "b2"], damascus.GetProperty("properties").GetProperty("articleIds").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.DoesNotContain(root.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Foo");
    }
}
