using Parallax.Core.Analysis;

namespace Parallax.Reporting.Sections;

/// <summary>A short multi-source summary, written from the merged events and the disagreements; every sentence cites the
/// article sentences it rests on.</summary>
internal sealed class SourcedSummarySection : IReportSection
{
    public string Id => "story-summary";

    public string Title => "What the outlets say";

    public int Order => 110;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var summary = StoryAnalysisCache.Of(context).Summary;
        if (summary.IsEmpty)
        {
            writer.Write("Nothing is reported by two outlets or disputed between them (or the event and quantity stages have not run).\n");
            return;
        }
        int n = 0;
        foreach (var s in summary)
        {
            n++;
            writer.Write($"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {ReportText.MarkdownCell(s.Text)}\n");
            foreach (var c in s.Cites) writer.Write($"   - {Cite.Markdown(context, c)}\n");
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var summary = StoryAnalysisCache.Of(context).Summary;
        if (summary.IsEmpty)
        {
            writer.Write("<p class=\"muted\">Nothing is reported by two outlets or disputed between them (or the event and quantity stages have not run).</p>\n");
            return;
        }
        writer.Write("<ol class=\"story-summary\">\n");
        foreach (var s in summary)
        {
            writer.Write($"<li><p>{ReportText.Html(s.Text)}</p>\n<ul class=\"story-list\">\n");
            foreach (var c in s.Cites) writer.Write($"<li>{Cite.Html(context, c)}</li>\n");
            writer.Write("</ul></li>\n");
        }
        writer.Write("</ol>\n");
    }
}
