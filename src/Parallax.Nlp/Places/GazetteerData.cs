using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Numerics;
using System.Text;

namespace Parallax.Nlp.Places;

/// <summary>
/// Read access to a compiled gazetteer's payload (<see cref="GazetteerFile"/>): columns are read in place, entries are
/// built on first use and kept, so one entry is one object for the life of the instance. Thread-safe.
/// </summary>
internal sealed class GazetteerData
{
    private readonly byte[] _p;
    private readonly bool _fixedCoordinates;
    private readonly Column _stringOffsets, _ids, _names, _altStart, _alts, _cls, _code, _country, _adminCode, _adminName;
    private readonly Column _population, _latitude, _longitude, _keyOffsets, _postingStart, _postings;
    private readonly int _stringBlob, _keyBlob;
    private readonly GazetteerEntry?[] _entries;
    private int[]? _keyTable;
    private int[]? _keyStarts;

    private GazetteerData(byte[] payload, string source)
    {
        _p = payload;
        if (payload.Length < GazetteerFile.HeaderInts * 4) throw GazetteerFile.Damaged(source, "payload shorter than its header");
        int Head(int i) => BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4 * i, 4));
        if ((uint)Head(0) != GazetteerFile.PayloadMagic || Head(1) != GazetteerFile.FormatVersion)
            throw GazetteerFile.Damaged(source, "payload header is not PXGP version " + GazetteerFile.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Count = Head(2);
        StringCount = Head(3);
        AlternateCount = Head(4);
        KeyCount = Head(5);
        PostingCount = Head(6);
        MaxNameTokens = Head(7);
        int coordinates = Head(8);
        if (Count < 0 || StringCount < 0 || AlternateCount < 0 || KeyCount < 0 || PostingCount < 0 || MaxNameTokens < 1
            || coordinates is not (GazetteerFile.CoordinatesFixed or GazetteerFile.CoordinatesDouble))
            throw GazetteerFile.Damaged(source, "payload header has impossible counts");
        _fixedCoordinates = coordinates == GazetteerFile.CoordinatesFixed;

        long pos = GazetteerFile.HeaderInts * 4;
        int Take(long bytes)
        {
            long at = pos;
            if (bytes < 0) throw GazetteerFile.Damaged(source, "payload has a negative section length");
            pos += (bytes + 3) / 4 * 4;
            if (pos > payload.Length) throw GazetteerFile.Damaged(source, "payload is truncated");
            return (int)at;
        }
        Column Numbers(int count, int width) => new(Take((long)count * width), count);

        _stringOffsets = Numbers(StringCount + 1, 4);
        _stringBlob = Take(Int(_stringOffsets, StringCount));
        _ids = Numbers(Count, 4);
        _names = Numbers(Count, 4);
        _altStart = Numbers(Count + 1, 4);
        _alts = Numbers(AlternateCount, 4);
        _cls = Numbers(Count, 4);
        _code = Numbers(Count, 4);
        _country = Numbers(Count, 4);
        _adminCode = Numbers(Count, 4);
        _adminName = Numbers(Count, 4);
        _population = Numbers(Count, 8);
        _latitude = Numbers(Count, _fixedCoordinates ? 4 : 8);
        _longitude = Numbers(Count, _fixedCoordinates ? 4 : 8);
        _keyOffsets = Numbers(KeyCount + 1, 4);
        _keyBlob = Take(Int(_keyOffsets, KeyCount));
        _postingStart = Numbers(KeyCount + 1, 4);
        _postings = Numbers(PostingCount, 4);
        if (pos != payload.Length) throw GazetteerFile.Damaged(source, "payload has bytes after its last section");
        _entries = new GazetteerEntry?[Count];
    }

    /// <summary>Entries.</summary>
    public int Count { get; }

    public int StringCount { get; }

    public int AlternateCount { get; }

    /// <summary>Distinct matching keys.</summary>
    public int KeyCount { get; }

    public int PostingCount { get; }

    /// <summary>The largest number of words in a key.</summary>
    public int MaxNameTokens { get; }

    /// <summary>Opens a payload without copying it; checks that every offset and number in it is in range.</summary>
    /// <exception cref="InvalidDataException">PX3601: the payload is malformed (names <paramref name="source"/>).</exception>
    public static GazetteerData Open(byte[] payload, string source)
    {
        var data = new GazetteerData(payload, source);
        data.Check(source);
        data.IndexKeys();
        return data;
    }

    /// <summary>Checks a payload's structure as <see cref="Open"/> does, without indexing its keys.</summary>
    /// <exception cref="InvalidDataException">PX3601: the payload is malformed.</exception>
    internal static void Validate(byte[] payload, string source) => new GazetteerData(payload, source).Check(source);

    /// <summary>The index of <paramref name="utf8Key"/> among the sorted keys, or -1.</summary>
    public int FindKey(ReadOnlySpan<byte> utf8Key)
    {
        var table = _keyTable!;
        int mask = table.Length - 1;
        for (int slot = Hash(utf8Key) & mask; ; slot = (slot + 1) & mask)
        {
            int k = table[slot] - 1;
            if (k < 0) return -1;
            if (Key(k).SequenceEqual(utf8Key)) return k;
        }
    }

    // The detector looks up several word sequences per capitalised word, so lookups must be as cheap as the dictionary
    // they replace: an open-addressing table over the key numbers, built at load (a few milliseconds for 130,000 keys,
    // 4 bytes a slot) rather than stored, since it depends on nothing but the keys.
    private void IndexKeys()
    {
        // The key offsets as plain numbers too (half a megabyte): every probe reads two of them.
        var starts = new int[KeyCount + 1];
        for (int k = 0; k <= KeyCount; k++) starts[k] = Int(_keyOffsets, k);
        _keyStarts = starts;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, KeyCount * 2));
        var table = new int[size];
        int mask = size - 1;
        for (int k = 0; k < KeyCount; k++)
        {
            int slot = Hash(Key(k)) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = k + 1;
        }
        _keyTable = table;
    }

    /// <summary>FNV-1a over the bytes, then mixed so that the low bits used as the slot depend on every byte.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        foreach (var b in bytes) h = (h ^ b) * 16777619;
        h ^= h >> 15;
        h *= 0x2C1B3C6D;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>The UTF-8 bytes of key <paramref name="k"/>.</summary>
    public ReadOnlySpan<byte> Key(int k)
    {
        if (_keyStarts is { } starts) return _p.AsSpan(_keyBlob + starts[k], starts[k + 1] - starts[k]);
        int start = Int(_keyOffsets, k);
        return _p.AsSpan(_keyBlob + start, Int(_keyOffsets, k + 1) - start);
    }

    /// <summary>The range of key <paramref name="k"/>'s entry numbers, for <see cref="Posting"/>; entries ascend.</summary>
    public (int Start, int End) Postings(int k) => (Int(_postingStart, k), Int(_postingStart, k + 1));

    public int Posting(int j) => Int(_postings, j);

    /// <summary>The id of entry <paramref name="i"/>, without building the entry.</summary>
    public string Id(int i) => String(Int(_ids, i));

    /// <summary>The UTF-8 bytes of entry <paramref name="i"/>'s id.</summary>
    public ReadOnlySpan<byte> IdBytes(int i) => StringBytes(Int(_ids, i));

    /// <summary>Entry <paramref name="i"/>: built on the first call, the same object afterwards.</summary>
    public GazetteerEntry Entry(int i)
    {
        var cached = Volatile.Read(ref _entries[i]);
        if (cached is not null) return cached;
        var created = Build(i);
        return Interlocked.CompareExchange(ref _entries[i], created, null) ?? created;
    }

    private GazetteerEntry Build(int i)
    {
        int a0 = Int(_altStart, i), a1 = Int(_altStart, i + 1);
        ImmutableArray<string> alternates;
        if (a0 == a1) alternates = [];
        else
        {
            var b = ImmutableArray.CreateBuilder<string>(a1 - a0);
            for (int a = a0; a < a1; a++) b.Add(String(Int(_alts, a)));
            alternates = b.MoveToImmutable();
        }
        double lat, lon;
        if (_fixedCoordinates)
        {
            lat = GazetteerFile.FromFixed(Int(_latitude, i));
            lon = GazetteerFile.FromFixed(Int(_longitude, i));
        }
        else
        {
            lat = BitConverter.Int64BitsToDouble(Long(_latitude, i));
            lon = BitConverter.Int64BitsToDouble(Long(_longitude, i));
        }
        return new GazetteerEntry(
            Id(i), String(Int(_names, i)), alternates, lat, lon,
            String(Int(_cls, i)), String(Int(_code, i)), String(Int(_country, i)),
            String(Int(_adminCode, i)), String(Int(_adminName, i)), Long(_population, i));
    }

    private string String(int s) => Encoding.UTF8.GetString(StringBytes(s));

    private ReadOnlySpan<byte> StringBytes(int s)
    {
        int start = Int(_stringOffsets, s);
        return _p.AsSpan(_stringBlob + start, Int(_stringOffsets, s + 1) - start);
    }

    /// <summary>Number <paramref name="i"/> of a 4-byte column stored as byte planes.</summary>
    private int Int(Column c, int i)
    {
        var p = _p;
        int at = c.Offset + i;
        return p[at] | (p[at + c.Count] << 8) | (p[at + (2 * c.Count)] << 16) | (p[at + (3 * c.Count)] << 24);
    }

    /// <summary>Number <paramref name="i"/> of an 8-byte column stored as byte planes.</summary>
    private long Long(Column c, int i)
    {
        long v = 0;
        for (int plane = 7; plane >= 0; plane--) v = (v << 8) | _p[c.Offset + (plane * c.Count) + i];
        return v;
    }

    // One pass over the offset and number columns (a few milliseconds), so that a damaged file fails here, with its
    // name, rather than later with an index error in the middle of an analysis.
    private void Check(string source)
    {
        Ascending(_stringOffsets, Int(_stringOffsets, StringCount), "string offsets");
        Ascending(_keyOffsets, Int(_keyOffsets, KeyCount), "key offsets");
        Ascending(_altStart, AlternateCount, "alternate-name ranges");
        Ascending(_postingStart, PostingCount, "key entry ranges");
        InRange(_ids, StringCount, "ids");
        InRange(_names, StringCount, "names");
        InRange(_alts, StringCount, "alternate names");
        InRange(_cls, StringCount, "feature classes");
        InRange(_code, StringCount, "feature codes");
        InRange(_country, StringCount, "countries");
        InRange(_adminCode, StringCount, "admin-1 codes");
        InRange(_adminName, StringCount, "admin-1 names");
        InRange(_postings, Count, "key entries");

        void Ascending(Column c, int last, string what)
        {
            int prev = 0;
            for (int j = 0; j < c.Count; j++)
            {
                int v = Int(c, j);
                if (v < prev || v > last || (j == 0 && v != 0)) throw GazetteerFile.Damaged(source, what + " out of order");
                prev = v;
            }
        }

        void InRange(Column c, int limit, string what)
        {
            for (int j = 0; j < c.Count; j++)
            {
                if ((uint)Int(c, j) >= (uint)limit) throw GazetteerFile.Damaged(source, what + " out of range");
            }
        }
    }

    /// <summary>Where a column's byte planes start in the payload, and how many numbers it holds.</summary>
    private readonly record struct Column(int Offset, int Count);
}
