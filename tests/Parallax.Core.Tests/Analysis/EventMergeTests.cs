using Parallax.Core.Analysis;
using Parallax.Nlp.Events;

namespace Parallax.Core.Tests.Analysis;

public sealed class EventMergeTests
{
    private static readonly StoryAnalyzer Analyzer = new();

    [Fact]
    public void Analyze_SameMeetingToldThreeWays_OneEventWithThreeReports()
    {
        // Given three outlets telling one Moscow meeting differently: a dated nominal, a weekday verb, a month-level trip
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-14",
            "After the May 31 talks in Moscow, the minister spoke of progress. Rain fell on the coast.");
        a.Event("talks", "CONSULT", happened: "2018-05-31", place: "Moscow");
        var b = new StoryFixture("b", "Valley Post", "2018-05-31",
            "Defense Minister Avigdor Lieberman met Sergei Shoigu in Moscow on Thursday. The meeting lasted an hour.");
        b.Event("met", "CONSULT", b.Actor("Avigdor Lieberman", "person:avigdor-lieberman"), b.Actor("Sergei Shoigu", "person:sergey-shoigu"),
            happened: "2018-05-31", mode: "visit", place: "Moscow", lemma: "meet");
        b.Event("meeting", "CONSULT");
        var c = new StoryFixture("c", "Coast Courier", "2018-06-16",
            "In late May, Liberman flew to Moscow at the invitation of Shoigu. Officials meet regularly.");
        c.Event("flew", "CONSULT", c.Actor("Liberman", "person:avigdor-lieberman"), c.Actor("Shoigu", "person:sergey-shoigu"),
            happened: "2018-05", mode: "visit", place: "Moscow", lemma: "fly");

        // When the story is analysed
        var analysis = Analyzer.Analyze([a.Build(), b.Build(), c.Build()]);

