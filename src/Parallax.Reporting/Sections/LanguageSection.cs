using System.Globalization;
using Parallax.Nlp.Documents;

namespace Parallax.Reporting.Sections;

/// <summary>Each article's language, and the lines or paragraphs written in another language.</summary>
internal sealed class LanguageSection : IReportSection
{
    private static readonly string[] DocumentHeader = ["Article", "Language", "Script", "Confidence", "Spans in another language"];
    private static readonly string[] SpanHeader = ["Article", "Clean span", "Language", "Script", "Confidence", "Text"];

    public string Id => "language";

    public string Title => "Language";

    public int Order => 600;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        Table.Markdown(writer, DocumentHeader, DocumentRows(context));
        var spans = SpanRows(context);
        if (spans.Count == 0) writer.Write("No text in another language was found.\n");
        else
        {
            writer.Write("### Text in another language\n\n");
            Table.Markdown(writer, SpanHeader, spans);
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        Table.Html(writer, DocumentHeader, DocumentRows(context));
        var spans = SpanRows(context);
        if (spans.Count == 0) writer.Write("<p>No text in another language was found.</p>\n");
        else
        {
            writer.Write("<h3>Text in another language</h3>\n");
            Table.Html(writer, SpanHeader, spans);
        }
    }

    private static List<IReadOnlyList<Cell>> DocumentRows(ReportContext context) =>
    [
        .. context.View.Articles.Select(a =>
        {
            var label = new Cell(Facts.Heading(context, a), context.AnchorOf(a.Id));
            var foreign = ArticleFacts.ForeignSpans(a).Length.ToString(CultureInfo.InvariantCulture);
            if (a.Document.TryGet(Layers.Language, out var tag))
                return (IReadOnlyList<Cell>)[label, $"{ArticleFacts.LanguageName(tag.Language)} ({tag.Language})", tag.Script, ReportText.Number(tag.Confidence), foreign];
            var fromMetadata = ArticleFacts.Value(a, MetadataField.Language);
            return [label, fromMetadata is null ? "not identified" : $"{ArticleFacts.LanguageName(fromMetadata)} ({fromMetadata}, from metadata)", "—", "—", foreign];
        }),
    ];

    private static List<IReadOnlyList<Cell>> SpanRows(ReportContext context) =>
    [
        .. context.View.Articles.SelectMany(a => ArticleFacts.ForeignSpans(a).Select(tag => (IReadOnlyList<Cell>)
        [
            new Cell(context.LabelOf(a.Id), context.AnchorOf(a.Id)),
            string.Create(CultureInfo.InvariantCulture, $"[{tag.Span.Start}, {tag.Span.End})"),
            $"{ArticleFacts.LanguageName(tag.Language)} ({tag.Language})",
            tag.Script,
            ReportText.Number(tag.Confidence),
            ReportText.Shorten(Slice(ArticleFacts.CleanText(a), tag.Span.Start, tag.Span.End), context.Options.ExcerptLength),
        ])),
    ];

    private static string Slice(string text, int start, int end)
    {
        start = Math.Min(start, text.Length);
        return text[start..Math.Clamp(end, start, text.Length)];
    }
}
