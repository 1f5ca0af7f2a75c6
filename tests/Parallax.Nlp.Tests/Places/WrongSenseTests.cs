using Parallax.Nlp.Places;

namespace Parallax.Nlp.Tests.Places;

/// <summary>Names that are places somewhere but not in the text: first names, demonyms and language words, short abbreviations.</summary>
public sealed class WrongSenseTests
{
    private static readonly ToponymResolver Resolver = new(Gazetteer.LoadDefault());

    private static List<string> Resolved(string text) =>
        [.. Resolver.Resolve(text).Where(p => p.Status == PlaceStatus.Resolved).Select(p => p.Span.Of(text))];

    private static List<string> ResolvedWithPerson(string text, string person)
    {
        int at = text.IndexOf(person, StringComparison.Ordinal);
        return [.. Resolver.Resolve(text, personSpans: [new Parallax.Text.TextSpan(at, at + person.Length)])
            .Where(p => p.Status == PlaceStatus.Resolved).Select(p => p.Span.Of(text))];
    }

    [Theory]
    [InlineData("Vladimir Putin met Bashar al-Assad in Sochi on Thursday.", "Vladimir Putin", "Vladimir")]
    [InlineData("Victoria Nuland arrived in Kyiv on Monday.", "Victoria Nuland", "Victoria")]
    public void Resolve_RegionNameInsideAPersonName_IsNoPlace(string text, string person, string name)
    {
        // Given the person names NER found; when a region's name is the first word of one
        var names = ResolvedWithPerson(text, person);

        // Then it is not a place, and the real places still are
        Assert.DoesNotContain(name, names);
        Assert.NotEmpty(names);
    }

    [Fact]
    public void Resolve_RegionAlone_IsStillAPlace()
    {
        const string text = "Two factories in Vladimir region closed; officials in Vladimir said more would follow.";
        Assert.Contains("Vladimir", Resolved(text));
    }

    [Fact]
    public void Resolve_CountryInsideAPersonSpan_StaysAPlace()
    {
        // NER sometimes runs a country into a name; the country reading wins.
        const string text = "Syria Kurds held talks with Damascus officials.";
        Assert.Contains("Syria", ResolvedWithPerson(text, "Syria Kurds"));
    }

    [Fact]
    public void Analyze_DefaultPipeline_UsesNerPersonsForPutin()
    {
        // Given the standard pipeline, whose entity stage tags "Vladimir Putin" as a person
        var doc = Parallax.Nlp.Pipeline.DefaultPipeline.Create().Process(new Parallax.Nlp.Documents.DocumentSource("t.txt",
            Parallax.Nlp.Documents.ContentKind.PlainText, "Russian President Vladimir Putin met Bashar al-Assad in Sochi on Thursday.", []));

        // Then the place layer has Sochi and no Vladimir
        var names = doc.Get(PlaceLayers.Places).Where(p => p.Status == PlaceStatus.Resolved).Select(p => p.Span.Of(doc.Text)).ToList();
        Assert.Contains("Sochi", names);
        Assert.DoesNotContain("Vladimir", names);
    }

    [Theory]
    [InlineData("The statement was published in English and Arabic by the ministry in Beirut.", "English")]
    [InlineData("He spoke in Arabic to the crowd in Beirut.", "Arabic")]
    [InlineData("A Canadian journalist was detained in Beirut.", "Canadian")]
    [InlineData("An Arab delegation landed in Beirut.", "Arab")]
    public void Resolve_DemonymOrLanguageWord_IsNeverATown(string text, string word)
    {
        // When a demonym or language word that is also a small town's name appears
        var places = Resolver.Resolve(text);

        // Then it does not resolve to the town (a country reading of a demonym is allowed)
        Assert.DoesNotContain(places, p => p.Span.Of(text) == word && p.Status == PlaceStatus.Resolved && p.Entry is { IsCountry: false });
        Assert.Contains("Beirut", places.Select(p => p.Span.Of(text)));
    }

    [Theory]
    [InlineData("The report was first aired by the public broadcaster Kan.")]
    [InlineData("The story was broken by Kan. Officials declined to comment.")]
    public void Resolve_StateAbbreviationOutsideTheCityCommaStatePattern_IsNoPlace(string text)
    {
        Assert.DoesNotContain("Kan", Resolved(text));
    }

    [Fact]
    public void Resolve_StateAbbreviationAfterCityAndComma_IsTheState()
    {
        const string text = "The plant in Wichita, Kan., will close.";
        var kan = Resolver.Resolve(text).Single(p => p.Span.Of(text) == "Kan");
        Assert.Equal("KS", kan.Entry!.Admin1Code);
    }
}
