namespace Parallax.Reporting.Sections;

/// <summary>Which article copies which, and how similar the copy is.</summary>
internal sealed class DuplicatesSection : IReportSection
{
    private static readonly string[] Header = ["Article", "Copies", "Similarity", "Outlets"];

    public string Id => "duplicates";

    public string Title => "Duplicates";

    public int Order => 500;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = Rows(context);
        if (rows.Count == 0) writer.Write("No article in this story duplicates another.\n");
        else Table.Markdown(writer, Header, rows);
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = Rows(context);
        if (rows.Count == 0) writer.Write("<p>No article in this story duplicates another.</p>\n");
        else Table.Html(writer, Header, rows);
    }

    private static List<IReadOnlyList<Cell>> Rows(ReportContext context) =>
    [
        .. context.View.Articles.Where(a => a.DuplicateOf is not null).Select(a =>
        {
            var original = context.Find(a.DuplicateOf!);
            var copyOf = original is null
                ? new Cell($"{a.DuplicateOf} (not in this story)")
                : new Cell(Facts.Heading(context, original), context.AnchorOf(original.Id));
            return (IReadOnlyList<Cell>)
            [
                new Cell(Facts.Heading(context, a), context.AnchorOf(a.Id)),
                copyOf,
                ReportText.Number(a.DuplicateSimilarity),
                $"{a.Outlet ?? "unknown"} copies {original?.Outlet ?? "unknown"}",
            ];
        }),
    ];
}
