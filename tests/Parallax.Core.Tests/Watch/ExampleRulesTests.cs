using Parallax.Core.Watch;
using Parallax.Nlp.Entities;
using Parallax.Testing;
using static Parallax.Core.Tests.Watch.WatchEvents;

namespace Parallax.Core.Tests.Watch;

/// <summary>The shipped example rule set (examples/rules) for the 2018 south-west Syria arrangement.</summary>
public sealed class ExampleRulesTests
{
    private static readonly Lazy<WatchEvaluator> Evaluator = new(() =>
    {
        var root = SharedData.RepoRoot ?? throw new InvalidOperationException("The repository root was not found.");
        return WatchEvaluator.Create(WatchRuleSet.LoadDirectory(Path.Combine(root, "examples", "rules")), ActorKnowledgeBase.LoadDefault());
    });

    private static string[] RulesMatched(Parallax.Nlp.Events.EventMention e) =>
        [.. Evaluator.Value.Match(e).Select(m => m.Rule.Id)];

    [Fact]
    public void Match_HezbollahAssaultInQuneitra_RaisesEveryBufferAndTheZone()
    {
        // Given a Hezbollah attack placed in Quneitra town, about a kilometre from the Alpha line
        var e = Event(sourceActor: "group:hezbollah", at: Quneitra);

        // When checked against the example rules
        var rules = RulesMatched(e);

        // Then the zone rule and every buffer rule fire, and the line-proximity rule too
        Assert.Equal(
            ["iran-backed-military-in-southwest-zone", "iran-backed-within-5km-of-golan", "iran-backed-within-20km-of-golan",
             "iran-backed-within-15mi-of-golan", "iran-backed-within-60km-of-golan", "any-strike-near-golan-line"],
            rules);
    }

    [Fact]
    public void Match_HezbollahAssaultInDamascus_OnlyTheSixtyKilometreBuffer()
    {
        // Given the same attack placed in Damascus, about 50 km from the line and outside the zone
        var e = Event(sourceActor: "group:hezbollah", at: Damascus, placeName: "Damascus");

        // When checked
        var matches = Evaluator.Value.Match(e);

        // Then neither the zone nor the 5, 20 or 15-mile buffers fire; the 60 km buffer does, deliberately
        var only = Assert.Single(matches);
        Assert.Equal("iran-backed-within-60km-of-golan", only.Rule.Id);
        Assert.InRange(only.DistanceKm!.Value, 40, 60);
    }

    [Fact]
    public void Match_DaraaIsInsideTheZoneButBeyondTwentyFourKilometres()
    {
        var rules = RulesMatched(Event(sourceActor: "force:irgc", sourceText: "IRGC", at: Daraa, placeName: "Daraa"));
        Assert.Equal(["iran-backed-military-in-southwest-zone", "iran-backed-within-60km-of-golan"], rules);
    }

    [Fact]
    public void Match_IsraeliStrikeInQuneitra_OnlyTheAnyActorRule()
    {
        // Given an Israeli strike at the same spot: not an Iranian-backed actor
        var rules = RulesMatched(Event(sourceActor: "force:idf", sourceText: "IDF", at: Quneitra));
        Assert.Equal(["any-strike-near-golan-line"], rules);
    }

    [Fact]
    public void Match_HezbollahMeetingInQuneitra_NoMilitaryRule()
    {
        Assert.Empty(RulesMatched(Event(type: "CONSULT", sourceActor: "group:hezbollah", at: Quneitra)));
    }
}
