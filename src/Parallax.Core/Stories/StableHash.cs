namespace Parallax.Core.Stories;

/// <summary>
/// Hashes that are the same in every process and on every machine; string.GetHashCode is randomised per
/// process, which would make MinHash signatures and LSH buckets differ between a saved and a loaded index.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a over UTF-16 code units, finished with <see cref="Mix"/> for better low-bit spread.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h ^= c;
            h *= FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>The SplitMix64 finaliser: a bijection that scatters every input bit over the output.</summary>
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    /// <summary>Order-dependent combination of two hashes.</summary>
    public static ulong Combine(ulong seed, ulong value)
    {
        unchecked
        {
            return Mix((seed * 0x100000001B3UL) ^ value);
        }
    }
}
