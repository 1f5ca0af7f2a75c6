using AngleSharp.Dom;
using Parallax.Reporting.Tests.Html;

namespace Parallax.Reporting.Tests;

/// <summary>The timeline section: what happened when, and which outlet said so.</summary>
public sealed class TimelineSectionTests
{
    private static IElement Timeline(Parallax.Core.Articles.StoryView view) =>
        HtmlDom.Parse(new StoryReportWriter().Html(view)).GetElementById("timeline")!;

    private static IElement Group(IElement timeline, string key) =>
        timeline.QuerySelectorAll(".tl-group").Single(g => g.GetAttribute("data-date") == key);

    [Fact]
    public void WriteHtml_TwoOutletsReportOneDate_RowsShareOneGroupMarkedAsAgreement()
    {
        // Given two outlets that date the strike to Tuesday 5 March 2024 ("on Tuesday" and "March 5, 2024")
        var view = TimelineStories.FerryStrike();

        // When the report is written
        var group = Group(Timeline(view), "2024-03-05");

        // Then both outlets' rows sit in that one group and the group says two outlets mention it
        var outlets = group.QuerySelectorAll("li.tl-row .tl-meta").Select(m => m.TextContent.Split(" · ")[0]).ToList();
        Assert.Equal(["Alder Gazette", "Coast Courier"], outlets);
        var sources = group.QuerySelector(".tl-sources")!;
        Assert.Contains("tl-agree", sources.ClassList);
        Assert.StartsWith("Mentioned by 2 outlets", sources.TextContent, StringComparison.Ordinal);
        Assert.Equal("2024-03-05", group.QuerySelector("h3 time")!.GetAttribute("datetime"));
        Assert.Equal("Tuesday 5 March 2024", group.QuerySelector("h3 time")!.TextContent);
    }

