using Parallax.Core.Analysis;
using Parallax.Nlp.Events;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Quotes;

namespace Parallax.Core.Tests.Analysis;

public sealed class ClaimTests
{
    private static readonly StoryAnalyzer Analyzer = new();

    [Fact]
    public void Analyze_BufferDistancesFromLinkedReferences_OneSlotWithDiscrepancy()
    {
        // Given three distances for the same buffer: a range from the border, miles from the Golan, a demand from the border in the Golan
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01",
            "Israel wanted the militias kept at least 60 kilometers from the Israeli border in the Golan Heights. The old deal set five to 20 kilometers from the Israeli border.");
        a.Quantity("at least 60 kilometers", 60, 60, QuantityBound.AtLeast, "km", holder: "the militias", reference: "the Israeli border in the Golan Heights");
        a.Quantity("five to 20 kilometers", 5, 20, QuantityBound.Range, "km", reference: "the Israeli border");
        var b = new StoryFixture("b", "Valley Post", "2018-06-02",
            "Moscow agreed to hold back the militias 15 miles from the occupied Golan Heights, according to reports.");
        b.Quantity("15 miles", 24.14, 24.14, QuantityBound.Exact, "km", holder: "the militias");

        // When analysed
        var analysis = Analyzer.Analyze([a.Build(), b.Build()]);

