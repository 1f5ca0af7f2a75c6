namespace Parallax.Core.Stories;

/// <summary>
/// MinHash signatures over word shingles and their LSH band keys. Each of the k permutations is simulated
/// by mixing the shingle hash with a fixed per-permutation seed, so signatures are reproducible everywhere.
/// </summary>
internal sealed class MinHasher
{
    private readonly ulong[] _seeds;
    private readonly int _shingleSize;
    private readonly int _bands;
    private readonly int _rows;

    public MinHasher(int shingleSize, int bands, int rows)
    {
        _shingleSize = shingleSize;
        _bands = bands;
        _rows = rows;
        _seeds = new ulong[bands * rows];
        for (var i = 0; i < _seeds.Length; i++)
        {
            _seeds[i] = StableHash.Mix(0x5EED_0000UL + (ulong)i);
        }
    }

    /// <summary>The signature of a token-hash sequence, or null when there are no tokens.</summary>
    public uint[]? Signature(IReadOnlyList<ulong> tokenHashes)
    {
        if (tokenHashes.Count == 0) return null;

        // A text shorter than one shingle still gets one shingle of all its words, so short copies can match.
        var width = Math.Min(_shingleSize, tokenHashes.Count);
        var shingles = new HashSet<ulong>();
        for (var start = 0; start + width <= tokenHashes.Count; start++)
        {
            var h = 0UL;
            for (var j = 0; j < width; j++) h = StableHash.Combine(h, tokenHashes[start + j]);
            shingles.Add(h);
        }

        var signature = new uint[_seeds.Length];
        Array.Fill(signature, uint.MaxValue);
        foreach (var s in shingles)
        {
            for (var i = 0; i < _seeds.Length; i++)
            {
                var v = (uint)(StableHash.Mix(s ^ _seeds[i]) >> 32);
                if (v < signature[i]) signature[i] = v;
            }
        }

        return signature;
    }

    /// <summary>One bucket key per band; the band number is part of the key so bands never collide with each other.</summary>
    public ulong[] BandKeys(uint[] signature)
    {
        var keys = new ulong[_bands];
        for (var b = 0; b < _bands; b++)
        {
            var h = StableHash.Mix((ulong)b + 1);
            for (var r = 0; r < _rows; r++) h = StableHash.Combine(h, signature[(b * _rows) + r]);
            keys[b] = h;
        }

        return keys;
    }

    /// <summary>The share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double EstimateJaccard(uint[] a, uint[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) same++;
        }

        return (double)same / a.Length;
    }
}
