using Parallax.Text.Tokens;

namespace Parallax.Nlp.Ner;

/// <summary>
/// Turns the tokens of one sentence into hashed feature indexes: a fixed number (<see cref="PerToken"/>) per token,
/// each already reduced to a bucket of the weight table. Pure function of the text, the tokens and the gazetteer.
/// </summary>
internal static class NerFeatures
{
    public const int PerToken = 30;

    private static readonly ulong Boundary = FeatureHash.Lower("<s>");

    /// <summary>Per-sentence scratch buffers, reused across sentences of one call; not thread-safe, one per thread.</summary>
    internal sealed class Scratch
    {
        public ulong[] Lower = new ulong[64];
        public ulong[] Shape = new ulong[64];
        public ulong[] Keys = new ulong[64];
        public byte[] Caps = new byte[64];
        public bool[] AllCaps = new bool[64];
        public GazetteerType[] Gaz = new GazetteerType[64];
        public bool[] GazBegin = new bool[64];
        public int[] Features = new int[64 * PerToken];
        public float[] Scores = new float[64 * 16];
        public int[] Back = new int[64 * 16];
        public int[] Best = new int[64];

        public void Ensure(int tokens, int labels)
        {
            if (Lower.Length < tokens)
            {
                int n = Math.Max(tokens, Lower.Length * 2);
                Lower = new ulong[n];
                Shape = new ulong[n];
                Keys = new ulong[n];
                Caps = new byte[n];
                AllCaps = new bool[n];
                Gaz = new GazetteerType[n];
                GazBegin = new bool[n];
                Best = new int[n];
            }

            if (Features.Length < tokens * PerToken) Features = new int[Math.Max(tokens * PerToken, Features.Length * 2)];
            if (Scores.Length < tokens * labels)
            {
                Scores = new float[Math.Max(tokens * labels, Scores.Length * 2)];
                Back = new int[Scores.Length];
            }
        }
    }

