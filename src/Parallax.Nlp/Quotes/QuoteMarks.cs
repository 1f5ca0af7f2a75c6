using Parallax.Text;

namespace Parallax.Nlp.Quotes;

/// <summary>One stretch of quoted words found between quotation marks (or up to a paragraph's end).</summary>
/// <param name="Content">The words inside the marks, trimmed of spaces and leading dashes.</param>
/// <param name="OpenMark">Offset of the opening mark, or -1 when the piece has none (a closing mark ends it).</param>
/// <param name="CloseMark">Offset of the closing mark, or -1 when the paragraph ended first.</param>
/// <param name="Paragraph">Index of the paragraph.</param>
/// <param name="Single">True for single quotation marks outside any double ones.</param>
internal readonly record struct QuotePiece(TextSpan Content, int OpenMark, int CloseMark, int Paragraph, bool Single)
{
    /// <summary>Where the piece starts, marks included.</summary>
    public int Start => OpenMark >= 0 ? OpenMark : Content.Start;

    /// <summary>Where the piece ends, marks included.</summary>
    public int End => CloseMark >= 0 ? CloseMark + 1 : Content.End;
}

/// <summary>
/// Pairs quotation marks within each paragraph: straight and curly double marks, guillemets, and single marks outside
/// double ones (single marks inside double ones are nested quotes and stay part of the content). A double quote with no
/// closing mark closes at the paragraph's end; a closing mark with no opening one starts at the first sentence after the
/// previous quote (a quote resumed after "he said").
/// </summary>
internal static class QuoteMarks
{
    private enum Mark { None, Open, Close, SingleOpen, SingleClose }

    /// <summary>The quoted pieces of <paramref name="text"/>, in text order.</summary>
    public static List<QuotePiece> Find(string text, IReadOnlyList<TextSpan> paragraphs, IReadOnlyList<TextSpan> sentences)
    {
        var pieces = new List<QuotePiece>();
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            int open = -1, singleOpen = -1, lastEnd = para.Start;
            for (int i = para.Start; i < para.End; i++)
            {
                var mark = Classify(text, i, para, open >= 0, singleOpen >= 0);
                switch (mark)
                {
                    case Mark.Open:
                        if (open >= 0) Add(pieces, text, open, i, open - 1, -1, p, false);
                        open = i + 1;
                        singleOpen = -1;
                        break;
                    case Mark.Close when open >= 0:
                        Add(pieces, text, open, i, open - 1, i, p, false);
                        open = -1;
                        lastEnd = i + 1;
                        break;
                    case Mark.Close:
                        Add(pieces, text, OrphanStart(lastEnd, i, para, sentences), i, -1, i, p, false);
                        lastEnd = i + 1;
                        break;
                    case Mark.SingleOpen when open < 0 && singleOpen < 0:
                        singleOpen = i + 1;
                        break;
                    case Mark.SingleClose when open < 0 && singleOpen >= 0:
                        Add(pieces, text, singleOpen, i, singleOpen - 1, i, p, true);
                        singleOpen = -1;
                        lastEnd = i + 1;
                        break;
                }
            }

            if (open >= 0) Add(pieces, text, open, para.End, open - 1, -1, p, false);
        }

        return pieces;
    }

    private static void Add(List<QuotePiece> pieces, string text, int start, int end, int openMark, int closeMark, int paragraph, bool single)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '–' or '—' or '-')) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end - start < 2 || !text.AsSpan(start, end - start).ContainsAnyExcept(" .,;:!?…-–—")) return;
        pieces.Add(new QuotePiece(new TextSpan(start, end), openMark, closeMark, paragraph, single));
    }

    // The resumed part of a quote starts at the first sentence that begins after the previous quote ended.
    private static int OrphanStart(int lastEnd, int close, TextSpan para, IReadOnlyList<TextSpan> sentences)
    {
        if (lastEnd == para.Start) return para.Start;
        foreach (var s in sentences)
            if (s.Start >= lastEnd && s.Start < close) return s.Start;
        return lastEnd;
    }

    private static Mark Classify(string text, int i, TextSpan para, bool doubleOpen, bool singleOpen)
    {
        char c = text[i];
        char prev = i > para.Start ? text[i - 1] : ' ';
        char next = i + 1 < para.End ? text[i + 1] : ' ';
        switch (c)
        {
            case '“' or '„' or '«':
                return Mark.Open;
            case '”' or '»':
                return Mark.Close;
            case '"':
                if (IsOpeningContext(prev) && !char.IsWhiteSpace(next)) return Mark.Open;
                if (!char.IsWhiteSpace(prev) && (IsClosingContext(next))) return Mark.Close;
                return doubleOpen ? Mark.Close : Mark.Open;
            case '‘' or '’' or '\'':
                // An apostrophe between letters ("Iran’s", "Russia‘s") or after a plural ("leaders’ talks") is not a mark.
                if (char.IsLetterOrDigit(prev) && char.IsLetter(next)) return Mark.None;
                if (IsOpeningContext(prev) && char.IsLetterOrDigit(next) && c != '’') return Mark.SingleOpen;
                if (singleOpen && !char.IsWhiteSpace(prev) && IsClosingContext(next) && c != '‘') return Mark.SingleClose;
                return Mark.None;
            default:
                return Mark.None;
        }
    }

    private static bool IsOpeningContext(char prev) => char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or ':' or '/';

    private static bool IsClosingContext(char next) => char.IsWhiteSpace(next) || char.IsPunctuation(next) || next is '—' or '–';
}