    [Fact]
    public void WriteHtml_PlannedDate_ShownAsClaimedOrPlanned()
    {
        // Given an article saying members "will vote on March 18"
        var view = TimelineStories.FerryStrike();

        // When the report is written
        var group = Group(Timeline(view), "2024-03-18");

        // Then the group and the row are marked planned, the role says so, and the expression is the highlighted text
        Assert.Contains("tl-has-planned", group.ClassList);
        var row = Assert.Single(group.QuerySelectorAll("li.tl-row"));
        Assert.Contains("tl-planned", row.ClassList);
        Assert.Equal("claimed or planned", row.QuerySelector(".tl-role")!.TextContent);
        Assert.Equal("March 18", row.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public void WriteMarkdown_PlannedDate_RoleIsBoldAndExpressionEmphasised()
    {
        // Given the ferry story
        // When the Markdown report is written
        var markdown = new StoryReportWriter().Markdown(TimelineStories.FerryStrike());

        // Then the planned row stands out and the reported row does not
        Assert.Contains("| **claimed or planned** | Alder Gazette | A1 | 2024-03-18 | The union said on Wednesday that members will vote on **March 18** on", markdown, StringComparison.Ordinal);
        Assert.Contains("| reported | Alder Gazette | A1 | 2024-03-06 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Groups_InCalendarOrderWithAMonthBeforeItsDays()
    {
        // Given dates of several precisions: November 2023, early March 2024, and days in March 2024
        var view = TimelineStories.FerryStrike();

        // When the report is written
        var keys = Timeline(view).QuerySelectorAll(".tl-group").Select(g => g.GetAttribute("data-date")).ToList();

        // Then groups run in calendar order and the month comes before the days inside it
        Assert.Equal(["2023-11", "2024-03", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-18"], keys);
    }

    [Fact]
    public void WriteHtml_DurationsAndUnresolvedValues_AreNotOnTheTimeline()
    {
        // Given an article whose only expression is a duration ("for months")
        var view = TimelineStories.FerryStrike();

        // When the report is written
        var timeline = Timeline(view);

        // Then no row comes from it
        Assert.DoesNotContain(timeline.QuerySelectorAll("li.tl-row a"), a => a.TextContent == "A3");
    }

    [Fact]
    public void WriteHtml_NearCopy_LeftOutOfRowsButItsPublicationDateListed()
    {
        // Given a syndicated copy (A5) of the Courier's article
        var timeline = Timeline(TimelineStories.FerryStrike());

        // When the rows and the publication table are read
        var rowArticles = timeline.QuerySelectorAll("li.tl-row a").Select(a => a.TextContent).ToList();
        var tableArticles = timeline.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent).ToList();

        // Then the copy does not count as a second outlet agreeing, but its date is listed
        Assert.DoesNotContain("A5", rowArticles);
        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], tableArticles);
    }

    [Fact]
    public void WriteHtml_PublicationDates_SayHowEachWasObtained()
    {
        // Given articles dated by metadata, by inference from the text, and not at all
        var rows = Timeline(TimelineStories.FerryStrike()).QuerySelectorAll("table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();

        // Then the metadata's source, the inference with its confidence, or "uncertain" is given
        Assert.Equal("2024-03-07", rows[0][2]);
        Assert.StartsWith("from the metadata: JSON-LD", rows[0][3], StringComparison.Ordinal);
        Assert.Equal("unknown", rows[2][2]);
        Assert.StartsWith("uncertain:", rows[2][3], StringComparison.Ordinal);
        Assert.Equal("none: relative dates left unresolved", rows[2][4]);
        Assert.Equal("2024-03-07", rows[3][2]);
        Assert.StartsWith("inferred from the text with confidence 0.7", rows[3][3], StringComparison.Ordinal);
        Assert.Equal("2024-03-07 (inferred, confidence 0.7)", rows[3][4]);
    }

    [Fact]
    public void WriteHtml_InferredPublicationDate_AppearsInTheMetadataSectionAsInferred()
    {
        // Given the article whose date was only inferable from its text
        var dom = HtmlDom.Parse(new StoryReportWriter().Html(TimelineStories.FerryStrike()));

        // When the metadata section is read
        var rows = dom.GetElementById("metadata")!.QuerySelectorAll("table")[3].QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();

        // Then the published field is there, sourced "inferred", with the anchor's confidence and reasoning
        var published = Assert.Single(rows, r => r[0] == "published");
        Assert.Equal(["published", "2024-03-07", "inferred", "0.7"], published.Take(4));
        Assert.Contains("latest dated past event", published[4], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_HostileTextAroundADate_IsShownNotRun()
    {
        // Given a date whose sentence, outlet and resolution carry markup
        var dom = HtmlDom.Parse(new StoryReportWriter().Html(TimelineStories.HostileDate()));
        var timeline = dom.GetElementById("timeline")!;

        // When the timeline is parsed / Then no element was injected and the text is literal
        Assert.Empty(dom.QuerySelectorAll("script, img, b, i"));
        var excerpt = timeline.QuerySelector(".tl-excerpt")!;
        Assert.Equal("On June 12 <script>alert('t')</script> the \"><img src=x onerror=alert(9)> gate closed.", excerpt.TextContent);
        Assert.Equal("June 12", excerpt.QuerySelector("mark")!.TextContent);
        Assert.Contains("Evil <b>Outlet</b>", timeline.QuerySelector(".tl-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("month and day in the anchor year <b>", timeline.QuerySelector(".tl-meta code")!.GetAttribute("title"));
    }

    [Fact]
    public void WriteMarkdown_HostileTextAroundADate_EveryAngleBracketIsEscaped()
    {
        // Given the hostile date story
        var markdown = new StoryReportWriter().Markdown(TimelineStories.HostileDate());
        var timeline = markdown[markdown.IndexOf("## Timeline\n", StringComparison.Ordinal)..markdown.IndexOf("## Outlets and articles", StringComparison.Ordinal)];

        // When every '<' of the timeline is checked / Then each is backslash-escaped
        for (int i = timeline.IndexOf('<', StringComparison.Ordinal); i >= 0; i = timeline.IndexOf('<', i + 1))
            Assert.True(i > 0 && timeline[i - 1] == '\\', $"Unescaped '<' at {i}");
        Assert.Contains("On **June 12** \\<script\\>", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_StoryWithoutTemporalLayers_SaysSoAndStillListsPublicationDates()
    {
        // Given the harbour story, never run through the temporal stage
        var timeline = Timeline(Stories.Harbour());

        // When the timeline is read / Then it says there is nothing dated and lists the metadata dates
        Assert.Empty(timeline.QuerySelectorAll(".tl-group"));
        Assert.Contains("No dated expressions were found", timeline.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, timeline.QuerySelectorAll("table tbody tr").Length);
    }
}
