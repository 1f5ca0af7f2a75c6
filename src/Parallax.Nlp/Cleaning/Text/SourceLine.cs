using Parallax.Nlp.Documents;
using Parallax.Text;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>A part of a line cut out while the rest of the line stays (an inline prompt, a headline beside its translation).</summary>
internal sealed record Excision(TextSpan RawSpan, RemovalReason Reason, string Detail);

/// <summary>
/// One non-blank line of the raw input, trimmed, with the cleaner's verdict on it. Mutable working state
/// of a single <see cref="ScrapedTextCleaner.Clean"/> call; never shared between calls.
/// </summary>
internal sealed class SourceLine
{
    public SourceLine(int ordinal, int start, int end, string text)
    {
        Ordinal = ordinal;
        Start = start;
        End = end;
        Text = text;
        Words = LineFeatures.CountWords(text);
    }

    /// <summary>Position among the non-blank lines.</summary>
    public int Ordinal { get; }

    /// <summary>Raw offset of the first non-space character.</summary>
    public int Start { get; }

    /// <summary>Raw offset after the last non-space character.</summary>
    public int End { get; }

    public string Text { get; }

    public int Words { get; }

    /// <summary>Set when the whole line is removed.</summary>
    public RemovalReason? Reason { get; private set; }

    public string Detail { get; private set; } = "";

    /// <summary>Lines removed together as one block share a block number; -1 for single lines.</summary>
    public int Block { get; private set; } = -1;

    /// <summary>True when the line continues the previous kept line's paragraph (a sentence broken across lines).</summary>
    public bool ContinuesPrevious { get; set; }

    /// <summary>Parts of the line cut out while the rest stays, in raw order.</summary>
    public List<Excision> Excisions { get; } = [];

    public bool IsRemoved => Reason is not null;

    /// <summary>True when some text of the line stays in the clean text.</summary>
    public bool IsKept => Reason is null;

    /// <summary>Marks the whole line removed, unless an earlier rule already did.</summary>
    public void Remove(RemovalReason reason, string detail, int block = -1)
    {
        if (Reason is not null) return;
        Reason = reason;
        Detail = detail;
        Block = block;
    }

    /// <summary>The text still kept once excisions are taken out.</summary>
    public string KeptText(string raw)
    {
        if (Excisions.Count == 0) return Text;
        var sb = new System.Text.StringBuilder();
        int at = Start;
        foreach (var e in Excisions)
        {
            sb.Append(raw, at, e.RawSpan.Start - at);
            at = e.RawSpan.End;
        }
        sb.Append(raw, at, End - at);
        return sb.ToString().Trim();
    }
}