    /// <summary>Fills <c>scratch.Features[0 .. tokens.Length * PerToken)</c> with bucket indexes below <paramref name="mask"/> + 1.</summary>
    public static void Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Gazetteer gazetteer, int mask, Scratch scratch)
    {
        int n = tokens.Length;
        var lower = scratch.Lower;
        var shape = scratch.Shape;
        var caps = scratch.Caps;
        for (int i = 0; i < n; i++)
        {
            var word = text.Slice(tokens[i].Start, tokens[i].Length);
            lower[i] = FeatureHash.Lower(word);
            scratch.Keys[i] = Gazetteer.KeyOf(word);
            shape[i] = ShapeOf(word, out caps[i]);
            scratch.AllCaps[i] = caps[i] == 2;
        }

        gazetteer.Mark(scratch.Keys.AsSpan(0, n), scratch.AllCaps.AsSpan(0, n), scratch.Gaz.AsSpan(0, n), scratch.GazBegin.AsSpan(0, n));
        var f = scratch.Features;
        for (int i = 0; i < n; i++)
        {
            var word = text.Slice(tokens[i].Start, tokens[i].Length);
            ulong w0 = lower[i];
            ulong wm1 = i > 0 ? lower[i - 1] : Boundary;
            ulong wp1 = i + 1 < n ? lower[i + 1] : Boundary;
            ulong wm2 = i > 1 ? lower[i - 2] : Boundary;
            ulong wp2 = i + 2 < n ? lower[i + 2] : Boundary;
            ulong s0 = shape[i];
            ulong sm1 = i > 0 ? shape[i - 1] : Boundary;
            ulong sp1 = i + 1 < n ? shape[i + 1] : Boundary;
            ulong c0 = caps[i];
            ulong cm1 = i > 0 ? caps[i - 1] : 7UL;
            ulong cp1 = i + 1 < n ? caps[i + 1] : 7UL;
            ulong g0 = (ulong)scratch.Gaz[i] | (scratch.GazBegin[i] ? 256UL : 0UL);
            ulong gm1 = i > 0 ? (ulong)scratch.Gaz[i - 1] : 512UL;
            ulong gp1 = i + 1 < n ? (ulong)scratch.Gaz[i + 1] | (scratch.GazBegin[i + 1] ? 256UL : 0UL) : 512UL;
            bool titleBefore = i > 0 && gazetteer.IsTitle(TrimDot(text, tokens[i - 1]));
            bool title0 = gazetteer.IsTitle(TrimDot(text, tokens[i]));
            bool demonym = gazetteer.IsDemonym(w0) || (word.Length > 4 && word.StartsWith("pro-", StringComparison.OrdinalIgnoreCase) && gazetteer.IsDemonym(FeatureHash.Lower(word[4..])));

            int o = i * PerToken;
            f[o + 0] = Bucket(0, 0, mask);
            f[o + 1] = Bucket(1, w0, mask);
            f[o + 2] = Bucket(2, wm1, mask);
            f[o + 3] = Bucket(3, wp1, mask);
            f[o + 4] = Bucket(4, wm2, mask);
            f[o + 5] = Bucket(5, wp2, mask);
            f[o + 6] = Bucket(6, s0, mask);
            f[o + 7] = Bucket(7, sm1, mask);
            f[o + 8] = Bucket(8, sp1, mask);
            for (int k = 1; k <= 3; k++)
                f[o + 8 + k] = Bucket((ulong)(8 + k), word.Length > k ? FeatureHash.Lower(word[..k]) : 0, mask);
            for (int k = 1; k <= 4; k++)
                f[o + 11 + k] = Bucket((ulong)(11 + k), word.Length > k ? FeatureHash.Lower(word[^k..]) : 0, mask);
            f[o + 16] = Bucket(16, FeatureHash.Mix(wm1, w0), mask);
            f[o + 17] = Bucket(17, FeatureHash.Mix(w0, wp1), mask);
            f[o + 18] = Bucket(18, FeatureHash.Mix(FeatureHash.Mix(sm1, s0), sp1), mask);
            f[o + 19] = Bucket(19, i == 0 ? s0 : 1, mask);
            f[o + 20] = Bucket(20, (g0 << 4) | c0, mask);
            f[o + 21] = Bucket(21, gm1, mask);
            f[o + 22] = Bucket(22, gp1, mask);
            f[o + 23] = Bucket(23, titleBefore ? 8 | c0 : 0, mask);
            f[o + 24] = Bucket(24, demonym ? 8 | c0 : 0, mask);
            f[o + 25] = Bucket(25, ArticlePrefix(word) ? 8 | c0 : 0, mask);
            f[o + 26] = Bucket(26, title0 ? 8 | c0 : 0, mask);
            f[o + 27] = Bucket(27, (cm1 << 6) | (c0 << 3) | cp1, mask);
            f[o + 28] = Bucket(28, FeatureHash.Mix(wm1, c0), mask);
            f[o + 29] = Bucket(29, FeatureHash.Exact(word), mask);
        }
    }

    private static int Bucket(ulong template, ulong value, int mask) =>
        (int)(FeatureHash.Mix(template + 0x51ED27UL, value) & (ulong)mask);

    private static ulong TrimDot(ReadOnlySpan<char> text, Token token)
    {
        var word = text.Slice(token.Start, token.Length);
        if (word.Length > 1 && word[^1] == '.') word = word[..^1];
        return FeatureHash.Lower(word);
    }

    // "al-", "el-", "as-", "ad-" and the like before a capital: Arabic-article names.
    internal static bool ArticlePrefix(ReadOnlySpan<char> word)
    {
        int dash = word.IndexOf('-');
        if (dash < 2 || dash > 3 || dash + 1 >= word.Length) return false;
        var article = word[..dash];
        return (article[0] is 'a' or 'A' or 'e' or 'E') && char.IsLetter(word[dash + 1]);
    }

    /// <summary>
    /// The word's shape with runs collapsed ("Xx", "X.X.", "x-Xx", "d", "dx") and its capitalisation class:
    /// 0 lower, 1 capitalised, 2 all capitals, 3 digits, 4 other.
    /// </summary>
    private static ulong ShapeOf(ReadOnlySpan<char> word, out byte caps)
    {
        ulong h = FeatureHash.Seed;
        char last = '\0';
        int upper = 0, lowerCount = 0, digits = 0;
        foreach (char c in word)
        {
            char k;
            if (char.IsUpper(c)) { k = 'X'; upper++; }
            else if (char.IsLower(c)) { k = 'x'; lowerCount++; }
            else if (char.IsDigit(c)) { k = 'd'; digits++; }
            else k = c;
            if (k == last) continue;
            last = k;
            h = (h ^ k) * 0x100000001B3UL;
        }

        caps = upper > 0 && lowerCount == 0 && upper + digits >= 2 ? (byte)2
            : word.Length > 0 && char.IsUpper(word[0]) ? (byte)1
            : lowerCount > 0 ? (byte)0
            : digits > 0 ? (byte)3 : (byte)4;
        return h;
    }
}
