using Parallax.Nlp.Time;
using Parallax.Reporting.Annotations;
using Parallax.Reporting.Tests.Html;

namespace Parallax.Reporting.Tests;

/// <summary>Every temporal expression is highlighted in the article view with a tooltip saying how it was resolved.</summary>
public sealed class DateSpanSourceTests
{
    [Fact]
    public void Annotate_AnalysedArticle_OneHighlightPerExpressionWithItsRoleClass()
    {
        // Given the Gazette article: "on Tuesday" (happened), "said on Wednesday" (reported), "will vote on March 18" (planned)
        var article = TimelineStories.FerryStrike().Articles[0];

        // When the source annotates it
        var annotations = new DateSpanSource().Annotate(article).ToList();

        // Then each expression is covered exactly, with the class of its role
        var text = article.Document.Text;
        Assert.Equal(["Tuesday", "Wednesday", "March 18"], annotations.Select(a => a.Span.Of(text)));
        Assert.Equal(["timex timex-happened", "timex timex-reported", "timex timex-planned"], annotations.Select(a => a.CssClass));
    }

    [Fact]
    public void Annotate_Tooltip_GivesValueTypeRoleResolutionAndKnownAnchor()
    {
        // Given the reported "said on Wednesday" resolved against a publication date from the metadata
        var article = TimelineStories.FerryStrike().Articles[0];

        // When its tooltip is read
        var title = new DateSpanSource().Annotate(article).ElementAt(1).Title;

        // Then it states the value and its reading, the role, how it was resolved, and the known anchor
        var lines = title.Split('\n');
        Assert.Equal("2024-03-06 = Wednesday 6 March 2024 (date)", lines[0]);
        Assert.Equal("Role: reported", lines[1]);
        Assert.Matches(@"^Resolved: Wednesday on or before the anchor \(past tense\) \(confidence 0(\.\d+)?\)$", lines[2]);
        Assert.Equal("Anchor: 2024-03-07, known (publication date from metadata (2024-03-07))", lines[^1]);
    }

    [Fact]
    public void Annotate_InferredAnchorAndModifier_TooltipGivesConfidenceAndModifier()
    {
        // Given a late-evening expression resolved against an inferred anchor
        var timex = new Timex("t1", new Parallax.Text.TextSpan(0, 4), TimexType.Time, "2018-06-13TEV", "END", null, TimexRole.Happened,
            "weekday paired with a date", 0.9);
        var anchor = new TemporalAnchor(new DateOnly(2018, 6, 14), AnchorSource.Inferred, 0.45, "'Wednesday, June 13' fits 2018, but other years fit too");

        // When the tooltip is built
        var title = DateSpanSource.Tooltip(timex, anchor, new Dictionary<string, Timex>(StringComparer.Ordinal), "late on Wednesday");

        // Then the evening, the modifier in words, and the uncertain inference are all stated
        Assert.StartsWith("2018-06-13TEV = Wednesday 13 June 2018, evening (time)\nModifier: END (late)\n", title, StringComparison.Ordinal);
        Assert.EndsWith("Anchor: 2018-06-14, inferred with confidence 0.45 (uncertain): 'Wednesday, June 13' fits 2018, but other years fit too", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_ExpressionAnchoredToAnother_TooltipNamesIt()
    {
        // Given "two days later" computed from "June 12"
        const string text = "Talks began on June 12, 2018. Two days later they collapsed.";
        var first = new Timex("t1", new Parallax.Text.TextSpan(15, 28), TimexType.Date, "2018-06-12", null, null, TimexRole.Happened, "explicit date", 0.95);
        var later = new Timex("t2", new Parallax.Text.TextSpan(30, 44), TimexType.Date, "2018-06-14", null, "t1", TimexRole.Happened, "2 day(s) after t1", 0.85);

        // When the second one's tooltip is built
        var title = DateSpanSource.Tooltip(later, TemporalAnchor.Known(new DateOnly(2018, 6, 20)), new Dictionary<string, Timex>(StringComparer.Ordinal) { ["t1"] = first }, text);

        // Then it says what it was computed from
        Assert.Contains("Computed from: “June 12, 2018” = 2018-06-12\n", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_UnresolvedValue_MarkedUnresolved()
    {
        // Given an article where the year could not be resolved (no anchor)
        var article = new ArticleBuilder("x.txt").Paragraph("The gate closed on June 12.")
            .Layer(TimeLayers.Timexes, [new Timex("t1", new Parallax.Text.TextSpan(19, 26), TimexType.Date, "XXXX-06-12", null, null, TimexRole.Happened, "year unknown: no anchor", 0.5)])
            .Layer(TimeLayers.Anchor, new TemporalAnchor(DateOnly.MinValue, AnchorSource.Unknown, 0, "no dated cue"))
            .Build();

        // When annotated
        var a = Assert.Single(new DateSpanSource().Annotate(article));

        // Then it is highlighted as unresolved and the tooltip says so and why the anchor is missing
        Assert.Equal("timex timex-happened timex-unresolved", a.CssClass);
        Assert.StartsWith("XXXX-06-12 (unresolved parts are X) (date)", a.Title, StringComparison.Ordinal);
        Assert.EndsWith("Anchor: unknown (no dated cue); relative dates left unresolved", a.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_ArticleWithoutTemporalLayers_Nothing()
    {
        // Given an article the temporal stage never saw / When annotated / Then there is nothing
        Assert.Empty(new DateSpanSource().Annotate(Stories.Harbour().Articles[0]));
    }

    [Fact]
    public void WriteHtml_DateInArticleView_HighlightedWithTooltipContainingTheResolution()
    {
        // Given the ferry story
        var dom = HtmlDom.Parse(new StoryReportWriter().Html(TimelineStories.FerryStrike()));

        // When the first article's view is parsed
        var spans = dom.GetElementById("article-A1")!.QuerySelectorAll("span.timex").ToList();

        // Then each date is a highlighted span whose title carries its resolution and anchor
        Assert.Equal(["Tuesday", "Wednesday", "March 18"], spans.Select(s => s.TextContent));
        Assert.Contains("Resolved: Tuesday on or before the anchor (past tense)", spans[0].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("Role: claimed or planned", spans[2].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("timex-planned", spans[2].ClassList);
    }

    [Fact]
    public void WriteHtml_HostileResolution_StaysInsideTheTitle()
    {
        // Given a resolution and anchor explanation holding markup
        var dom = HtmlDom.Parse(new StoryReportWriter().Html(TimelineStories.HostileDate()));

        // When the highlighted date is parsed
        var span = Assert.Single(dom.GetElementById("article-A1")!.QuerySelectorAll("span.timex"));

        // Then the markup is literal tooltip text and no element was created from it
        Assert.Contains("Resolved: month and day in the anchor year <b>", span.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("falls on that weekday in 2018 <i>", span.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("June 12", span.TextContent);
        Assert.Empty(dom.QuerySelectorAll("b, i"));
    }
}
