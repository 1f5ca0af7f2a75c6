using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Parallax.Text.Tokens;

/// <summary>
/// Groups the tokens of a text into sentences. A sentence ends after ". ! ? …" (and their Arabic and CJK forms)
/// unless the next word starts in lower case, after an abbreviation only when the next word is a common
/// sentence opener ("in the U.S. The…" ends, "U.S. President" does not; titles such as "Maj.-Gen." never end one),
/// always at a paragraph break (a blank line), and at a single line break after a line without terminal
/// punctuation (a headline or a dateline) when the next line does not start in lower case. Closing quotes and
/// brackets stay with the sentence they close.
/// </summary>
/// <remarks>
/// Contract: the sentences are ordered, do not overlap, each starts at the start of a token and ends at the end
/// of a token, and every token lies inside exactly one sentence; a text without tokens has no sentences. Offsets
/// are UTF-16 code units into the text the tokens were cut from. Holds no mutable state: one instance may be
/// used from many threads at once. Throws <see cref="ArgumentNullException"/> for a null text and
/// <see cref="ArgumentException"/> when a token lies outside the text.
/// </remarks>
public sealed class SentenceSplitter
{
    // Capitalised words that open sentences far more often than they continue a name after an abbreviation.
    private static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(
        ["The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
         "In", "On", "At", "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "According", "After", "Before",
         "As", "If", "When", "While", "Earlier", "Later", "His", "Her", "Its", "Their", "Our", "My", "Some", "Many",
         "Most", "Other", "Another", "Not", "Also", "Still", "Since", "During", "For", "From", "With", "Without",
         "Despite", "Although", "Though", "Then", "Now", "Today", "Yesterday", "Last", "Next", "Such", "What", "Who",
         "Why", "How", "Where", "Which", "Both", "Each", "All", "Any", "Several", "Under", "Over", "Among", "Between",
         "By", "Moreover", "Furthermore", "Instead", "Nevertheless", "Thus", "Therefore", "Indeed", "Here", "Once",
         "Until", "Unlike", "Like", "Because", "Even", "Only", "Nor", "No", "Neither", "Either"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup =
        Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A shared instance.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>The sentence spans of <paramref name="text"/>, given its tokens (from <see cref="Tokenizer"/>).</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">When a token lies outside the text.</exception>
    public ImmutableArray<TextSpan> Split(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tokens.IsDefaultOrEmpty) return [];
        var list = new List<TextSpan>((tokens.Length / 20) + 1);
        Split(text.AsSpan(), tokens.AsSpan(), list);
        return ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());
    }

