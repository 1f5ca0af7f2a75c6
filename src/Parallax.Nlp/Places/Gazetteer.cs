using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parallax.Nlp.Places;

/// <summary>
/// The place names Parallax resolves toponyms against: the shipped gazetteer (GeoNames-derived, see
/// data/gazetteer/README.md) plus any user files in the same tab-separated format.
/// </summary>
/// <remarks>Immutable once loaded and thread-safe. Names are matched case-, diacritic- and punctuation-insensitively
/// (Dar'a, Dar‘ā and DARA'A meet). A user entry whose id equals a shipped entry's id replaces it.</remarks>
public sealed class Gazetteer
{
    private const string ResourceName = "Parallax.Nlp.Places.Data.places.tsv.gz";
    private static readonly Lazy<Gazetteer> Default = new(() => Load([]), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, GazetteerEntry[]> _byKey;
    private readonly Dictionary<string, GazetteerEntry> _byId;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private Gazetteer(List<GazetteerEntry> entries)
    {
        var byId = new Dictionary<string, GazetteerEntry>(entries.Count, StringComparer.Ordinal);
        foreach (var e in entries) byId[e.Id] = e;
        var byKey = new Dictionary<string, List<GazetteerEntry>>(entries.Count * 2, StringComparer.Ordinal);
        foreach (var e in byId.Values)
        {
            AddKey(byKey, PlaceNames.Key(e.Name), e);
            foreach (var alt in e.AlternateNames) AddKey(byKey, PlaceNames.Key(alt), e);
        }
        // Plain dictionaries: freezing 300,000 keys costs more at load than it saves on lookups. Never mutated after this.
        _byId = byId;
        _byKey = new Dictionary<string, GazetteerEntry[]>(byKey.Count, StringComparer.Ordinal);
        int maxTokens = 1;
        foreach (var (key, list) in byKey)
        {
            _byKey[key] = [.. list];
            maxTokens = Math.Max(maxTokens, key.Count(c => c == ' ') + 1);
        }
        Count = _byId.Count;
        MaxNameTokens = maxTokens;
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
        var entries = new List<GazetteerEntry>(150_000);
        using (var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"PX3601: the embedded gazetteer '{ResourceName}' is missing; rebuild Parallax.Nlp (data/gazetteer/places.tsv.gz must exist)."))
        {
            Read(new GZipStream(stream, CompressionMode.Decompress), "places.tsv.gz (embedded)", entries);
        }
        foreach (var file in extraFiles)
        {
            using var fs = File.OpenRead(file);
            Stream s = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
            Read(s, file, entries);
        }
        return new Gazetteer(entries);
    }

    /// <summary>Entries whose name or an alternate name has the same matching key as <paramref name="name"/>; empty when none.</summary>
    public ImmutableArray<GazetteerEntry> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindKey(PlaceNames.Key(name));
    }

    /// <summary>The entry with that id (a GeoNames id as text, or one of ours), or null.</summary>
    public GazetteerEntry? ById(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    internal ImmutableArray<GazetteerEntry> FindKey(string key) => _byKey.TryGetValue(key, out var found) ? ImmutableArray.Create(found) : [];

    internal bool HasKey(string key) => _byKey.ContainsKey(key);

    private static void AddKey(Dictionary<string, List<GazetteerEntry>> byKey, string key, GazetteerEntry e)
    {
        if (key.Length == 0) return;
        if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<GazetteerEntry>(1);
        if (!list.Contains(e)) list.Add(e);
    }

    // Runs once over 140,000 lines at load: optimised at once rather than after tiering up.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Read(Stream stream, string source, List<GazetteerEntry> entries)
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
