using System.Globalization;
using System.Runtime.CompilerServices;

namespace Parallax.Text.Tokens;

/// <summary>Character tests used by the tokenizer and the sentence splitter, with an ASCII fast path.</summary>
internal static class CharInfo
{
    /// <summary>Whitespace as <see cref="char.IsWhiteSpace(char)"/> defines it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) =>
        c <= ' ' ? c == ' ' || char.IsWhiteSpace(c) : c >= '\u0085' && char.IsWhiteSpace(c);

    /// <summary>
    /// Characters that separate tokens and belong to none: whitespace, and outside words the invisible format and
    /// control characters (zero-width space, byte-order mark, bidi marks, NUL).
    /// </summary>
    public static bool IsIgnorable(char c)
    {
        if (IsSpace(c)) return true;
        if (c < ' ' || c == '\u007F') return true;
        if (c < '\u0080') return false;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.Format or UnicodeCategory.Control;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>A letter in any script (BMP).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < '\u0080' ? IsAsciiLetter(c) : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < '\u0080' ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => c < '\u0080' ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c);

    /// <summary>
    /// How many code units of a word character start at <paramref name="i"/>: 1 for a BMP letter, digit or
    /// combining mark, 2 for a letter or digit outside the BMP, 0 otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WordCharLength(ReadOnlySpan<char> text, int i, int end)
    {
        char c = text[i];
        if (c < '\u0080') return IsAsciiLetter(c) || IsAsciiDigit(c) ? 1 : 0;
        return WordCharLengthSlow(text, i, end);
    }

    private static int WordCharLengthSlow(ReadOnlySpan<char> text, int i, int end)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= end || !char.IsLowSurrogate(text[i + 1])) return 0;
            var cat2 = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]));
            return IsWordCategory(cat2) ? 2 : 0;
        }
        return IsWordCategory(char.GetUnicodeCategory(c)) ? 1 : 0;
    }

    private static bool IsWordCategory(UnicodeCategory cat) => cat is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Sentence-final punctuation characters (Latin, Arabic, CJK).</summary>
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026' or '\u061F' or '\u06D4' or '\u3002'
        or '\uFF01' or '\uFF1F' or '\u203C' or '\u2047' or '\u2048' or '\u2049';
}
