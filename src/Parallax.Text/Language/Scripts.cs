using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Parallax.Text.Language;

/// <summary>The writing systems language identification tells apart before it looks at n-grams.</summary>
public enum TextScript
{
    /// <summary>Not a letter (digits, punctuation, spaces, symbols, combining marks).</summary>
    Common = 0,
    /// <summary>Latin letters, including the extended blocks.</summary>
    Latin,
    /// <summary>Cyrillic letters.</summary>
    Cyrillic,
    /// <summary>Greek letters.</summary>
    Greek,
    /// <summary>Arabic letters (Arabic, Persian, Urdu, …).</summary>
    Arabic,
    /// <summary>Hebrew letters.</summary>
    Hebrew,
    /// <summary>CJK unified ideographs.</summary>
    Han,
    /// <summary>Hiragana and Katakana.</summary>
    Kana,
    /// <summary>Korean Hangul.</summary>
    Hangul,
    /// <summary>Thai letters.</summary>
    Thai,
    /// <summary>Devanagari letters.</summary>
    Devanagari,
    /// <summary>Georgian letters.</summary>
    Georgian,
    /// <summary>Armenian letters.</summary>
    Armenian,
    /// <summary>Letters of any other script.</summary>
    Other,
}

/// <summary>A maximal stretch of text whose letters all belong to one script.</summary>
/// <param name="Start">UTF-16 offset of the first letter of the run.</param>
/// <param name="End">UTF-16 offset just after the last letter of the run.</param>
/// <param name="Script">The script of its letters (<see cref="TextScript.Han"/> and <see cref="TextScript.Kana"/> form one run, named Kana when any kana is in it).</param>
/// <param name="Letters">How many letters (code points) the run holds.</param>
public readonly record struct ScriptRun(int Start, int End, TextScript Script, int Letters);

/// <summary>
/// Unicode script detection by code point ranges. All members are pure and thread-safe; offsets are
/// UTF-16 code units; surrogate pairs are read as one code point.
/// </summary>
public static class Scripts
{
    private const int ScriptCount = (int)TextScript.Other + 1;

    /// <summary>The script of a code point; <see cref="TextScript.Common"/> for anything that is not a letter.</summary>
    public static TextScript Of(Rune rune)
    {
        int c = rune.Value;
        if (c < 0x80)
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? TextScript.Latin : TextScript.Common;
        if (!Rune.IsLetter(rune)) return TextScript.Common;
        return c switch
        {
            < 0x0250 => TextScript.Latin,
            < 0x0370 => TextScript.Latin,
            < 0x0400 => TextScript.Greek,
            < 0x0530 => TextScript.Cyrillic,
            < 0x0590 => TextScript.Armenian,
            < 0x0600 => TextScript.Hebrew,
            < 0x0700 => TextScript.Arabic,
            >= 0x0750 and < 0x0780 => TextScript.Arabic,
            >= 0x08A0 and < 0x0900 => TextScript.Arabic,
            >= 0x0900 and < 0x0980 => TextScript.Devanagari,
            >= 0x0E00 and < 0x0E80 => TextScript.Thai,
            >= 0x10A0 and < 0x1100 => TextScript.Georgian,
            >= 0x1100 and < 0x1200 => TextScript.Hangul,
            >= 0x1C80 and < 0x1C90 => TextScript.Cyrillic,
            >= 0x1E00 and < 0x1F00 => TextScript.Latin,
            >= 0x1F00 and < 0x2000 => TextScript.Greek,
            >= 0x2C60 and < 0x2C80 => TextScript.Latin,
            >= 0x2DE0 and < 0x2E00 => TextScript.Cyrillic,
            >= 0x3040 and < 0x3100 => TextScript.Kana,
            >= 0x3130 and < 0x3190 => TextScript.Hangul,
            >= 0x31F0 and < 0x3200 => TextScript.Kana,
            >= 0x3400 and < 0x4DC0 => TextScript.Han,
            >= 0x4E00 and < 0xA000 => TextScript.Han,
            >= 0xA640 and < 0xA6A0 => TextScript.Cyrillic,
            >= 0xA720 and < 0xA800 => TextScript.Latin,
            >= 0xAC00 and < 0xD7B0 => TextScript.Hangul,
            >= 0xF900 and < 0xFB00 => TextScript.Han,
            >= 0xFB1D and < 0xFB50 => TextScript.Hebrew,
            >= 0xFB50 and < 0xFE00 => TextScript.Arabic,
            >= 0xFE70 and < 0xFF00 => TextScript.Arabic,
            >= 0xFF21 and < 0xFF5B => TextScript.Latin,
            >= 0xFF66 and < 0xFFA0 => TextScript.Kana,
            >= 0x20000 and < 0x30000 => TextScript.Han,
            _ => TextScript.Other,
        };
    }

