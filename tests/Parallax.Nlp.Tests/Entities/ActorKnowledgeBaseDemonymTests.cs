using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public sealed class ActorKnowledgeBaseDemonymTests
{
    private static readonly ActorKnowledgeBase Kb = ActorKnowledgeBase.LoadDefault();

    [Theory]
    [InlineData("Syrian", "country:sy")]
    [InlineData("Israeli", "country:il")]
    [InlineData("Russian", "country:ru")]
    [InlineData("Iranian", "country:ir")]
    [InlineData("Lebanese", "country:lb")]
    [InlineData("Emirati", "country:ae")]
    [InlineData("British", "country:gb")]
    [InlineData("American", "country:us")]
    [InlineData("Shi'ite", "label:shia")]
    [InlineData("Shiite", "label:shia")]
    [InlineData("Alawite", "label:alawite")]
    public void ResolveDemonym_KnownAdjective_LinksToActor(string adjective, string expectedId)
    {
        // Given / When
        var matches = Kb.ResolveDemonym(adjective);

        // Then
        var match = Assert.Single(matches);
        Assert.Equal(expectedId, match.Actor.Id);
        Assert.Equal(ActorMatchKind.Demonym, match.Kind);
    }

    [Fact]
    public void ResolveDemonym_ProPrefix_GivesAffiliation()
    {
        // Given / When
        var match = Assert.Single(Kb.ResolveDemonym("pro-Iranian"));

        // Then
        Assert.Equal("country:ir", match.Actor.Id);
        Assert.Equal(ActorMatchKind.Affiliation, match.Kind);
    }

    [Fact]
    public void ResolveDemonym_SharedDemonym_GivesEachCountryWithLowerConfidence()
    {
        // Given / When
        var matches = Kb.ResolveDemonym("Dominican");

        // Then
        Assert.Equal(2, matches.Count);
        Assert.All(matches, m => Assert.True(m.Confidence < 0.9));
    }

    [Fact]
    public void ResolveDemonym_Unknown_ReturnsNothing()
    {
        // Given / When / Then
        Assert.Empty(Kb.ResolveDemonym("Martian"));
    }
}
