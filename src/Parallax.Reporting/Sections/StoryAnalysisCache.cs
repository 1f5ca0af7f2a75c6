using System.Runtime.CompilerServices;
using Parallax.Core.Analysis;
using Parallax.Core.Articles;

namespace Parallax.Reporting.Sections;

/// <summary>
/// The story analysis of a view, computed once per view and shared by the story sections and exporters (keyed by the
/// view object, released with it). Thread-safe.
/// </summary>
internal static class StoryAnalysisCache
{
    private static readonly Lazy<StoryAnalyzer> Analyzer = new(() => new StoryAnalyzer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConditionalWeakTable<StoryView, StoryAnalysis> Cache = [];

    public static StoryAnalysis Of(StoryView view) => Cache.GetValue(view, v => Analyzer.Value.Analyze(v));

    public static StoryAnalysis Of(ReportContext context) => Of(context.View);
}

/// <summary>How the story sections cite article sentences in both formats.</summary>
internal static class Cite
{
    /// <summary>"A2 (Valley Post): “sentence…”" for Markdown.</summary>
    public static string Markdown(ReportContext context, SourceRef source, bool withText = true)
    {
        var label = context.LabelOf(source.ArticleId) + " (" + source.Outlet + ")";
        return withText
            ? ReportText.MarkdownCell(label) + ": “" + ReportText.MarkdownCell(ReportText.Shorten(source.Text, context.Options.ExcerptLength)) + "”"
            : ReportText.MarkdownCell(label);
    }

    /// <summary>A link to the article with the sentence's offsets in data attributes, then the sentence quoted.</summary>
    public static string Html(ReportContext context, SourceRef source, bool withText = true)
    {
        var link = $"<a class=\"cite\" href=\"#{ReportText.Html(context.AnchorOf(source.ArticleId))}\" data-article-id=\"{ReportText.Html(source.ArticleId)}\" "
                   + $"data-start=\"{source.Sentence.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" data-end=\"{source.Sentence.End.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" "
                   + $"title=\"{ReportText.Html(source.Outlet)}, characters {source.Sentence.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}–{source.Sentence.End.ToString(System.Globalization.CultureInfo.InvariantCulture)}\">"
                   + $"{ReportText.Html(context.LabelOf(source.ArticleId))}</a> <span class=\"cite-outlet\">{ReportText.Html(source.Outlet)}</span>";
        return withText ? link + $" <q>{ReportText.Html(ReportText.Shorten(source.Text, context.Options.ExcerptLength))}</q>" : link;
    }

    public const string Stylesheet = """
        a.cite { font-weight: 600; text-decoration: none; }
        .cite-outlet { color: var(--muted); font-size: 0.9em; }
        ul.story-list { margin: 0 0 1rem; padding-left: 1.1rem; }
        ul.story-list > li { margin: 0 0 0.45rem; }
        .verdict { display: inline-block; font-size: 0.75rem; padding: 0 0.45rem; border-radius: 999px; border: 1px solid currentColor; margin-right: 0.35rem; }
        .verdict-contradiction { color: #cf222e; font-weight: 700; }
        .verdict-discrepancy { color: #9a6700; font-weight: 700; }
        .verdict-agreement { color: #1a7f37; }
        .verdict-unique { color: var(--muted); }
        .modality { font-size: 0.78rem; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; }
        .modality-denied, .modality-negated { color: #cf222e; border-color: currentColor; }
        .modality-reported, .modality-alleged { color: #8250df; border-color: currentColor; }
        .modality-planned, .modality-threatened, .modality-hypothetical { color: #bf3989; border-style: dashed; }
        .story-event, .story-claim { border-left: 3px solid var(--line); padding: 0 0 0.2rem 0.9rem; margin: 0 0 1.1rem; }
        .story-claim.claim-contradiction { border-left-color: #cf222e; }
        .story-claim.claim-discrepancy { border-left-color: #d4a72c; }
        .story-event > h3, .story-claim > h3 { margin: 0 0 0.3rem; font-size: 1.02rem; }
        details.story-more > summary { cursor: pointer; color: var(--muted); margin: 0 0 0.6rem; }
        """;
}