    /// <summary>The script of the code point starting at <paramref name="index"/>, and its length in code units.</summary>
    internal static TextScript At(ReadOnlySpan<char> text, int index, out int length)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out length) != OperationStatus.Done)
        {
            length = 1;
            return TextScript.Common;
        }
        return Of(rune);
    }

    /// <summary>
    /// The script with the most letters, counting Han as Japanese (<see cref="TextScript.Kana"/>) when kana make up
    /// at least a tenth of the Han and kana letters. <see cref="TextScript.Common"/> when the text has no letter.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="letters">Total letters in the text, in every script, Han, kana and Hangul counting three each.</param>
    public static TextScript Dominant(ReadOnlySpan<char> text, out int letters)
    {
        Span<int> counts = stackalloc int[ScriptCount];
        Count(text, counts);
        return Dominant(counts, out letters);
    }

    internal static void Count(ReadOnlySpan<char> text, Span<int> counts)
    {
        for (int i = 0; i < text.Length;)
        {
            var s = At(text, i, out int len);
            // An ideograph or syllable block carries about as much as a short word, so CJK letters weigh three.
            counts[(int)s] += s is TextScript.Han or TextScript.Kana or TextScript.Hangul ? 3 : 1;
            i += len;
        }
    }

    internal static TextScript Dominant(Span<int> counts, out int letters)
    {
        // Japanese mixes kanji with kana; a text with a fair share of kana is Japanese, not Chinese.
        if (counts[(int)TextScript.Kana] > 0 && counts[(int)TextScript.Kana] * 10 >= counts[(int)TextScript.Kana] + counts[(int)TextScript.Han])
        {
            counts[(int)TextScript.Kana] += counts[(int)TextScript.Han];
            counts[(int)TextScript.Han] = 0;
        }
        letters = 0;
        var best = TextScript.Common;
        int bestCount = 0;
        for (int s = 1; s < ScriptCount; s++)
        {
            letters += counts[s];
            if (counts[s] > bestCount)
            {
                bestCount = counts[s];
                best = (TextScript)s;
            }
        }
        return best;
    }

    /// <summary>
    /// Splits the text into runs of letters of one script, in order. Characters that are not letters never start
    /// or end a run; they belong to a run only when letters of that run stand on both sides of them.
    /// </summary>
    public static ImmutableArray<ScriptRun> Runs(ReadOnlySpan<char> text)
    {
        var runs = ImmutableArray.CreateBuilder<ScriptRun>();
        int start = -1, end = -1, letters = 0;
        var current = TextScript.Common;
        bool kana = false;
        for (int i = 0; i < text.Length;)
        {
            var s = At(text, i, out int len);
            if (s != TextScript.Common)
            {
                var family = s == TextScript.Kana ? TextScript.Han : s;
                if (start >= 0 && family != current)
                {
                    runs.Add(new ScriptRun(start, end, current == TextScript.Han && kana ? TextScript.Kana : current, letters));
                    start = -1;
                }
                if (start < 0)
                {
                    start = i;
                    letters = 0;
                    current = family;
                    kana = false;
                }
                kana |= s == TextScript.Kana;
                letters++;
                end = i + len;
            }
            i += len;
        }
        if (start >= 0)
            runs.Add(new ScriptRun(start, end, current == TextScript.Han && kana ? TextScript.Kana : current, letters));
        return runs.ToImmutable();
    }

    /// <summary>The script's display name as used in <see cref="LanguageGuess.Script"/> ("Latin", "Arabic", "Han", …).</summary>
    public static string Name(TextScript script) => script switch
    {
        TextScript.Common => "Common",
        TextScript.Kana => "Japanese",
        _ => script.ToString(),
    };
}
