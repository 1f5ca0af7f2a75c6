using Parallax.Core.Articles;
using Parallax.Nlp.Documents;

namespace Parallax.Reporting.Sections;

/// <summary>Per article, each known field's chosen value with its provenance, and the alternatives that lost.</summary>
internal sealed class MetadataSection : IReportSection
{
    private static readonly string[] Header = ["Field", "Chosen value", "Source", "Confidence", "Evidence", "Alternatives seen"];

    public string Id => "metadata";

    public string Title => "Metadata and provenance";

    public int Order => 300;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        writer.Write("Each field shows the value chosen (by source preference, then confidence) and every other value seen.\n\n");
        foreach (var article in context.View.Articles)
        {
            writer.Write($"### {ReportText.Markdown(Facts.Heading(context, article))}\n\n");
            var rows = Rows(context, article);
            if (rows.Count == 0) writer.Write("No metadata found.\n\n");
            else Table.Markdown(writer, Header, rows);
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        writer.Write("<p>Each field shows the value chosen (by source preference, then confidence) and every other value seen.</p>\n");
        foreach (var article in context.View.Articles)
        {
            writer.Write($"<h3><a href=\"#{ReportText.Html(context.AnchorOf(article.Id))}\">{ReportText.Html(Facts.Heading(context, article))}</a></h3>\n");
            var rows = Rows(context, article);
            if (rows.Count == 0) writer.Write("<p>No metadata found.</p>\n");
            else Table.Html(writer, Header, rows);
        }
    }

    private static List<IReadOnlyList<Cell>> Rows(ReportContext context, ArticleRecord article)
    {
        var metadata = article.Document.Metadata;
        int limit = context.Options.ExcerptLength;
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var chosen in metadata.Chosen)
        {
            var others = metadata.Candidates
                .Where(c => c.Field == chosen.Field && !ReferenceEquals(c, chosen))
                .Select(c => $"{ReportText.Shorten(c.Value, limit)} ({ArticleFacts.SourceLabel(c.Source)}, {ReportText.Number(c.Confidence)})")
                .ToList();
            rows.Add(
            [
                ArticleFacts.FieldLabel(chosen.Field),
                ReportText.Shorten(chosen.Value, limit),
                ArticleFacts.SourceLabel(chosen.Source),
                ReportText.Number(chosen.Confidence),
                chosen.Evidence is null ? "—" : new Cell(ReportText.Shorten(chosen.Evidence, limit), Code: true),
                others.Count == 0 ? "—" : string.Join("; ", others),
            ]);
        }
        return rows;
    }
}
