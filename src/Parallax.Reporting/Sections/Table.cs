namespace Parallax.Reporting.Sections;

/// <summary>A table cell: plain text, optionally a link to an anchor in the report or shown as code.</summary>
internal sealed record Cell(string Text, string? Anchor = null, bool Code = false)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>Writes simple tables in both formats, encoding every cell.</summary>
internal static class Table
{
    public static void Markdown(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        writer.Write("| ");
        writer.Write(string.Join(" | ", header.Select(ReportText.MarkdownCell)));
        writer.Write(" |\n|");
        foreach (var _ in header) writer.Write(" --- |");
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write("| ");
            writer.Write(string.Join(" | ", row.Select(MarkdownCell)));
            writer.Write(" |\n");
        }
        writer.Write('\n');
    }

    public static void Html(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        writer.Write("<table>\n<thead><tr>");
        foreach (var h in header) writer.Write($"<th scope=\"col\">{ReportText.Html(h)}</th>");
        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            writer.Write("<tr>");
            foreach (var c in row) writer.Write($"<td>{HtmlCell(c)}</td>");
            writer.Write("</tr>\n");
        }
        writer.Write("</tbody>\n</table>\n");
    }

    // Markdown renderers derive heading anchors differently, so article references stay plain labels there.
    private static string MarkdownCell(Cell c) => ReportText.MarkdownCell(c.Text);

    private static string HtmlCell(Cell c)
    {
        var text = ReportText.Html(c.Text);
        if (c.Code) text = $"<code>{text}</code>";
        return c.Anchor is null ? text : $"<a href=\"#{ReportText.Html(c.Anchor)}\">{text}</a>";
    }
}
