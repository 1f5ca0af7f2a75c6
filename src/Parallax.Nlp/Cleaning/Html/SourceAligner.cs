using System.Net;
using AngleSharp.Dom;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Finds where the parser's decoded text nodes sit in the raw HTML. AngleSharp records where elements start but
/// not where text starts, so text is matched forward from the last element start, character by character,
/// decoding entities and line-ending normalisation on the way. Nodes must be fed in document order.
/// </summary>
internal sealed class SourceAligner
{
    // How far past the cursor a text node is searched for before it is given up as unmappable; keeps a page
    // whose text cannot be found (parser-synthesised text, foster-parented content) linear rather than quadratic.
    private const int SearchWindow = 8 * 1024;
    private const int MaxEntityLength = 40;

    private readonly string _raw;
    private int _cursor;

    public SourceAligner(string raw) => _raw = raw;

    /// <summary>The raw offset just after the last matched text or element start.</summary>
    public int Cursor => _cursor;

    /// <summary>The raw offset of an element's start tag, or -1 when the parser implied the element.</summary>
    public static int StartOf(IElement element) => element.SourceReference?.Position.Index ?? -1;

    /// <summary>Moves the cursor to the element's start tag.</summary>
    public void Enter(IElement element)
    {
        int start = StartOf(element);
        if (start > _cursor) _cursor = start;
    }

    /// <summary>Moves the cursor past raw-text content (script, style) so that text inside it is never matched.</summary>
    public void SkipRawText(IElement element)
    {
        Enter(element);
        int close = _raw.IndexOf("</" + element.LocalName, _cursor + 1, StringComparison.OrdinalIgnoreCase);
        if (close >= 0) _cursor = close;
    }

    /// <summary>The end of an element's closing tag when it directly follows the cursor, else the cursor.</summary>
    public int EndAfterClosingTag(IElement element)
    {
        int at = _cursor;
        while (at < _raw.Length && char.IsWhiteSpace(_raw[at])) at++;
        if (at + 2 + element.LocalName.Length <= _raw.Length && _raw[at] == '<' && _raw[at + 1] == '/'
            && string.Compare(_raw, at + 2, element.LocalName, 0, element.LocalName.Length, StringComparison.OrdinalIgnoreCase) == 0)
        {
            int gt = _raw.IndexOf('>', at);
            if (gt >= 0) return gt + 1;
        }
        return _cursor;
    }

    /// <summary>
    /// Locates <paramref name="text"/> at or after the cursor. On success fills, for each character, the raw offset
    /// and raw length it came from (length 0 for the second unit of a character decoded from one entity), advances
    /// the cursor and returns true; otherwise leaves the cursor and returns false.
    /// </summary>
    public bool Align(string text, int[] starts, int[] lengths)
    {
        if (text.Length == 0) return true;
        int limit = (int)Math.Min(_raw.Length, (long)_cursor + SearchWindow + text.Length);
        int p = _cursor;
        while (p < limit)
        {
            char c = _raw[p];
            if (c == '<' && text[0] != '<' && IsMarkupStart(p))
            {
                p = SkipMarkup(p);
                continue;
            }
            if (TryMatchAt(p, text, starts, lengths, out int end))
            {
                _cursor = end;
                return true;
            }
            p++;
        }
        return false;
    }

    private bool IsMarkupStart(int p)
    {
        if (p + 1 >= _raw.Length) return false;
        char n = _raw[p + 1];
        return char.IsAsciiLetter(n) || n == '/' || n == '!' || n == '?';
    }

    private int SkipMarkup(int p)
    {
        if (string.CompareOrdinal(_raw, p, "<!--", 0, 4) == 0)
        {
            int close = _raw.IndexOf("-->", p + 4, StringComparison.Ordinal);
            return close < 0 ? _raw.Length : close + 3;
        }
        // Quotes only matter after '=', where attribute values may contain '>'.
        char quote = '\0';
        for (int i = p + 1; i < _raw.Length; i++)
        {
            char c = _raw[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if ((c == '"' || c == '\'') && _raw[i - 1] == '=') quote = c;
            else if (c == '>') return i + 1;
        }
        return _raw.Length;
    }

    private bool TryMatchAt(int p, string text, int[] starts, int[] lengths, out int end)
    {
        int i = 0, q = p;
        end = p;
        while (i < text.Length)
        {
            if (q >= _raw.Length) return false;
            char rc = _raw[q];
            char tc = text[i];
            if (rc == '&' && TryEntity(q, text, i, out int entityLength, out int decodedLength))
            {
                starts[i] = q;
                lengths[i] = entityLength;
                for (int k = 1; k < decodedLength; k++)
                {
                    starts[i + k] = q + entityLength;
                    lengths[i + k] = 0;
                }
                i += decodedLength;
                q += entityLength;
            }
            else if (rc == tc || (rc == '\0' && tc == '\uFFFD'))
            {
                starts[i] = q;
                lengths[i] = 1;
                i++;
                q++;
            }
            else if (rc == '\r' && tc == '\n')
            {
                int len = q + 1 < _raw.Length && _raw[q + 1] == '\n' ? 2 : 1;
                starts[i] = q;
                lengths[i] = len;
                i++;
                q += len;
            }
            else if (rc == '<' && i > 0 && IsMarkupStart(q))
            {
                // The parser merges text across tags it ignores (a stray end tag, say).
                q = SkipMarkup(q);
            }
            else return false;
        }
        end = q;
        return true;
    }

    private bool TryEntity(int q, string text, int i, out int entityLength, out int decodedLength)
    {
        entityLength = 0;
        decodedLength = 0;
        int max = Math.Min(_raw.Length, q + MaxEntityLength);
        int semi = -1;
        for (int k = q + 1; k < max; k++)
        {
            char c = _raw[k];
            if (c == ';') { semi = k; break; }
            if (!char.IsAsciiLetterOrDigit(c) && c != '#') break;
        }
        if (semi < 0) return TryBareEntity(q, text, i, out entityLength, out decodedLength);
        string entity = _raw.Substring(q, semi + 1 - q);
        string decoded = WebUtility.HtmlDecode(entity);
        if (string.Equals(decoded, entity, StringComparison.Ordinal) || decoded.Length == 0) return false;
        if (string.CompareOrdinal(text, i, decoded, 0, decoded.Length) != 0) return false;
        entityLength = entity.Length;
        decodedLength = decoded.Length;
        return true;
    }

    // Legacy entities written without their semicolon, which browsers and AngleSharp still decode.
    private bool TryBareEntity(int q, string text, int i, out int entityLength, out int decodedLength)
    {
        entityLength = 0;
        decodedLength = 1;
        ReadOnlySpan<(string Name, char Value)> known = [("&nbsp", '\u00A0'), ("&amp", '&'), ("&lt", '<'), ("&gt", '>'), ("&quot", '"'), ("&copy", '\u00A9')];
        foreach (var (name, value) in known)
        {
            if (text[i] == value && string.CompareOrdinal(_raw, q, name, 0, name.Length) == 0)
            {
                entityLength = name.Length;
                return true;
            }
        }
        return false;
    }
}
