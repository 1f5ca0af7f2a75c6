using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Parallax.Nlp.Places;

/// <summary>
/// The place names Parallax resolves toponyms against: the shipped gazetteer (GeoNames-derived, see
/// data/gazetteer/README.md, compiled into <c>places.pxg</c> by <see cref="GazetteerFile"/>) plus any user files in the
/// gazetteer's tab-separated format.
/// </summary>
/// <remarks>Immutable once loaded and thread-safe. Names are matched case-, diacritic- and punctuation-insensitively
/// (Dar'a, Dar‘ā and DARA'A meet). A user entry whose id equals a shipped entry's id replaces it. Shipped entries are
/// built on first use, so a lookup returns the same <see cref="GazetteerEntry"/> object each time.</remarks>
public sealed class Gazetteer
{
    private const string ResourceName = "Parallax.Nlp.Places.Data.places.pxg";
    private const string ResourceSource = "places.pxg (embedded)";
    private static readonly Lazy<Gazetteer> Default = new(() => Load([]), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly GazetteerData _shipped;
    private readonly UserPlaces? _user;
    private int[]? _idOrder;

    private Gazetteer(GazetteerData shipped, List<GazetteerEntry> userEntries)
    {
        _shipped = shipped;
        _user = userEntries.Count == 0 ? null : new UserPlaces(this, userEntries);
        Count = shipped.Count + (_user?.Added ?? 0);
        MaxNameTokens = Math.Max(shipped.MaxNameTokens, _user?.MaxTokens ?? 1);
    }

    /// <summary>Number of distinct entries.</summary>
    public int Count { get; }

    /// <summary>The largest number of words in any indexed name (bounds the detector's look-ahead).</summary>
    internal int MaxNameTokens { get; }

    /// <summary>The shipped gazetteer, loaded once per process from the assembly's embedded resource.</summary>
    /// <exception cref="InvalidDataException">PX3601: the embedded file is missing or malformed (a broken build).</exception>
    public static Gazetteer LoadDefault() => Default.Value;

    /// <summary>
    /// Loads the shipped gazetteer plus <paramref name="extraFiles"/> (for example every <c>&lt;data-dir&gt;/places/*.tsv</c>),
    /// read in the given order; a later entry with the same id replaces an earlier one. Files ending in <c>.gz</c> are gunzipped.
    /// </summary>
    /// <exception cref="InvalidDataException">PX3601/PX3602: a file has a malformed line (the message names file and line).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static Gazetteer Load(IEnumerable<string> extraFiles)
    {
        ArgumentNullException.ThrowIfNull(extraFiles);
        GazetteerData shipped;
        using (var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"PX3601: the embedded gazetteer '{ResourceName}' is missing; rebuild Parallax.Nlp (data/gazetteer/places.pxg must exist)."))
        {
            shipped = GazetteerData.Open(GazetteerFile.Decompress(stream, ResourceSource), ResourceSource);
        }
        var user = new List<GazetteerEntry>();
        foreach (var file in extraFiles)
        {
            using var fs = File.OpenRead(file);
            Stream s = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
            Read(s, file, user);
        }
        return new Gazetteer(shipped, user);
    }

