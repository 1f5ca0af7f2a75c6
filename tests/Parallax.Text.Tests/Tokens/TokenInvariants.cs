using System.Collections.Immutable;
using System.Globalization;
using Parallax.Text.Tokens;

namespace Parallax.Text.Tests.Tokens;

/// <summary>The contracts of the tokenizer and the sentence splitter, checked on any text.</summary>
internal static class TokenInvariants
{
    /// <summary>Characters the tokenizer may leave outside every token.</summary>
    public static bool MayBeOutside(char c)
    {
        if (char.IsWhiteSpace(c)) return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.Format or UnicodeCategory.Control;
    }

    /// <summary>The first broken rule, or null when the tokens and sentences keep every contract.</summary>
    public static string? Violation(string text, ImmutableArray<Token> tokens, ImmutableArray<TextSpan> sentences)
    {
        var covered = new bool[text.Length];
        int prevEnd = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Start < prevEnd) return $"token {i} {t} starts before the previous one ends ({prevEnd})";
            if (t.End <= t.Start) return $"token {i} {t} is empty";
            if (t.End > text.Length) return $"token {i} {t} runs past the text ({text.Length})";
            if (char.IsWhiteSpace(text[t.Start]) || char.IsWhiteSpace(text[t.End - 1])) return $"token {i} {t} has whitespace at an edge";
            for (int j = t.Start; j < t.End; j++)
            {
                if (char.IsWhiteSpace(text[j])) return $"token {i} {t} contains whitespace";
                covered[j] = true;
            }
            if (char.IsLowSurrogate(text[t.Start]) && t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1])) return $"token {i} {t} splits a surrogate pair";
            if (char.IsHighSurrogate(text[t.End - 1]) && t.End < text.Length && char.IsLowSurrogate(text[t.End])) return $"token {i} {t} splits a surrogate pair";
            prevEnd = t.End;
        }
        for (int j = 0; j < text.Length; j++)
        {
            if (!covered[j] && !MayBeOutside(text[j]))
                return $"char U+{(int)text[j]:X4} at {j} is in no token";
        }

        if (tokens.Length == 0) return sentences.Length == 0 ? null : "sentences without tokens";
        if (sentences.Length == 0) return "tokens without sentences";
        int k = 0;
        int sentenceEnd = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            var span = sentences[s];
            if (span.Start < sentenceEnd) return $"sentence {s} {span} overlaps the previous one";
            if (k >= tokens.Length) return $"sentence {s} {span} has no token";
            if (tokens[k].Start != span.Start) return $"sentence {s} {span} does not start at token {k} {tokens[k]}";
            while (k < tokens.Length && tokens[k].End <= span.End) k++;
            if (tokens[k - 1].End != span.End) return $"sentence {s} {span} does not end at a token end";
            if (k < tokens.Length && tokens[k].Start < span.End) return $"token {k} {tokens[k]} straddles sentence {s} {span}";
            sentenceEnd = span.End;
        }
        return k == tokens.Length ? null : $"token {k} {tokens[k]} is in no sentence";
    }
}
