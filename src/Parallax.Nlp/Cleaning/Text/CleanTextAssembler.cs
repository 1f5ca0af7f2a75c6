using System.Collections.Immutable;
using System.Text;
using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>
/// Builds the clean text from the judged lines: kept text is copied (and recorded in the offset map),
/// paragraphs are joined with "\n\n", a sentence broken across lines is rejoined with one space, and runs
/// of whitespace inside a line become one space. Synthesised characters (breaks, joining spaces) are not
/// in any map segment, so every mapped character equals its raw source character.
/// </summary>
internal static class CleanTextAssembler
{
    private const string ParagraphBreak = "\n\n";

    private readonly record struct Pending(RemovalReason Reason, TextSpan Span, string Detail);

    public static CleanedText Assemble(string raw, IReadOnlyList<SourceLine> lines)
    {
        var text = new StringBuilder(raw.Length);
        var map = new OffsetMap.Builder(raw.Length);
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        var removed = new List<RemovedBlock>();
        var pending = new List<Pending>();
        int paragraphStart = -1;

        void Flush(int cleanOffset)
        {
            foreach (var p in pending)
                removed.Add(new RemovedBlock(p.Reason, p.Span.Of(raw), p.Span, cleanOffset, p.Detail));
            pending.Clear();
        }

        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsRemoved)
            {
                int last = i;
                while (line.Block >= 0 && last + 1 < lines.Count && lines[last + 1].Block == line.Block) last++;
                pending.Add(new Pending(line.Reason!.Value, new TextSpan(line.Start, lines[last].End), line.Detail));
                i = last;
                continue;
            }

            if (line.ContinuesPrevious && paragraphStart >= 0)
            {
                Flush(text.Length);
                text.Append(' ');
            }
            else
            {
                if (paragraphStart >= 0) paragraphs.Add(new TextSpan(paragraphStart, text.Length));
                if (text.Length > 0) text.Append(ParagraphBreak);
                paragraphStart = text.Length;
                Flush(paragraphStart);
            }

            int at = line.Start;
            foreach (var cut in line.Excisions)
            {
                AppendPiece(raw, at, cut.RawSpan.Start, text, map, paragraphStart);
                removed.Add(new RemovedBlock(cut.Reason, cut.RawSpan.Of(raw), cut.RawSpan, text.Length, cut.Detail));
                at = cut.RawSpan.End;
            }
            AppendPiece(raw, at, line.End, text, map, paragraphStart);
        }

        if (paragraphStart >= 0) paragraphs.Add(new TextSpan(paragraphStart, text.Length));
        Flush(text.Length);
        removed.Sort((a, b) => a.RawSpan.Start.CompareTo(b.RawSpan.Start));
        return new CleanedText(text.ToString(), paragraphs.ToImmutable(), map.Build(text.Length), [.. removed]);
    }

    private static void AppendPiece(string raw, int from, int to, StringBuilder text, OffsetMap.Builder map, int paragraphStart)
    {
        int i = from;
        // Leading space is dropped at a paragraph start or after a space already written.
        while (i < to && char.IsWhiteSpace(raw[i]) && (text.Length == paragraphStart || text[^1] == ' ')) i++;
        while (i < to)
        {
            if (char.IsWhiteSpace(raw[i]))
            {
                int run = i;
                while (run < to && char.IsWhiteSpace(raw[run])) run++;
                if (run == to) break;
                if (run - i == 1)
                {
                    map.Add(text.Length, i, 1);
                    text.Append(raw[i]);
                }
                else
                {
                    text.Append(' ');
                }
                i = run;
                continue;
            }
            int end = i;
            while (end < to && !char.IsWhiteSpace(raw[end])) end++;
            map.Add(text.Length, i, end - i);
            text.Append(raw, i, end - i);
            i = end;
        }
    }
}