        // Then one CONSULT event carries all four mentions from the three articles, dated to the day
        var consult = Assert.Single(analysis.Events, e => e.PloverType == "CONSULT");
        Assert.Equal(["a", "b", "c"], consult.ArticleIds.ToArray());
        Assert.Equal(4, consult.Reports.Length);
        Assert.Equal("2018-05-31", consult.Happened);
        Assert.Equal("Avigdor Lieberman", consult.Actor?.Name);
        Assert.Equal("Moscow", consult.Place);
        Assert.All(consult.Reports, r => Assert.False(string.IsNullOrEmpty(r.Source.Text)));
    }

    [Fact]
    public void Analyze_TwoPhoneCallsTwoWeeksApart_StayApart()
    {
        // Given the same two leaders' phone calls told by two outlets, the second one dated two weeks after the first report
        var a = new StoryFixture("a", "Harbour Herald", "2018-05-31",
            "The Kremlin said Vladimir Putin had a call with Benjamin Netanyahu. It gave no details.");
        a.Event("had a call", "CONSULT", a.Actor("Vladimir Putin", "person:vladimir-putin"), a.Actor("Benjamin Netanyahu", "person:benjamin-netanyahu"),
            EventModality.Reported, mode: "phone", lemma: "call");
        var b = new StoryFixture("b", "Valley Post", "2018-06-16",
            "On Friday, Benjamin Netanyahu spoke with Vladimir Putin on the phone. They discussed the region.");
        b.Event("spoke", "CONSULT", b.Actor("Benjamin Netanyahu", "person:benjamin-netanyahu"), b.Actor("Vladimir Putin", "person:vladimir-putin"),
            happened: "2018-06-15", mode: "phone", lemma: "speak");

        // When analysed
        var analysis = Analyzer.Analyze([a.Build(), b.Build()]);

        // Then two events, the undated one ordered first by its report date
        Assert.Equal(2, analysis.Events.Length);
        Assert.All(analysis.Events, e => Assert.Single(e.Reports));
        Assert.Equal("a", analysis.Events[0].Reports[0].Source.ArticleId);
    }

    [Fact]
    public void Analyze_SameLeadersSameDayByPhoneAndInPerson_StayApart()
    {
        // Given a phone call and a meeting of the same pair on the same day
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-01", "Putin phoned Netanyahu on Friday. The call was short.");
        a.Event("phoned", "CONSULT", a.Actor("Putin", "person:vladimir-putin"), a.Actor("Netanyahu", "person:benjamin-netanyahu"), happened: "2018-06-01", mode: "phone");
        var b = new StoryFixture("b", "Valley Post", "2018-06-01", "Putin met Netanyahu in Moscow on Friday. They talked for hours.");
        b.Event("met", "CONSULT", b.Actor("Putin", "person:vladimir-putin"), b.Actor("Netanyahu", "person:benjamin-netanyahu"), happened: "2018-06-01", mode: "visit", place: "Moscow");

        // When analysed / Then the channels keep them apart
        Assert.Equal(2, Analyzer.Analyze([a.Build(), b.Build()]).Events.Length);
    }

    [Fact]
    public void Analyze_SymmetricMeetingWithParticipantsSwapped_MergesAndNetworkHasOneEdge()
    {
        // Given "A met B" and "B met A" on the same day
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-02", "Putin met Netanyahu in Moscow. It was cold.");
        a.Event("met", "CONSULT", a.Actor("Putin", "person:vladimir-putin"), a.Actor("Netanyahu", "person:benjamin-netanyahu"), happened: "2018-06-01");
        var b = new StoryFixture("b", "Valley Post", "2018-06-02", "Netanyahu met Putin yesterday. Both smiled.");
        b.Event("met", "CONSULT", b.Actor("Netanyahu", "person:benjamin-netanyahu"), b.Actor("Putin", "person:vladimir-putin"), happened: "2018-06-01");

        // When analysed
        var analysis = Analyzer.Analyze([a.Build(), b.Build()]);

        // Then one event, one network edge with two reports
        var e = Assert.Single(analysis.Events);
        Assert.Equal(2, e.Reports.Length);
        var edge = Assert.Single(analysis.Network.Edges);
        Assert.Equal("CONSULT", edge.PloverType);
        Assert.Equal(2, edge.Reports);
        Assert.Equal(2, analysis.Network.Actors.Length);
    }

    [Fact]
    public void Analyze_DirectedEventsWithDifferentTargets_StayApart()
    {
        // Given two strikes by the same actor on different targets the same day
        var a = new StoryFixture("a", "Harbour Herald", "2018-06-02", "Israel struck Iranian positions. Nobody was hurt.");
        a.Event("struck", "ASSAULT", a.Actor("Israel", "country:il"), a.Actor("Iranian positions"), happened: "2018-06-01");
        var b = new StoryFixture("b", "Valley Post", "2018-06-02", "Israel struck Hezbollah depots. Smoke rose.");
        b.Event("struck", "ASSAULT", b.Actor("Israel", "country:il"), b.Actor("Hezbollah depots"), happened: "2018-06-01");

        // When / Then
        Assert.Equal(2, Analyzer.Analyze([a.Build(), b.Build()]).Events.Length);
    }

    [Fact]
    public void Analyze_NoLayers_EmptyPictureButFramingPerArticle()
    {
        // Given an article with text only
        var doc = new Parallax.Testing.DocumentBuilder().Paragraph("Rebels reportedly left the town.").Build();

        // When analysed
        var analysis = Analyzer.Analyze([new StoryArticle("x", null, null, doc)]);

        // Then nothing to merge or compare, but the framing row exists
        Assert.Empty(analysis.Events);
        Assert.Empty(analysis.Claims);
        var f = Assert.Single(analysis.Framing);
        Assert.Equal(1, f.Hedges);
        Assert.StartsWith("unknown outlet", f.Outlet, StringComparison.Ordinal);
    }
}
