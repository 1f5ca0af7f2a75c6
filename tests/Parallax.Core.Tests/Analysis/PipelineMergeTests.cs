using Parallax.Core.Analysis;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Core.Tests.Analysis;

/// <summary>Event merging end to end: short articles written for these tests run through the default pipeline, then the
/// story analysis, so the event stage's dates decide what merges.</summary>
public sealed class PipelineMergeTests
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DefaultPipeline.Create());

    private static ArticleRecord Article(string name, string published, string outlet, string body)
    {
        var text = $"Title: Leaders talk again\nSource: {outlet}\nDate: {published}\n\n{body}\n";
        var doc = Pipeline.Value.Process(new DocumentSource(name, ContentKind.PlainText, text, []));
        return new ArticleRecord(doc, "s-test", null, 0, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Analyze_SameLeadersPhonedTwoWeeksApart_TwoCallEvents()
    {
        // Given two outlets, each telling a phone call between the same two presidents, two weeks apart
        var first = Article("first.txt", "2019-03-05", "Harbour Herald",
            "President Emmanuel Macron spoke by phone with President Vladimir Putin on Monday, March 4, about the grain corridor. "
            + "The two men agreed to keep in touch, the Elysee said.");
        var second = Article("second.txt", "2019-03-19", "Valley Post",
            "President Emmanuel Macron spoke by phone with President Vladimir Putin on Monday, March 18, about the grain corridor. "
            + "The call lasted an hour, officials said.");

        // When the story is analysed
        var analysis = new StoryAnalyzer().Analyze([StoryArticle.From(first), StoryArticle.From(second)]);

        // Then the two calls stay two events, each dated to its own day and told by one article
        var calls = analysis.Events.Where(e => e.PloverType == "CONSULT"
            && new[] { e.Actor?.Key, e.Target?.Key }.Contains("actor:person:vladimir-putin")).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(["2019-03-04", "2019-03-18"], calls.Select(c => c.Happened ?? "").Order(StringComparer.Ordinal).ToArray());
        Assert.All(calls, c => Assert.Single(c.ArticleIds));
    }

    [Fact]
    public void Analyze_DatedMeetingAndTheOngoingDialogue_StayApart()
    {
        // Given an article telling a dated meeting, then a call to keep up the dialogue between the same two men
        var article = Article("meeting.txt", "2019-03-05", "Harbour Herald",
            "President Emmanuel Macron met President Vladimir Putin in Paris on Monday, March 4, about the grain corridor. "
            + "Macron said it was important to continue the dialogue with Putin.");

        // When the story is analysed
        var analysis = new StoryAnalyzer().Analyze([StoryArticle.From(article)]);

        // Then the meeting does not absorb the standing dialogue
        var meeting = Assert.Single(analysis.Events, e => e.Reports.Any(r => r.Predicate.StartsWith("meet", StringComparison.Ordinal)));
        Assert.DoesNotContain(meeting.Reports, r => r.Predicate == "dialogue");
    }

    [Fact]
    public void Analyze_SameCallToldByTwoOutlets_OneEventWithTwoReports()
    {
        // Given the same call told by two outlets the next day, once with its date, once with its weekday
        var first = Article("first.txt", "2019-03-05", "Harbour Herald",
            "President Emmanuel Macron spoke by phone with President Vladimir Putin on Monday, March 4, about the grain corridor.");
        var second = Article("second.txt", "2019-03-05", "Valley Post",
            "Emmanuel Macron and Vladimir Putin held a phone call on Monday about the grain corridor, the Kremlin said.");

        // When the story is analysed
        var analysis = new StoryAnalyzer().Analyze([StoryArticle.From(first), StoryArticle.From(second)]);

        // Then one call with both reports
        var call = Assert.Single(analysis.Events, e => e.PloverType == "CONSULT"
            && new[] { e.Actor?.Key, e.Target?.Key }.Contains("actor:person:vladimir-putin"));
        Assert.Equal(2, call.ArticleIds.Length);
        Assert.Equal("2019-03-04", call.Happened);
    }
}