    /// <summary>Entries whose name or an alternate name has the same matching key as <paramref name="name"/>; empty when none.</summary>
    public ImmutableArray<GazetteerEntry> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindKey(PlaceNames.Key(name));
    }

    /// <summary>The entry with that id (a GeoNames id as text, or one of ours), or null.</summary>
    /// <remarks>The first call sorts the shipped ids (tens of milliseconds); later calls are binary searches.</remarks>
    public GazetteerEntry? ById(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_user is not null && _user.ById.TryGetValue(id, out var mine)) return mine.Entry;
        int i = ShippedIndexOf(id);
        return i < 0 ? null : _shipped.Entry(i);
    }

    /// <summary>Entries under a matching key (as <see cref="PlaceNames.Key"/> makes it), in the order their ids were first read.</summary>
    internal ImmutableArray<GazetteerEntry> FindKey(string key)
    {
        int k = ShippedKey(key);
        if (_user is null)
        {
            if (k < 0) return [];
            var (start, end) = _shipped.Postings(k);
            var found = new GazetteerEntry[end - start];
            for (int j = start; j < end; j++) found[j - start] = _shipped.Entry(_shipped.Posting(j));
            return ImmutableCollectionsMarshal.AsImmutableArray(found);
        }
        return _user.Merge(k, key);
    }

    internal bool HasKey(string key) => _user is null ? ShippedKey(key) >= 0 : !FindKey(key).IsEmpty;

    private int ShippedKey(string key)
    {
        if (key.Length == 0) return -1;
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> utf8 = max <= 512 ? stackalloc byte[max] : new byte[max];
        int length = Encoding.UTF8.GetBytes(key, utf8);
        return _shipped.FindKey(utf8[..length]);
    }

    /// <summary>The shipped entry with that id, or -1.</summary>
    private int ShippedIndexOf(string id)
    {
        var order = LazyInitializer.EnsureInitialized(ref _idOrder, () =>
        {
            var ids = new int[_shipped.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = i;
            Array.Sort(ids, (a, b) => _shipped.IdBytes(a).SequenceCompareTo(_shipped.IdBytes(b)));
            return ids;
        });
        int max = Encoding.UTF8.GetMaxByteCount(id.Length);
        Span<byte> buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var utf8 = buffer[..Encoding.UTF8.GetBytes(id, buffer)];
        int lo = 0, hi = order.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int c = _shipped.IdBytes(order[mid]).SequenceCompareTo(utf8);
            if (c == 0) return order[mid];
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>
    /// The user's entries over the shipped ones. Each entry has a rank, its place in the order ids were first read:
    /// a shipped entry's number, which a user entry with the same id takes over, or after all shipped entries.
    /// </summary>
    private sealed class UserPlaces
    {
        private readonly Gazetteer _owner;
        private readonly HashSet<int> _replaced = [];
        private readonly Dictionary<string, List<(int Rank, GazetteerEntry Entry)>> _byKey = new(StringComparer.Ordinal);

        public UserPlaces(Gazetteer owner, List<GazetteerEntry> entries)
        {
            _owner = owner;
            int next = owner._shipped.Count;
            foreach (var e in entries)
            {
                if (ById.TryGetValue(e.Id, out var earlier))
                {
                    ById[e.Id] = (earlier.Rank, e);
                    continue;
                }
                int shipped = owner.ShippedIndexOf(e.Id);
                ById[e.Id] = (shipped >= 0 ? shipped : next++, e);
            }
            Added = next - owner._shipped.Count;
            foreach (var (rank, e) in ById.Values)
            {
                if (rank < owner._shipped.Count) _replaced.Add(rank);
                AddKey(PlaceNames.Key(e.Name), rank, e);
                foreach (var alt in e.AlternateNames) AddKey(PlaceNames.Key(alt), rank, e);
            }
            foreach (var list in _byKey.Values) list.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        }

        public Dictionary<string, (int Rank, GazetteerEntry Entry)> ById { get; } = new(StringComparer.Ordinal);

        /// <summary>User entries with an id the shipped gazetteer lacks.</summary>
        public int Added { get; }

        public int MaxTokens { get; private set; } = 1;

        /// <summary>Shipped entries under key number <paramref name="k"/> that were not replaced, and the user's under <paramref name="key"/>, by rank.</summary>
        public ImmutableArray<GazetteerEntry> Merge(int k, string key)
        {
            var mine = _byKey.GetValueOrDefault(key);
            var result = ImmutableArray.CreateBuilder<GazetteerEntry>();
            int m = 0;
            if (k >= 0)
            {
                var (start, end) = _owner._shipped.Postings(k);
                for (int j = start; j < end; j++)
                {
                    int i = _owner._shipped.Posting(j);
                    while (mine is not null && m < mine.Count && mine[m].Rank < i) result.Add(mine[m++].Entry);
                    if (!_replaced.Contains(i)) result.Add(_owner._shipped.Entry(i));
                }
            }
            while (mine is not null && m < mine.Count) result.Add(mine[m++].Entry);
            return result.DrainToImmutable();
        }

        private void AddKey(string key, int rank, GazetteerEntry e)
        {
            if (key.Length == 0) return;
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = new List<(int, GazetteerEntry)>(1);
            if (list.Count > 0 && ReferenceEquals(list[^1].Entry, e)) return;
            list.Add((rank, e));
            MaxTokens = Math.Max(MaxTokens, key.AsSpan().Count(' ') + 1);
        }
    }

    // Runs once over 140,000 lines at load: optimised at once rather than after tiering up.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Read(Stream stream, string source, List<GazetteerEntry> entries)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 5 || f[0].Length == 0 || f[1].Length == 0)
                throw new InvalidDataException($"PX3601: {source} line {lineNo}: expected at least id, name, alternateNames, lat, lon separated by tabs.");
            if (!double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
                throw new InvalidDataException($"PX3602: {source} line {lineNo}: latitude/longitude must be decimal degrees with a '.' (got '{f[3]}', '{f[4]}').");
            long pop = 0;
            if (f.Length > 10 && f[10].Length > 0 && !long.TryParse(f[10], NumberStyles.None, CultureInfo.InvariantCulture, out pop))
                throw new InvalidDataException($"PX3602: {source} line {lineNo}: population must be a whole number (got '{f[10]}').");
            var alts = f[2].Length == 0 ? ImmutableArray<string>.Empty : [.. f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            entries.Add(new GazetteerEntry(
                f[0], f[1], alts, lat, lon,
                Field(f, 5, "P"), Field(f, 6, "PPL"), Field(f, 7, ""), Field(f, 8, ""), Field(f, 9, ""), pop));
        }
    }

    private static string Field(string[] f, int i, string fallback) => f.Length > i && f[i].Length > 0 ? f[i] : fallback;
}
