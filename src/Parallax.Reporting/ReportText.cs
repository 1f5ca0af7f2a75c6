using System.Globalization;
using System.Text;

namespace Parallax.Reporting;

/// <summary>
/// Encoding helpers for report sections. Every piece of text that came from an article (body, metadata,
/// evidence, source ids) must pass through <see cref="Html"/> or <see cref="Markdown"/> before it is written,
/// so text copied from a web page is always shown, never interpreted.
/// </summary>
/// <remarks>Stateless and thread-safe. Null input is treated as the empty string.</remarks>
public static class ReportText
{
    /// <summary>
    /// HTML-encodes text for element content and for quoted attribute values: <c>&amp; &lt; &gt; " '</c> become
    /// character references; every other character, non-ASCII included, is kept as is (the report is UTF-8).
    /// </summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// Escapes text for inline Markdown (CommonMark / GitHub): punctuation that could start emphasis, links,
    /// code, raw HTML, entities or tables is backslash-escaped, and block markers at the start of a line
    /// (<c>#</c>, <c>&gt;</c>, list bullets, ordered-list numbers) are neutralised. Line breaks are kept.
    /// </summary>
    public static string Markdown(string? text) => EscapeMarkdown(text, blockContext: true);

    private static string EscapeMarkdown(string? text, bool blockContext)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 16);
        bool lineStart = blockContext;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '~' or '!')
                sb.Append('\\');
            else if (lineStart && c is '#' or '+' or '-' or '=')
                sb.Append('\\');
            else if (lineStart && char.IsAsciiDigit(c))
            {
                // "1. Text" or "1) Text" at a line start would become an ordered list: escape the delimiter.
                int j = i;
                while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                sb.Append(text, i, j - i);
                if (j < text.Length && text[j] is '.' or ')') sb.Append('\\');
                i = j - 1;
                lineStart = false;
                continue;
            }
            sb.Append(c);
            if (c == '\n') lineStart = blockContext;
            else if (c is not (' ' or '\t')) lineStart = false;
        }
        return sb.ToString();
    }

    /// <summary>Escapes text for one Markdown table cell: as <see cref="Markdown"/>, with line breaks folded to spaces.</summary>
    public static string MarkdownCell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        // A cell never starts a block, so only inline punctuation needs escaping ("0.95" stays as is).
        return EscapeMarkdown(flat.Trim(), blockContext: false);
    }

    /// <summary>
    /// Shortens text to at most <paramref name="maxLength"/> characters (UTF-16 code units, never splitting a
    /// surrogate pair), folding runs of white space to one space and ending with "…" when anything was cut.
    /// Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="maxLength"/> is below 2.
    /// </summary>
    public static string Shorten(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        bool space = false;
        foreach (char c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        if (sb.Length <= maxLength) return sb.ToString();
        int cut = maxLength - 1;
        if (char.IsHighSurrogate(sb[cut - 1])) cut--;
        return sb.ToString(0, cut).TrimEnd() + "…";
    }

    /// <summary>A number formatted with invariant culture and at most <paramref name="decimals"/> decimals ("0.93").</summary>
    public static string Number(double value, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var format = decimals == 0 ? "0" : "0." + new string('#', decimals);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>An instant as ISO 8601 in UTC with only the fractional digits needed ("2024-05-01T10:00:00Z").</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
