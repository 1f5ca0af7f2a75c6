using System.Text.RegularExpressions;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Tests.Cleaning.Text;

/// <summary>Checks shared by the cleaner specs: the structural invariants every result must keep.</summary>
internal static partial class CleaningAssert
{
    /// <summary>Whitespace runs (including no-break spaces) folded to one space, ends trimmed.</summary>
    public static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    public static void Invariants(string raw, CleaningResult result)
    {
        var clean = result.Clean;
        var text = clean.Text;

        // Every mapped character is a verbatim copy of its raw source character.
        Assert.Equal(text.Length, clean.Map.CleanLength);
        Assert.Equal(raw.Length, clean.Map.RawLength);
        int previousEnd = 0;
        foreach (var s in clean.Map.Segments)
        {
            Assert.True(s.CleanStart >= previousEnd, "segments are ordered and disjoint");
            Assert.Equal(s.Length, s.RawLength);
            for (int i = 0; i < s.Length; i++)
            {
                Assert.Equal(raw[s.RawStart + i], text[s.CleanStart + i]);
                Assert.Equal(s.RawStart + i, clean.Map.ToRaw(s.CleanStart + i));
            }
            previousEnd = s.CleanStart + s.Length;
        }

        // Characters outside segments are only the synthesised paragraph breaks and single spaces.
        var mapped = new bool[text.Length];
        foreach (var s in clean.Map.Segments) for (int i = 0; i < s.Length; i++) mapped[s.CleanStart + i] = true;
        for (int i = 0; i < text.Length; i++) if (!mapped[i]) Assert.True(text[i] is ' ' or '\n', $"unmapped character at {i} is whitespace");

        // Paragraphs cover the text in order, separated by exactly "\n\n", never empty or padded.
        int at = 0;
        for (int p = 0; p < clean.Paragraphs.Length; p++)
        {
            var span = clean.Paragraphs[p];
            Assert.Equal(at, span.Start);
            Assert.False(span.IsEmpty);
            var paragraph = span.Of(text);
            Assert.Equal(paragraph.Trim(), paragraph);
            Assert.DoesNotContain('\n', paragraph);
            at = span.End;
            if (p < clean.Paragraphs.Length - 1)
            {
                Assert.Equal("\n\n", text.Substring(at, 2));
                at += 2;
            }
        }
        Assert.Equal(text.Length, at);

        // Removed blocks are raw substrings, ordered, with a valid restore point.
        int lastStart = -1;
        foreach (var block in clean.Removed)
        {
            Assert.Equal(block.RawSpan.Of(raw), block.Text);
            Assert.InRange(block.CleanOffset, 0, text.Length);
            Assert.True(block.RawSpan.Start >= lastStart);
            Assert.False(string.IsNullOrWhiteSpace(block.Detail));
            lastStart = block.RawSpan.Start;
        }

        // Nothing is lost: every non-space character of the raw text is kept or removed.
        int rawLetters = raw.Count(c => !char.IsWhiteSpace(c));
        int keptLetters = text.Count(c => !char.IsWhiteSpace(c));
        int removedLetters = clean.Removed.Sum(b => b.Text.Count(c => !char.IsWhiteSpace(c)));
        Assert.Equal(rawLetters, keptLetters + removedLetters);

        foreach (var c in result.Metadata)
        {
            Assert.InRange(c.Confidence, 0.0, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(c.Value));
            Assert.Equal(MetadataSource.TextCue, c.Source);
            if (c.RawSpan is { } span) Assert.InRange(span.End, span.Start, raw.Length);
        }
    }

    public static MetadataCandidate Single(CleaningResult result, MetadataField field)
    {
        var found = result.Metadata.Where(c => c.Field == field).ToList();
        Assert.True(found.Count == 1, $"expected one {field} candidate, found {found.Count}: {string.Join(" | ", found.Select(f => f.Value))}");
        return found[0];
    }

    public static RemovedBlock RemovedWith(CleaningResult result, string fragment)
    {
        var block = result.Clean.Removed.FirstOrDefault(b => b.Text.Contains(fragment, StringComparison.Ordinal));
        Assert.True(block is not null, $"no removed block contains '{fragment}'");
        return block;
    }

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();
}
