using System.Collections.Immutable;
using System.Text;
using Parallax.Text;

namespace Parallax.Reporting.Html;

/// <summary>
/// Renders clean text as HTML paragraphs with stand-off annotations merged into properly nested elements.
/// </summary>
/// <remarks>
/// Ranges are ordered by start, then longer first, then by the order given; an earlier range encloses a later one.
/// When two ranges cross (A = [0, 10), B = [5, 15)), B is closed at A's end and reopened right after it, so the
/// markup always nests and every character keeps all the classes of the ranges covering it. Ranges are also split
/// at paragraph ends. A point marker strictly inside a paragraph is drawn inline; one at a paragraph edge or between
/// paragraphs is drawn in a marker row between the paragraphs.
/// </remarks>
internal static class AnnotatedTextRenderer
{
    private sealed record Range(int Start, int End, int Rank, SpanAnnotation Annotation);

    public static void Render(string text, ImmutableArray<TextSpan> paragraphs, IEnumerable<SpanAnnotation> annotations, TextWriter writer)
    {
        var ranges = new List<Range>();
        var markers = new List<(int At, int Order, SpanAnnotation Annotation)>();
        int order = 0;
        foreach (var a in annotations)
        {
            order++;
            if (a.Span.Start > text.Length) continue;
            int end = Math.Min(a.Span.End, text.Length);
            if (a.Span.IsEmpty) markers.Add((a.Span.Start, order, a));
            else if (end > a.Span.Start) ranges.Add(new Range(a.Span.Start, end, order, a));
        }
        var sortedRanges = ranges.OrderBy(r => r.Start).ThenByDescending(r => r.End).ThenBy(r => r.Rank)
            .Select((r, i) => r with { Rank = i }).ToList();
        var sortedMarkers = markers.OrderBy(m => m.At).ThenBy(m => m.Order).Select(m => (m.At, m.Annotation)).ToList();

        int mi = 0;
        foreach (var p in paragraphs)
        {
            int rowStart = mi;
            while (mi < sortedMarkers.Count && sortedMarkers[mi].At <= p.Start) mi++;
            WriteMarkerRow(sortedMarkers, rowStart, mi, writer);
            writer.Write("<p>");
            mi = WriteParagraph(text, p, sortedRanges, sortedMarkers, mi, writer);
            writer.Write("</p>\n");
        }
        WriteMarkerRow(sortedMarkers, mi, sortedMarkers.Count, writer);
    }

    private static int WriteParagraph(string text, TextSpan p, List<Range> ranges, List<(int At, SpanAnnotation Annotation)> markers, int mi, TextWriter writer)
    {
        var inside = ranges.Where(r => r.Start < p.End && r.End > p.Start).ToList();
        var bounds = new SortedSet<int> { p.Start, p.End };
        foreach (var r in inside)
        {
            bounds.Add(Math.Max(r.Start, p.Start));
            bounds.Add(Math.Min(r.End, p.End));
        }
        for (int k = mi; k < markers.Count && markers[k].At < p.End; k++) bounds.Add(markers[k].At);

        var open = new List<Range>();
        var points = bounds.ToList();
        for (int i = 0; i + 1 < points.Count; i++)
        {
            int at = points[i], next = points[i + 1];
            var wanted = inside.Where(r => r.Start <= at && r.End > at).ToList();
            int common = 0;
            while (common < open.Count && common < wanted.Count && ReferenceEquals(open[common], wanted[common])) common++;
            for (int c = open.Count - 1; c >= common; c--) writer.Write("</span>");
            open.RemoveRange(common, open.Count - common);
            while (mi < markers.Count && markers[mi].At == at)
            {
                WriteMarker(markers[mi].Annotation, writer);
                mi++;
            }
            for (int w = common; w < wanted.Count; w++)
            {
                WriteOpen(wanted[w].Annotation, writer);
                open.Add(wanted[w]);
            }
            WriteText(text.AsSpan(at, next - at), writer);
        }
        for (int c = open.Count - 1; c >= 0; c--) writer.Write("</span>");
        return mi;
    }

    private static void WriteMarkerRow(List<(int At, SpanAnnotation Annotation)> markers, int from, int to, TextWriter writer)
    {
        if (from >= to) return;
        writer.Write("<div class=\"markers\">");
        for (int i = from; i < to; i++) WriteMarker(markers[i].Annotation, writer);
        writer.Write("</div>\n");
    }

    private static void WriteOpen(SpanAnnotation a, TextWriter writer)
    {
        writer.Write("<span class=\"");
        writer.Write(SafeClass(a.CssClass));
        writer.Write("\" title=\"");
        writer.Write(ReportText.Html(a.Title));
        writer.Write('"');
        if (!string.IsNullOrEmpty(a.Language))
        {
            writer.Write(" lang=\"");
            writer.Write(ReportText.Html(a.Language));
            writer.Write("\" dir=\"auto\"");
        }
        writer.Write('>');
    }

    private static void WriteMarker(SpanAnnotation a, TextWriter writer)
    {
        writer.Write("<span class=\"badge ");
        writer.Write(SafeClass(a.CssClass));
        writer.Write("\" title=\"");
        writer.Write(ReportText.Html(a.Title));
        writer.Write("\">");
        writer.Write(ReportText.Html(string.IsNullOrEmpty(a.Badge) ? "•" : a.Badge));
        writer.Write("</span>");
    }

    /// <summary>Encodes text, turning line breaks inside a paragraph into &lt;br&gt;.</summary>
    internal static void WriteText(ReadOnlySpan<char> text, TextWriter writer)
    {
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var line = text[start..i];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            writer.Write(ReportText.Html(line.ToString()));
            if (i < text.Length) writer.Write("<br>");
            start = i + 1;
        }
    }

    /// <summary>Keeps only characters valid in a class list, so a source cannot break out of the attribute.</summary>
    internal static string SafeClass(string cssClass)
    {
        var sb = new StringBuilder(cssClass.Length);
        foreach (char c in cssClass)
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' ') sb.Append(c);
        return sb.ToString().Trim();
    }
}
