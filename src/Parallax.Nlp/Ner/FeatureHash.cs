namespace Parallax.Nlp.Ner;

/// <summary>
/// 64-bit hashes of words and feature values. Fixed constants (FNV-1a, then a SplitMix finaliser), never
/// <see cref="string.GetHashCode()"/>, so that a model trained on one machine reads the same everywhere.
/// </summary>
internal static class FeatureHash
{
    public const ulong Seed = 0xCBF29CE484222325UL;
    private const ulong Prime = 0x100000001B3UL;

    /// <summary>Hash of the lower-cased characters.</summary>
    public static ulong Lower(ReadOnlySpan<char> text)
    {
        ulong h = Seed;
        foreach (char c in text) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return h;
    }

    /// <summary>Hash of the characters as written.</summary>
    public static ulong Exact(ReadOnlySpan<char> text)
    {
        ulong h = Seed;
        foreach (char c in text) h = (h ^ c) * Prime;
        return h;
    }

    /// <summary>Combines two hashes (order matters).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        ulong z = a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
