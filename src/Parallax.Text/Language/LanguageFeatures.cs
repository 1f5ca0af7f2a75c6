using System.Globalization;

namespace Parallax.Text.Language;

/// <summary>Receives the feature hashes of a text, one call per occurrence.</summary>
internal interface IFeatureSink
{
    void Add(uint feature);
}

/// <summary>
/// Turns text into hashed features for one script: character 1–4-grams of each lower-cased word padded with a
/// space on both sides, plus the whole word. Letters of other scripts, digits and punctuation separate words,
/// so a line that mixes English and Arabic gives the Latin model only the English words.
/// </summary>
internal static class LanguageFeatures
{
    internal const int MaxWord = 24;
    private const uint Basis = 2166136261;
    private const uint Prime = 16777619;
    private const uint WordBasis = 0x9747B28C;
    private const char ZeroWidthNonJoiner = '\u200C';

    public static void Extract<TSink>(ReadOnlySpan<char> text, TextScript script, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        Span<char> word = stackalloc char[MaxWord + 4];
        word[0] = ' ';
        int n = 0;
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            var s = Scripts.At(text, i, out int len);
            if (s == script)
            {
                if (n + len <= MaxWord)
                {
                    if (len == 1) word[1 + n] = char.ToLowerInvariant(c);
                    else text.Slice(i, len).CopyTo(word[(1 + n)..]);
                    n += len;
                }
            }
            else if (n > 0 && (c == ZeroWidthNonJoiner || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                // Persian writes ZWNJ inside words (می‌شود) and it is a strong cue; vowel marks never split a word.
                if (c == ZeroWidthNonJoiner && n < MaxWord) word[1 + n++] = c;
            }
            else if (n > 0)
            {
                Emit(word, n, ref sink);
                n = 0;
            }
            i += len;
        }
        if (n > 0) Emit(word, n, ref sink);
    }

    private static void Emit<TSink>(scoped Span<char> buffer, int n, ref TSink sink)
        where TSink : IFeatureSink, allows ref struct
    {
        buffer[n + 1] = ' ';
        var padded = buffer[..(n + 2)];
        for (int start = 0; start < padded.Length; start++)
        {
            uint h = Basis;
            for (int k = 1; k <= 4 && start + k <= padded.Length; k++)
            {
                h = (h ^ padded[start + k - 1]) * Prime;
                if (k == 1 && padded[start] == ' ') continue;
                sink.Add(Finish(h, (uint)k));
            }
        }
        uint w = WordBasis;
        foreach (char c in padded) w = (w ^ c) * Prime;
        sink.Add(Finish(w, 5));
    }

    private static uint Finish(uint h, uint order)
    {
        h ^= order * 0x9E3779B1u;
        h ^= h >> 15;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        return h;
    }
}

/// <summary>Stable 32-bit hashes (FNV-1a with a final mix) that do not change between runs or machines.</summary>
internal static class StableHash
{
    public static uint Of(ReadOnlySpan<char> text, uint seed = 0)
    {
        uint h = 2166136261u ^ seed;
        foreach (char c in text) h = (h ^ c) * 16777619u;
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        return h;
    }

    /// <summary>True for the tenth of corpus lines kept out of training for evaluation.</summary>
    public static bool IsHeldOut(ReadOnlySpan<char> line) => Of(line, 0x5EEDu) % 10 == 0;
}
