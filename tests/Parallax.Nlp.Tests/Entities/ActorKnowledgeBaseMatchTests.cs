using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public sealed class ActorKnowledgeBaseMatchTests
{
    private static readonly ActorKnowledgeBase Kb = ActorKnowledgeBase.LoadDefault();

    private static string? TopId(string mention, DateOnly? on = null, string? typeHint = null) =>
        Kb.Match(mention, on, typeHint).FirstOrDefault()?.Actor.Id;

    [Theory]
    [InlineData("Lieberman", "Liberman", "person:avigdor-lieberman")]
    [InlineData("Avigdor Lieberman", "Avigdor Liberman", "person:avigdor-lieberman")]
    [InlineData("Hezbollah", "Hizballah", "group:hezbollah")]
    [InlineData("Hezbollah", "Hizbollah", "group:hezbollah")]
    [InlineData("Hezbollah", "Hizbullah", "group:hezbollah")]
    [InlineData("Netanyahu", "Benjamin Netanyahu", "person:benjamin-netanyahu")]
    [InlineData("Binyamin Netanyahu", "Benjamin Netanyahu", "person:benjamin-netanyahu")]
    [InlineData("Shoigu", "Shoygu", "person:sergey-shoigu")]
    [InlineData("Ryabkov", "Ribakov", "person:sergey-ryabkov")]
    [InlineData("Ryabkov", "Riabkov", "person:sergey-ryabkov")]
    [InlineData("Mekdad", "Miqdad", "person:faisal-mekdad")]
    [InlineData("Mekdad", "Meqdad", "person:faisal-mekdad")]
    [InlineData("Deraa", "Daraa", "loc:daraa")]
    [InlineData("Dar'a", "Daraa", "loc:daraa")]
    [InlineData("Quneitra", "Kuneitra", "loc:quneitra")]
    [InlineData("El-Quneitra", "Quneitra", "loc:quneitra")]
    [InlineData("As-Suwayda", "Suweida", "loc:suwayda")]
    [InlineData("Sweida", "As-Suwayda", "loc:suwayda")]
    [InlineData("Idlib", "Idleb", "loc:idlib")]
    [InlineData("Golan Heights", "the Golan", "loc:golan-heights")]
    [InlineData("East Ghouta", "Eastern Ghouta", "loc:eastern-ghouta")]
    [InlineData("Soleimani", "Suleimani", "person:qassem-soleimani")]
    [InlineData("Zelensky", "Zelenskyy", "person:volodymyr-zelensky")]
    public void Match_TransliterationVariants_ResolveToSameActor(string first, string second, string expectedId)
    {
        // Given two spellings of one name
        // When each is matched
        var a = TopId(first);
        var b = TopId(second);

        // Then both give the same entry
        Assert.Equal(expectedId, a);
        Assert.Equal(expectedId, b);
    }

    [Fact]
    public void Match_CanonicalName_IsExactWithFullConfidence()
    {
        // Given / When
        var match = Kb.Match("Bashar al-Assad")[0];

        // Then
        Assert.Equal("person:bashar-al-assad", match.Actor.Id);
        Assert.Equal(ActorMatchKind.Exact, match.Kind);
        Assert.True(match.Confidence >= 0.99);
    }

    [Fact]
    public void Match_SurnameOnly_FindsFullNameWithLowerConfidence()
    {
        // Given a surname shared by several entries
        // When it is matched on a day Bashar al-Assad was president
        var matches = Kb.Match("Assad", new DateOnly(2018, 6, 1));

        // Then Bashar al-Assad leads, as a surname match below the confidence of a full name
        Assert.Equal("person:bashar-al-assad", matches[0].Actor.Id);
        Assert.Equal(ActorMatchKind.Surname, matches[0].Kind);
        Assert.True(matches[0].Confidence < 0.8);
    }

    [Fact]
    public void Match_Jordan_IsTheCountryAndNeverAPerson()
    {
        // Given / When
        var matches = Kb.Match("Jordan");
        var hinted = Kb.Match("Jordan", typeHint: "Person");

        // Then
        Assert.Equal("country:jo", matches[0].Actor.Id);
        Assert.DoesNotContain(matches, m => m.Actor.Type == ActorType.Person);
        Assert.DoesNotContain(hinted, m => m.Actor.Type == ActorType.Person);
    }

    [Theory]
    [InlineData("State Department", "gov:us-dos")]
    [InlineData("the State Department", "gov:us-dos")]
    [InlineData("U.S. State Department", "gov:us-dos")]
    [InlineData("the Pentagon", "gov:us-dod")]
    [InlineData("the Kremlin", "gov:ru-presidency")]
    [InlineData("Kremlin", "gov:ru-presidency")]
    public void Match_InstitutionMetonyms_ResolveToOrganisations(string mention, string expectedId)
    {
        // Given / When
        var matches = Kb.Match(mention);

        // Then the organisation is found and no place competes with it
        Assert.Equal(expectedId, matches[0].Actor.Id);
        Assert.DoesNotContain(matches, m => m.Actor.Type is ActorType.Location or ActorType.Region);
    }

    [Fact]
    public void Match_StateDepartment_IsAMinistryNotAPlace()
    {
        // Given / When
        var actor = Kb.Match("State Department")[0].Actor;

        // Then
        Assert.Equal(ActorType.Ministry, actor.Type);
        Assert.Equal("US", actor.CountryCode);
    }

    [Fact]
    public void Match_Possessive_IsIgnored()
    {
        // Given / When / Then
        Assert.Equal("country:il", TopId("Israel's"));
    }

    [Fact]
    public void Match_TypeHint_PrefersHintedTypeWithoutDroppingOthers()
    {
        // Given a name that is both a place and an actor's alias elsewhere: "Gaza" is a region
        // When matched with an organisation hint
        var matches = Kb.Match("Gaza", typeHint: "ORG");

        // Then the region is still returned, with reduced confidence
        Assert.Contains(matches, m => m.Actor.Id == "loc:gaza");
        Assert.True(matches.Single(m => m.Actor.Id == "loc:gaza").Confidence < 0.9);
    }

    [Fact]
    public void Match_UnknownTypeHint_Throws()
    {
        // Given / When / Then
        Assert.Throws<ArgumentException>(() => Kb.Match("Syria", typeHint: "Planet"));
    }

    [Fact]
    public void Match_Nonsense_ReturnsNothing()
    {
        // Given / When / Then
        Assert.Empty(Kb.Match("Xqzvbnm Wrtplk"));
        Assert.Empty(Kb.Match("  -- "));
    }

    [Fact]
    public void Match_ResultsAreOrderedByConfidenceThenId()
    {
        // Given an ambiguous demonym-like mention
        var matches = Kb.Match("Congolese");

        // Then candidates come best first, ties by id
        for (var i = 1; i < matches.Count; i++)
        {
            Assert.True(
                matches[i - 1].Confidence > matches[i].Confidence
                || (matches[i - 1].Confidence == matches[i].Confidence
                    && string.CompareOrdinal(matches[i - 1].Actor.Id, matches[i].Actor.Id) < 0));
        }

        Assert.Equal(["country:cd", "country:cg"], matches.Select(m => m.Actor.Id).Order(StringComparer.Ordinal));
    }
}