    /// <summary>Appends the sentence spans to <paramref name="destination"/>; the span form of <see cref="Split(string, ImmutableArray{Token})"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">When a token lies outside the text.</exception>
    public void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<TextSpan> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int n = tokens.Length;
        if (n == 0) return;
        if (tokens[n - 1].End > text.Length || tokens[0].Start < 0)
            throw new ArgumentException("The tokens do not belong to this text: a token lies outside it.", nameof(tokens));
        int first = 0;
        int k = 0;
        while (k < n)
        {
            int last = k;
            bool brk;
            var tok = tokens[k];
            if (IsEnder(text, tok))
            {
                // Runs of terminals ("?!", ". …") and closing quotes and brackets stay with this sentence.
                while (last + 1 < n && Newlines(text, tokens[last].End, tokens[last + 1].Start) < 2
                       && (IsCloser(tokens[last + 1]) || IsTerminalPunctuation(text, tokens[last + 1])))
                    last++;
                brk = last + 1 < n && EndsAfter(text, tokens, k, last);
            }
            else
            {
                brk = last + 1 < n && LineBreakEnds(text, tokens, last);
            }
            if (brk)
            {
                destination.Add(new TextSpan(tokens[first].Start, tokens[last].End));
                first = last + 1;
            }
            k = last + 1;
        }
        destination.Add(new TextSpan(tokens[first].Start, tokens[n - 1].End));
    }

    private static bool IsEnder(ReadOnlySpan<char> text, Token t) => t.Kind switch
    {
        TokenKind.Punctuation or TokenKind.Ellipsis => CharInfo.IsTerminal(text[t.End - 1]),
        TokenKind.Abbreviation => text[t.End - 1] == '.',
        _ => false,
    };

    private static bool IsTerminalPunctuation(ReadOnlySpan<char> text, Token t) =>
        t.Kind is TokenKind.Punctuation or TokenKind.Ellipsis && CharInfo.IsTerminal(text[t.End - 1]);

    private static bool IsCloser(Token t) =>
        t.Kind is TokenKind.Quote or TokenKind.Bracket && (t.Flags & TokenFlags.Closing) != 0;

    // Decides whether the sentence ends after tokens[last], where tokens[k] is the terminal that may end it.
    private static bool EndsAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k, int last)
    {
        int newlines = Newlines(text, tokens[last].End, tokens[last + 1].Start);
        if (newlines >= 2) return true;
        var terminal = tokens[k];
        var next = tokens[last + 1];
        // Look through an opening quote or bracket to the word it opens.
        var word = next;
        if ((next.Flags & TokenFlags.Opening) != 0 && last + 2 < tokens.Length) word = tokens[last + 2];
        char w = text[word.Start];
        if (CharInfo.IsLower(w) || word.Kind is TokenKind.Punctuation && !CharInfo.IsTerminal(text[word.End - 1])) return false;

        if (terminal.Kind == TokenKind.Abbreviation)
        {
            var cls = AbbreviationClassOf(text, terminal);
            if (cls is AbbreviationClass.Title or AbbreviationClass.Inline) return false;
            if (cls == AbbreviationClass.NumberPrefix && CharInfo.IsAsciiDigit(w)) return false;
            // A line break or a closing quote after an abbreviation is strong evidence of an end.
            if (newlines == 1 || last > k) return CharInfo.IsUpper(w) || !CharInfo.IsLetter(w);
            if (cls == AbbreviationClass.Month && CharInfo.IsAsciiDigit(w)) return false;
            return OpenerLookup.Contains(text[word.Start..word.End]) || (next.Flags & TokenFlags.Opening) != 0 && CharInfo.IsUpper(w);
        }
        if (text[terminal.End - 1] == '\u2026' || terminal.Kind == TokenKind.Ellipsis)
        {
            // "two options … reconciliation" goes on; an ellipsis before a capital or a new line ends.
            return newlines == 1 || CharInfo.IsUpper(w) || !CharInfo.IsLetter(w) && !CharInfo.IsAsciiDigit(w);
        }
        return true;
    }

    private static AbbreviationClass AbbreviationClassOf(ReadOnlySpan<char> text, Token t)
    {
        var s = text[t.Start..t.End];
        if (s[^1] == '.') s = s[..^1];
        // "Maj.-Gen." behaves as its last part.
        int dash = s.LastIndexOf('-');
        if (dash >= 0 && dash + 1 < s.Length) s = s[(dash + 1)..];
        if (s.Length == 1 && CharInfo.IsUpper(s[0])) return AbbreviationClass.Other;
        var cls = Abbreviations.Classify(s);
        return cls == AbbreviationClass.None ? AbbreviationClass.Other : cls;
    }

    // A single line break ends a sentence after a line without terminal punctuation (headline, dateline)
    // unless the line plainly continues: it ends in a comma, colon, dash, opening quote or title, or the
    // next line starts in lower case or with punctuation.
    private static bool LineBreakEnds(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int last)
    {
        var prev = tokens[last];
        var next = tokens[last + 1];
        int newlines = Newlines(text, prev.End, next.Start);
        if (newlines == 0) return false;
        if (newlines >= 2) return true;
        if ((prev.Flags & TokenFlags.Opening) != 0) return false;
        if (prev.Kind is TokenKind.Punctuation or TokenKind.Dash) return false;
        char w = text[next.Start];
        if (CharInfo.IsLower(w)) return false;
        if (next.Kind is TokenKind.Punctuation or TokenKind.Dash or TokenKind.Ellipsis) return false;
        return !IsCloser(next);
    }

    // Line breaks in the gap between two tokens; a blank line (or U+2029) counts as two.
    private static int Newlines(ReadOnlySpan<char> text, int from, int to)
    {
        if (to - from == 1 && text[from] == ' ') return 0;
        int count = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == '\n' || c == '\u2028' || c == '\u0085') count++;
            else if (c == '\r') { if (i + 1 >= to || text[i + 1] != '\n') count++; }
            else if (c == '\u2029') count += 2;
        }
        return count;
    }
}
