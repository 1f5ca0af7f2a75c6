using System.Globalization;
using Parallax.Core.Articles;

namespace Parallax.Reporting.Sections;

/// <summary>Per article, each block cleaning left out: why, the cleaner's explanation, and the text (shortened).</summary>
internal sealed class RemovedSection : IReportSection
{
    private static readonly string[] Header = ["Reason", "Detail", "Removed text", "Raw span"];

    public string Id => "removed";

    public string Title => "What was removed and why";

    public int Order => 400;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var article in context.View.Articles)
        {
            writer.Write($"### {ReportText.Markdown(Facts.Heading(context, article))}\n\n");
            writer.Write(ReportText.Markdown(Summary(article)));
            writer.Write("\n\n");
            var rows = Rows(context, article);
            if (rows.Count > 0) Table.Markdown(writer, Header, rows);
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var article in context.View.Articles)
        {
            writer.Write($"<h3><a href=\"#{ReportText.Html(context.AnchorOf(article.Id))}\">{ReportText.Html(Facts.Heading(context, article))}</a></h3>\n");
            writer.Write($"<p>{ReportText.Html(Summary(article))}</p>\n");
            var rows = Rows(context, article);
            if (rows.Count > 0) Table.Html(writer, Header, rows);
        }
    }

    private static string Summary(ArticleRecord article)
    {
        var clean = ArticleFacts.Clean(article);
        if (clean is null) return "Not cleaned.";
        if (clean.Removed.IsDefaultOrEmpty) return "Nothing was removed.";
        int chars = clean.Removed.Sum(b => b.Text.Length);
        return $"{StoryReportWriter.Plural(clean.Removed.Length, "block")} removed, {StoryReportWriter.Plural(chars, "character")}; " +
               $"the clean text keeps {StoryReportWriter.Plural(clean.Text.Length, "character")} of {StoryReportWriter.Plural(article.Document.Raw.Length, "raw character")}.";
    }

    private static List<IReadOnlyList<Cell>> Rows(ReportContext context, ArticleRecord article)
    {
        var clean = ArticleFacts.Clean(article);
        if (clean is null) return [];
        return [.. clean.Removed.OrderBy(b => b.RawSpan.Start).Select(b => (IReadOnlyList<Cell>)
        [
            ArticleFacts.ReasonLabel(b.Reason),
            b.Detail,
            new Cell(ReportText.Shorten(b.Text, context.Options.ExcerptLength)),
            string.Create(CultureInfo.InvariantCulture, $"[{b.RawSpan.Start}, {b.RawSpan.End})"),
        ])];
    }
}
