using Parallax.Nlp.Places;

namespace Parallax.Nlp.Tests.Places;

/// <summary>Names that are places somewhere but not in the text: first names, demonyms and language words, short abbreviations.</summary>
public sealed class WrongSenseTests
{
    private static readonly ToponymResolver Resolver = new(Gazetteer.LoadDefault());

    private static List<string> Resolved(string text) =>
        [.. Resolver.Resolve(text).Where(p => p.Status == PlaceStatus.Resolved).Select(p => p.Span.Of(text))];

    [Theory]
    [InlineData("Vladimir Putin met Bashar al-Assad in Sochi on Thursday.", "Vladimir")]
    [InlineData("Victoria Nuland arrived in Kyiv on Monday.", "Victoria")]
    [InlineData("Indiana Jones was filmed partly in Petra, Jordan.", "Indiana")]
    public void Resolve_RegionNameStartingAPersonOrOrganisationName_IsNoPlace(string text, string name)
    {
        // When a region's name is the first word of a longer capitalised name
        var names = Resolved(text);

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
    public void Resolve_CountryBeforeACapitalisedWord_StaysAPlace()
    {
        const string text = "Syria Kurds held talks with Damascus officials.";
        Assert.Contains("Syria", Resolved(text));
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
    [InlineData("According to Kan. the talks failed.")]
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