        // Then the three values share one slot (the reference after "from" is read when the layer has none), judged a discrepancy
        var slot = Assert.Single(analysis.Claims, c => c.Kind == ClaimKind.Quantity);
        Assert.Equal(ClaimVerdict.Discrepancy, slot.Verdict);
        Assert.Equal(3, slot.Values.Length);
        Assert.Contains(slot.Values, v => v.Low == 60 && v.High is null);
        Assert.Contains(slot.Values, v => v.Low == 5 && v.High == 20);
        Assert.Contains(slot.Values, v => v.Source.ArticleId == "b" && v.Text == "15 miles");
        Assert.Contains("Golan Heights", slot.Label, StringComparison.Ordinal);
        Assert.Equal("c1", analysis.Claims[0].Id);
    }

    [Fact]
    public void Analyze_DistanceFromUnrelatedReference_KeptInItsOwnSlot()
    {
        // Given a distance from the Golan and one from a front line
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01",
            "Forces stayed 5 kilometers from the lines of contact. Another unit stayed 20 kilometers from the Golan Heights.");
        a.Quantity("5 kilometers", 5, 5, QuantityBound.Exact, "km", reference: "the lines of contact");
        a.Quantity("20 kilometers", 20, 20, QuantityBound.Exact, "km", reference: "the Golan Heights");

        // When / Then two unique slots
        var claims = Analyzer.Analyze([a.Build()]).Claims;
        Assert.Equal(2, claims.Length);
        Assert.All(claims, c => Assert.Equal(ClaimVerdict.Unique, c.Verdict));
    }

    [Fact]
    public void Analyze_SameCountFromTwoOutletsWithinTolerance_Agreement()
    {
        // Given 7,000 and about 7,200 fighters
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "There are 7,000 Hezbollah fighters in the area.");
        a.Quantity("7,000 Hezbollah fighters", 7000, 7000, QuantityBound.Exact, "fighter", measured: "Hezbollah fighters");
        var b = new StoryFixture("b", "Valley Post", "2018-06-01", "Some 7,200 Hezbollah fighters are deployed.");
        b.Quantity("Some 7,200 Hezbollah fighters", 7200, 7200, QuantityBound.Approximate, "fighter", measured: "Hezbollah fighters");

        // When / Then
        var slot = Assert.Single(Analyzer.Analyze([a.Build(), b.Build()]).Claims);
        Assert.Equal(ClaimVerdict.Agreement, slot.Verdict);
    }

    [Fact]
    public void Analyze_WithdrawalReportedThenDeniedAndRuledOut_ContradictionWithBothSidesCited()
    {
        // Given a monitor's report of a withdrawal, an official's denial of "the report" in the next sentence, and another
        // outlet's minister ruling a pullout out in the same sentence
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01",
            "A monitor said Iranian troops will withdraw from the south. An official denied the report, saying it is untrue.");
        a.Event("withdraw", "RETREAT", a.Actor("Iranian troops"), modality: EventModality.Reported,
            attributedTo: new Speaker(null, "A monitor", null, null, SourceKind.Named, "test"));
        a.Quote("saying it is untrue", "An official", SourceKind.Anonymous);
        var b = new StoryFixture("b", "Valley Post", "2018-06-02",
            "The deputy minister assured Tehran that a pullout is not up for discussion. Talks went on.");
        b.Event("pullout", "RETREAT");
        var c = new StoryFixture("c", "Coast Courier", "2018-06-03", "Pro-Iranian groupings are supposed to be withdrawn from the region.");
        c.Event("withdrawn", "RETREAT", c.Actor("Pro-Iranian groupings"), modality: EventModality.Alleged);

        // When analysed
        var analysis = Analyzer.Analyze([a.Build(), b.Build(), c.Build()]);

        // Then one RETREAT slot for Iran's side comes first, with reported and denied values from three outlets
        var slot = analysis.Claims[0];
        Assert.Equal(ClaimKind.Event, slot.Kind);
        Assert.Equal(ClaimVerdict.Contradiction, slot.Verdict);
        Assert.Equal("RETREAT|country:ir", slot.Key);
        Assert.Equal(3, slot.OutletCount);
        var denial = Assert.Single(slot.Values, v => v.Source.ArticleId == "a" && v.Polarity == ClaimPolarity.Denied);
        Assert.Contains("denied the report", denial.Source.Text, StringComparison.Ordinal);
        Assert.Equal("anonymous: An official", denial.AttributedTo);
        Assert.Contains(slot.Values, v => v.Source.ArticleId == "a" && v.Polarity == ClaimPolarity.Reported && v.AttributedTo == "A monitor");
        Assert.Contains(slot.Values, v => v.Source.ArticleId == "b" && v.Polarity == ClaimPolarity.Denied && v.Context.Contains("not up for discussion", StringComparison.Ordinal));
        Assert.Contains(slot.Values, v => v.Source.ArticleId == "c" && v.Polarity == ClaimPolarity.Reported);

        // and the summary states the disagreement citing every side
        var sentence = Assert.Single(analysis.Summary, s => s.Text.Contains("contested", StringComparison.Ordinal));
        Assert.Equal(4, sentence.Cites.Length);
    }

    [Fact]
    public void Analyze_OneOutletReportsWhatASourceSaid_Unique()
    {
        // Given one outlet's report of a strike, attributed to a source
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "Israeli jets struck a depot near the border, the army said.");
        a.Event("struck", "ASSAULT", a.Actor("Israeli jets"), modality: EventModality.Reported);

        // When / Then
        var slot = Assert.Single(Analyzer.Analyze([a.Build()]).Claims);
        Assert.Equal(ClaimVerdict.Unique, slot.Verdict);
        Assert.Equal("ASSAULT|country:il", slot.Key);
    }

    [Fact]
    public void Analyze_OneOutletStatesAnEvent_NoClaimSlot()
    {
        // Given one outlet stating a strike in its own voice
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "Israeli jets struck a depot near the border.");
        a.Event("struck", "ASSAULT", a.Actor("Israeli jets"));

        // When / Then it is an event, not a claim to compare
        var analysis = Analyzer.Analyze([a.Build()]);
        Assert.Empty(analysis.Claims);
        Assert.Single(analysis.Events);
    }

    [Fact]
    public void Analyze_TwoOutletsReportSameMeeting_AgreementAndUniqueOrderedAfterDisagreements()
    {
        // Given two outlets reporting a meeting and one reporting a denied withdrawal
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "Putin met Netanyahu. Iran will withdraw, a source said. Iran denied it would withdraw.");
        a.Event("met", "CONSULT", a.Actor("Putin", "person:vladimir-putin"), a.Actor("Netanyahu", "person:benjamin-netanyahu"));
        a.Event("withdraw", "RETREAT", a.Actor("Iran", "country:ir"), modality: EventModality.Reported);
        a.Event("would withdraw", "RETREAT", a.Actor("Iran", "country:ir", 1), modality: EventModality.Denied);
        var b = new StoryFixture("b", "Valley Post", "2018-06-01", "Netanyahu and Putin met.");
        b.Event("met", "CONSULT", b.Actor("Netanyahu", "person:benjamin-netanyahu"), b.Actor("Putin", "person:vladimir-putin"));

        // When
        var claims = Analyzer.Analyze([a.Build(), b.Build()]).Claims;

        // Then the contradiction comes before the agreement
        Assert.Equal([ClaimVerdict.Contradiction, ClaimVerdict.Agreement], claims.Select(c => c.Verdict));
    }

    [Fact]
    public void Analyze_OutletStatesAndLaterNegatesInItsOwnVoice_NoContradiction()
    {
        // Given one outlet telling a demand and, in its own voice, that a demand was not met (a negation, not a denial)
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "Jordan asked for a corridor. The powers did not bow to the request of Jordan.");
        a.Event("asked", "REQUEST", a.Actor("Jordan", "country:jo"));
        a.Event("request", "REQUEST", a.Actor("Jordan", "country:jo", 1), modality: EventModality.Negated);

        // When
        var claims = Analyzer.Analyze([a.Build()]).Claims;

        // Then nothing is contradicted
        Assert.DoesNotContain(claims, c => c.Verdict == ClaimVerdict.Contradiction);
    }
}
