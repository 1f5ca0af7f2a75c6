using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Parallax.Nlp.Places;

/// <summary>
/// The compiled gazetteer (<c>data/gazetteer/places.pxg</c>, embedded in Parallax.Nlp): the places of a gazetteer TSV
/// with every name's matching key folded in advance and sorted, so that loading is a decompression and no parsing.
/// </summary>
/// <remarks>
/// <para>A file is a 12-byte header (<c>PXGZ</c>, the format version and the payload length as little-endian 32-bit
/// numbers), then the payload compressed with Brotli. The payload is a header of ten 32-bit numbers (<c>PXGP</c>, version,
/// counts of entries, strings, alternate names, keys and key entries, the most words in a key, the coordinate encoding),
/// then sections padded to 4 bytes: the string table (offsets, UTF-8 bytes), the entries column by column (ids, names,
/// alternate-name ranges and alternate names, feature class and code, country, admin-1 code and name as string numbers;
/// population; coordinates in 10⁻⁵ degrees when every coordinate converts back to the same double, else as doubles),
/// the matching keys sorted by their UTF-8 bytes (offsets, bytes), and for each key the range of its entry numbers and
/// the numbers themselves, ascending. A column of n numbers of w bytes is stored as w byte planes.</para>
/// <para>The payload is a pure function of the TSV's lines (<see cref="BuildPayload(string)"/>): the same TSV gives the
/// same bytes. The compressed bytes depend on the Brotli encoder of the runtime as well, so checks compare payloads.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class GazetteerFile
{
    /// <summary>The current format version, stored in the header and the payload.</summary>
    public const int FormatVersion = 1;

    internal const uint FileMagic = 0x5A475850; // "PXGZ"
    internal const uint PayloadMagic = 0x50475850; // "PXGP"
    internal const int HeaderInts = 10;
    internal const int CoordinatesFixed = 0;
    internal const int CoordinatesDouble = 1;
    private const double FixedScale = 100_000.0;

    /// <summary>
    /// Parses a gazetteer TSV (the format of data/gazetteer/README.md; gunzipped when the name ends in <c>.gz</c>) and returns
    /// the uncompressed payload of the compiled file. Entries keep the TSV's order; a later line with an id already seen
    /// replaces the earlier one in its place, as <see cref="Gazetteer.Load"/> does.
    /// </summary>
    /// <exception cref="InvalidDataException">PX3601/PX3602: a malformed line (the message names file and line).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] BuildPayload(string tsvPath)
    {
        ArgumentNullException.ThrowIfNull(tsvPath);
        var entries = new List<GazetteerEntry>(150_000);
        using (var fs = File.OpenRead(tsvPath))
        {
            Stream s = tsvPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
            Gazetteer.Read(s, tsvPath, entries);
        }
        return BuildPayload(entries);
    }

    /// <summary>Compiles <paramref name="tsvPath"/> and writes the file to <paramref name="outputPath"/> (replacing it). Deterministic.</summary>
    /// <exception cref="InvalidDataException">PX3601/PX3602: a malformed TSV line.</exception>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    public static void Build(string tsvPath, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        var payload = BuildPayload(tsvPath);
        var tmp = outputPath + ".tmp";
        using (var output = File.Create(tmp))
        {
            WriteCompressed(payload, output);
        }
        File.Move(tmp, outputPath, overwrite: true);
    }

    /// <summary>Reads a compiled file and returns its uncompressed payload, after checking the header and the payload's structure.</summary>
    /// <param name="compiled">The file's bytes from the start; read to the end of the payload.</param>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="InvalidDataException">PX3601: not a compiled gazetteer, another format version, or truncated or damaged.</exception>
    public static byte[] ReadPayload(Stream compiled, string source)
    {
        var payload = Decompress(compiled, source);
        GazetteerData.Validate(payload, source);
        return payload;
    }

    /// <summary>The payload of a compiled file, after checking the header; the payload's structure is not checked here.</summary>
    /// <exception cref="InvalidDataException">PX3601: not a compiled gazetteer, another format version, or truncated or damaged.</exception>
    internal static byte[] Decompress(Stream compiled, string source)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> header = stackalloc byte[12];
        try
        {
            compiled.ReadExactly(header);
        }
        catch (EndOfStreamException)
        {
            throw Damaged(source, "shorter than its header");
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != FileMagic) throw Damaged(source, "not a compiled gazetteer (no PXGZ header)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != FormatVersion) throw Damaged(source, $"format version {version}, this build reads {FormatVersion}");
        int length = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (length is < HeaderInts * 4 or > 1 << 30) throw Damaged(source, "impossible payload length");
        var payload = GC.AllocateUninitializedArray<byte>(length);
        bool trailing;
        try
        {
            using var brotli = new BrotliStream(compiled, CompressionMode.Decompress, leaveOpen: true);
            brotli.ReadExactly(payload);
            trailing = brotli.ReadByte() != -1;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidOperationException or InvalidDataException or IOException)
        {
            throw Damaged(source, "the compressed payload is truncated or damaged");
        }
        if (trailing) throw Damaged(source, "the payload is longer than its header says");
        return payload;
    }

    internal static InvalidDataException Damaged(string source, string problem) =>
        new($"PX3601: {source}: {problem}; rebuild it with `parallax gazetteer build` (data/gazetteer/README.md).");

    internal static void WriteCompressed(byte[] payload, Stream output)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(header, FileMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], payload.Length);
        output.Write(header);
        // Quality 11 with a 16 MB window: the smallest file; compressing takes seconds, decompressing tens of milliseconds.
        using var encoder = new BrotliEncoder(quality: 11, window: 24);
        var buffer = new byte[1 << 16];
        ReadOnlySpan<byte> source = payload;
        while (true)
        {
            var status = encoder.Compress(source, buffer, out int consumed, out int written, isFinalBlock: true);
            output.Write(buffer, 0, written);
            source = source[consumed..];
            if (status == System.Buffers.OperationStatus.Done) break;
            if (status is not (System.Buffers.OperationStatus.DestinationTooSmall or System.Buffers.OperationStatus.NeedMoreData))
                throw new InvalidOperationException($"Brotli compression failed: {status}.");
        }
    }

    /// <summary>Compiles entries already parsed (in TSV order, ids possibly repeated) into a payload.</summary>
    internal static byte[] BuildPayload(List<GazetteerEntry> parsed)
    {
        // The same id twice: the later line wins, in the earlier one's place (what a Dictionary indexer gives).
        var order = new Dictionary<string, int>(parsed.Count, StringComparer.Ordinal);
        var entries = new List<GazetteerEntry>(parsed.Count);
        foreach (var e in parsed)
        {
            if (order.TryGetValue(e.Id, out int at)) entries[at] = e;
            else
            {
                order[e.Id] = entries.Count;
                entries.Add(e);
            }
        }

        var strings = new StringTable();
        int n = entries.Count;
        var ids = new int[n];
        var names = new int[n];
        var altStart = new int[n + 1];
        var alts = new List<int>();
        var cls = new int[n];
        var code = new int[n];
        var country = new int[n];
        var adminCode = new int[n];
        var adminName = new int[n];
        var keys = new Dictionary<string, List<int>>(n * 2, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var e = entries[i];
            ids[i] = strings.Add(e.Id);
            names[i] = strings.Add(e.Name);
            altStart[i] = alts.Count;
            foreach (var alt in e.AlternateNames) alts.Add(strings.Add(alt));
            cls[i] = strings.Add(e.FeatureClass);
            code[i] = strings.Add(e.FeatureCode);
            country[i] = strings.Add(e.CountryCode);
            adminCode[i] = strings.Add(e.Admin1Code);
            adminName[i] = strings.Add(e.Admin1Name);
            AddKey(keys, PlaceNames.Key(e.Name), i);
            foreach (var alt in e.AlternateNames) AddKey(keys, PlaceNames.Key(alt), i);
        }
        altStart[n] = alts.Count;

        bool fixedPoint = entries.TrueForAll(e => FitsFixed(e.Latitude) && FitsFixed(e.Longitude));
        var sortedKeys = keys.Keys.Select(k => (Key: k, Bytes: Encoding.UTF8.GetBytes(k))).ToList();
        sortedKeys.Sort((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        int maxTokens = 1;
        foreach (var k in keys.Keys) maxTokens = Math.Max(maxTokens, k.AsSpan().Count(' ') + 1);
        int postings = keys.Values.Sum(l => l.Count);

        var w = new PayloadWriter();
        w.Ints(
        [
            unchecked((int)PayloadMagic), FormatVersion, n, strings.Count, alts.Count, sortedKeys.Count, postings, maxTokens,
            fixedPoint ? CoordinatesFixed : CoordinatesDouble, 0,
        ]);
        w.Column([.. strings.Offsets]);
        w.Bytes(strings.Bytes);
        w.Column(ids);
        w.Column(names);
        w.Column(altStart);
        w.Column([.. alts]);
        w.Column(cls);
        w.Column(code);
        w.Column(country);
        w.Column(adminCode);
        w.Column(adminName);
        w.Column([.. entries.Select(e => e.Population)]);
        if (fixedPoint)
        {
            w.Column([.. entries.Select(e => checked((int)Math.Round(e.Latitude * FixedScale)))]);
            w.Column([.. entries.Select(e => checked((int)Math.Round(e.Longitude * FixedScale)))]);
        }
        else
        {
            w.Column([.. entries.Select(e => BitConverter.DoubleToInt64Bits(e.Latitude))]);
            w.Column([.. entries.Select(e => BitConverter.DoubleToInt64Bits(e.Longitude))]);
        }
        var keyBytes = new List<byte>();
        var keyOffsets = new int[sortedKeys.Count + 1];
        var postingStart = new int[sortedKeys.Count + 1];
        var postingList = new List<int>(postings);
        for (int k = 0; k < sortedKeys.Count; k++)
        {
            keyBytes.AddRange(sortedKeys[k].Bytes);
            keyOffsets[k + 1] = keyBytes.Count;
            postingList.AddRange(keys[sortedKeys[k].Key]);
            postingStart[k + 1] = postingList.Count;
        }
        w.Column(keyOffsets);
        w.Bytes([.. keyBytes]);
        w.Column(postingStart);
        w.Column([.. postingList]);
        return w.ToArray();
    }

    /// <summary>The coordinate decoded from fixed point: a correctly rounded division, the same double as parsing the decimal text.</summary>
    internal static double FromFixed(int value) => value / FixedScale;

    private static bool FitsFixed(double v)
    {
        double scaled = Math.Round(v * FixedScale);
        return Math.Abs(scaled) < int.MaxValue && FromFixed((int)scaled).Equals(v);
    }

    private static void AddKey(Dictionary<string, List<int>> keys, string key, int entry)
    {
        if (key.Length == 0) return;
        if (!keys.TryGetValue(key, out var list)) keys[key] = list = new List<int>(1);
        // Entries are added in order, so a repeat of this entry can only be the list's last element.
        if (list.Count == 0 || list[^1] != entry) list.Add(entry);
    }

    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<byte> _bytes = new(8 << 20);

        public List<int> Offsets { get; } = [0];

        public int Count => _index.Count;

        public byte[] Bytes => [.. _bytes];

        public int Add(string s)
        {
            if (_index.TryGetValue(s, out int at)) return at;
            at = _index.Count;
            _index[s] = at;
            _bytes.AddRange(Encoding.UTF8.GetBytes(s));
            Offsets.Add(_bytes.Count);
            return at;
        }
    }

    /// <summary>
    /// Writes the payload. A column of n numbers of w bytes is stored as w byte planes (all lowest bytes, then all next
    /// bytes, …): still readable in place, and it compresses far better, as the high bytes of small or sorted numbers
    /// form long runs.
    /// </summary>
    private sealed class PayloadWriter
    {
        private readonly MemoryStream _out = new();

        public void Ints(ReadOnlySpan<int> values)
        {
            Span<byte> b = stackalloc byte[4];
            foreach (var v in values)
            {
                BinaryPrimitives.WriteInt32LittleEndian(b, v);
                _out.Write(b);
            }
        }

        public void Column(int[] values)
        {
            for (int plane = 0; plane < 4; plane++)
            {
                foreach (var v in values) _out.WriteByte((byte)(v >> (8 * plane)));
            }
            Pad();
        }

        public void Column(long[] values)
        {
            for (int plane = 0; plane < 8; plane++)
            {
                foreach (var v in values) _out.WriteByte((byte)(v >> (8 * plane)));
            }
            Pad();
        }

        public void Bytes(byte[] bytes)
        {
            _out.Write(bytes);
            Pad();
        }

        public byte[] ToArray() => _out.ToArray();

        private void Pad()
        {
            while (_out.Length % 4 != 0) _out.WriteByte(0);
        }
    }
}
