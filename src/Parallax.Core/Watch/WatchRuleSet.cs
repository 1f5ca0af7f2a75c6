using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Events;

namespace Parallax.Core.Watch;

/// <summary>
/// Zones and watch rules read from one or more rule files (the format is described in docs/watch-rules.md).
/// Zones defined in any file of the set can be used by rules in any other.
/// </summary>
/// <remarks>Immutable and thread-safe once loaded. Every loading method throws <see cref="WatchRuleException"/> (PX5xxx)
/// naming the file and line of the first problem.</remarks>
public sealed class WatchRuleSet
{
    /// <summary>The extension of rule files in a rules directory.</summary>
    public const string Extension = ".rules";

    /// <summary>The PLOVER event types a rule may name.</summary>
    public static readonly ImmutableArray<string> PloverTypes =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    private WatchRuleSet(ImmutableArray<Zone> zones, ImmutableArray<WatchRule> rules, ImmutableArray<string> files)
    {
        Zones = zones;
        Rules = rules;
        Files = files;
        ZonesById = zones.ToImmutableDictionary(z => z.Id, StringComparer.Ordinal);
    }

    /// <summary>A set with no zones and no rules.</summary>
    public static WatchRuleSet Empty { get; } = new([], [], []);

    /// <summary>The zones, in file then definition order.</summary>
    public ImmutableArray<Zone> Zones { get; }

    /// <summary>The zones by id.</summary>
    public ImmutableDictionary<string, Zone> ZonesById { get; }

    /// <summary>The rules, in file then definition order.</summary>
    public ImmutableArray<WatchRule> Rules { get; }

    /// <summary>The rule files read, in the order read.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>
    /// Loads every <c>*.rules</c> file of <paramref name="directory"/> (not its subfolders), in ordinal file-name order;
    /// an empty set when the directory does not exist.
    /// </summary>
    public static WatchRuleSet LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) return Empty;
        var files = Directory.GetFiles(directory, "*" + Extension).Order(StringComparer.Ordinal).ToList();
        return Load(files);
    }

    /// <summary>Loads the given rule files together; zone files are resolved relative to the rule file naming them.</summary>
    public static WatchRuleSet Load(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sections = new List<Section>();
        var names = new List<string>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new WatchRuleException(WatchErrorCode.FileNotFound, file, 0, $"cannot read the rule file: {ex.Message}");
            }
            sections.AddRange(ReadSections(text, file, Path.GetDirectoryName(Path.GetFullPath(file)) ?? "."));
            names.Add(file);
        }
        return Build(sections, names);
    }

    /// <summary>
    /// Parses one rule file's text. <paramref name="file"/> names it in errors; zone files are resolved against
    /// <paramref name="baseDirectory"/> (default: the current directory).
    /// </summary>
    public static WatchRuleSet Parse(string text, string file, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return Build(ReadSections(text, file, baseDirectory ?? Directory.GetCurrentDirectory()), [file]);
    }

    /// <summary>
    /// Parses several rule files' texts together, as <see cref="Load"/> reads files, without reading them from disk
    /// (used to validate a changed file against the others before it is written). Each <c>File</c> names its text in
    /// errors; zone files are resolved against <paramref name="baseDirectory"/>.
    /// </summary>
    public static WatchRuleSet Parse(IEnumerable<(string Text, string File)> files, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var sections = new List<Section>();
        var names = new List<string>();
        foreach (var (text, file) in files)
        {
            sections.AddRange(ReadSections(text, file, baseDirectory));
            names.Add(file);
        }
        return Build(sections, names);
    }

    private sealed record Value(string Text, int Line);

    private sealed class Section(string kind, string id, string file, string directory, int line)
    {
        public string Kind { get; } = kind;
        public string Id { get; } = id;
        public string File { get; } = file;
        public string Directory { get; } = directory;
        public int Line { get; } = line;
        public Dictionary<string, List<Value>> Values { get; } = new(StringComparer.Ordinal);

        public Value? One(string key) => Values.TryGetValue(key, out var v) ? v[^1] : null;

        public WatchRuleException Error(WatchErrorCode code, int line, string message) => new(code, File, line, message);
    }

    private static readonly ImmutableHashSet<string> ZoneKeys = ["name", "file", "feature", "buffer"];
    private static readonly ImmutableHashSet<string> RuleKeys =
        ["title", "inside", "within", "actor", "affiliation", "actor-type", "role", "event-type", "modality", "from", "to"];
    // Keys that may appear more than once in a section; each occurrence is a separate condition.
    private static readonly ImmutableHashSet<string> RepeatableKeys = ["inside", "within"];

    private static List<Section> ReadSections(string text, string file, string directory)
    {
        var sections = new List<Section>();
        Section? current = null;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int n = i + 1;
            string line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
            if (line[0] == '[')
            {
                if (line[^1] != ']') throw new WatchRuleException(WatchErrorCode.Syntax, file, n, $"a section header is [zone <id>] or [rule <id>], not \"{line}\"");
                var parts = line[1..^1].Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || (parts[0] != "zone" && parts[0] != "rule"))
                    throw new WatchRuleException(WatchErrorCode.Syntax, file, n, $"a section header is [zone <id>] or [rule <id>], not \"{line}\"");
                if (!IsId(parts[1]))
                    throw new WatchRuleException(WatchErrorCode.Syntax, file, n, $"\"{parts[1]}\" is not an id: use letters, digits, '-', '_' and '.'");
                current = new Section(parts[0], parts[1], file, directory, n);
                sections.Add(current);
                continue;
            }
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new WatchRuleException(WatchErrorCode.Syntax, file, n, $"expected \"key = value\", a [section] or a # comment, not \"{line}\"");
            if (current is null) throw new WatchRuleException(WatchErrorCode.Syntax, file, n, "a key = value line must follow a [zone <id>] or [rule <id>] header");
            string key = line[..eq].Trim().ToLowerInvariant();
            string value = Unquote(line[(eq + 1)..].Trim());
            var known = current.Kind == "zone" ? ZoneKeys : RuleKeys;
            if (!known.Contains(key))
                throw current.Error(WatchErrorCode.UnknownKey, n, $"unknown key \"{key}\" in a {current.Kind}; known keys: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            if (current.Values.TryGetValue(key, out var list))
            {
                if (!RepeatableKeys.Contains(key)) throw current.Error(WatchErrorCode.Syntax, n, $"\"{key}\" is already set on line {list[0].Line.ToString(CultureInfo.InvariantCulture)}");
                list.Add(new Value(value, n));
            }
            else
            {
                current.Values[key] = [new Value(value, n)];
            }
        }
        return sections;
    }

    private static WatchRuleSet Build(List<Section> sections, List<string> files)
    {
        var geoCache = new Dictionary<string, ImmutableArray<ZoneFeature>>(StringComparer.Ordinal);
        var zones = new List<Zone>();
        var zoneIds = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var s in sections.Where(s => s.Kind == "zone"))
        {
            if (zoneIds.TryGetValue(s.Id, out var first))
                throw s.Error(WatchErrorCode.DuplicateId, s.Line, $"zone \"{s.Id}\" is already defined at {first.File}:{first.Line.ToString(CultureInfo.InvariantCulture)}");
            zoneIds[s.Id] = s;
            zones.Add(ReadZone(s, geoCache));
        }
        var byId = zones.ToDictionary(z => z.Id, StringComparer.Ordinal);
        var rules = new List<WatchRule>();
        var ruleIds = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var s in sections.Where(s => s.Kind == "rule"))
        {
            if (ruleIds.TryGetValue(s.Id, out var first))
                throw s.Error(WatchErrorCode.DuplicateId, s.Line, $"rule \"{s.Id}\" is already defined at {first.File}:{first.Line.ToString(CultureInfo.InvariantCulture)}");
            ruleIds[s.Id] = s;
            rules.Add(ReadRule(s, byId));
        }
        return new WatchRuleSet([.. zones], [.. rules], [.. files]);
    }

    private static Zone ReadZone(Section s, Dictionary<string, ImmutableArray<ZoneFeature>> cache)
    {
        var fileValue = s.One("file") ?? throw s.Error(WatchErrorCode.MissingKey, s.Line, $"zone \"{s.Id}\" needs \"file = <path to a GeoJSON file>\"");
        string path = Path.GetFullPath(Path.Combine(s.Directory, fileValue.Text));
        if (!cache.TryGetValue(path, out var features))
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw s.Error(WatchErrorCode.FileNotFound, fileValue.Line, $"cannot read the zone file '{fileValue.Text}' ({path}): {ex.Message}");
            }
            try
            {
                features = ZoneGeoJson.Parse(json, fileValue.Text);
            }
            catch (WatchRuleException ex)
            {
                throw s.Error(WatchErrorCode.BadGeoJson, fileValue.Line, ex.Message);
            }
            cache[path] = features;
        }
        ZoneGeometry geometry;
        if (s.One("feature") is { } feature)
        {
            var wanted = List(feature.Text);
            var chosen = features.Where(f => wanted.Any(w => string.Equals(w, f.Id, StringComparison.Ordinal) || string.Equals(w, f.Name, StringComparison.Ordinal))).ToList();
            var missing = wanted.Where(w => !features.Any(f => string.Equals(w, f.Id, StringComparison.Ordinal) || string.Equals(w, f.Name, StringComparison.Ordinal))).ToList();
            if (missing.Count > 0)
            {
                var available = features.Select(f => f.Id ?? f.Name).OfType<string>().ToList();
                throw s.Error(WatchErrorCode.BadValue, feature.Line,
                    $"'{fileValue.Text}' has no feature with id or name \"{missing[0]}\"; it has: {(available.Count == 0 ? "no named features" : string.Join(", ", available))}");
            }
            geometry = Merge(chosen);
        }
        else
        {
            geometry = Merge(features);
        }
        double buffer = 0;
        if (s.One("buffer") is { } b) buffer = Distance(s, b.Text, b.Line);
        string name = s.One("name")?.Text ?? s.Id;
        return new Zone(s.Id, name, geometry, buffer, s.File, s.Line);
    }

    private static ZoneGeometry Merge(IReadOnlyCollection<ZoneFeature> features) =>
        features.Count == 1
            ? features.First().Geometry
            : new ZoneGeometry([.. features.SelectMany(f => f.Geometry.Polygons)], [.. features.SelectMany(f => f.Geometry.Lines)], [.. features.SelectMany(f => f.Geometry.Points)]);

    private static WatchRule ReadRule(Section s, Dictionary<string, Zone> zones)
    {
        var spatial = ImmutableArray.CreateBuilder<SpatialPredicate>();
        if (s.Values.TryGetValue("inside", out var insides))
        {
            foreach (var v in insides) spatial.Add(new SpatialPredicate(SpatialPredicateKind.Inside, ZoneList(s, v.Text, v.Line, zones), 0, v.Line));
        }
        if (s.Values.TryGetValue("within", out var withins))
        {
            foreach (var v in withins)
            {
                int of = v.Text.IndexOf(" of ", StringComparison.OrdinalIgnoreCase);
                if (of < 0) throw s.Error(WatchErrorCode.BadValue, v.Line, $"\"within\" reads \"<distance> of <zone>[, <zone>…]\", e.g. \"within = 20 km of golan-line\"; got \"{v.Text}\"");
                double km = Distance(s, v.Text[..of], v.Line);
                spatial.Add(new SpatialPredicate(SpatialPredicateKind.Within, ZoneList(s, v.Text[(of + 4)..], v.Line, zones), km, v.Line));
            }
        }
        var lines = s.Values.ToImmutableDictionary(kv => kv.Key, kv => kv.Value[0].Line, StringComparer.Ordinal);
        var actors = ListOf(s, "actor");
        var affiliations = ListOf(s, "affiliation");
        var actorTypes = ListOf(s, "actor-type");
        foreach (var t in actorTypes)
        {
            if (!Enum.TryParse<Nlp.Entities.ActorType>(t, ignoreCase: true, out _) || !t.All(char.IsLetter))
                throw s.Error(WatchErrorCode.BadValue, lines["actor-type"], $"\"{t}\" is not an actor type; use one of {string.Join(", ", Enum.GetNames<Nlp.Entities.ActorType>())}");
        }
        var role = ParticipantRole.Any;
        if (s.One("role") is { } r && !(Enum.TryParse(r.Text, ignoreCase: true, out role) && r.Text.All(char.IsLetter)))
            throw s.Error(WatchErrorCode.BadValue, r.Line, $"\"role\" is any, source or target; got \"{r.Text}\"");
        var types = ListOf(s, "event-type").Select(t => t.ToUpperInvariant()).ToImmutableArray();
        foreach (var t in types)
        {
            if (!PloverTypes.Contains(t))
                throw s.Error(WatchErrorCode.BadValue, lines["event-type"], $"\"{t}\" is not a PLOVER event type; use one of {string.Join(", ", PloverTypes)}");
        }
        var modalities = ImmutableArray.CreateBuilder<EventModality>();
        foreach (var m in ListOf(s, "modality"))
        {
            if (!Enum.TryParse<EventModality>(m, ignoreCase: true, out var parsed) || !m.All(char.IsLetter))
                throw s.Error(WatchErrorCode.BadValue, lines["modality"], $"\"{m}\" is not a modality; use one of {string.Join(", ", Enum.GetNames<EventModality>().Select(x => x.ToLowerInvariant()))}");
            modalities.Add(parsed);
        }
        DateOnly? from = Date(s, "from"), to = Date(s, "to");
        if (from is { } f && to is { } t2 && t2 < f)
            throw s.Error(WatchErrorCode.BadValue, lines["to"], $"\"to\" ({t2:yyyy-MM-dd}) is before \"from\" ({f:yyyy-MM-dd})");
        if (spatial.Count == 0 && actors.IsEmpty && affiliations.IsEmpty && actorTypes.IsEmpty && types.IsEmpty && modalities.Count == 0 && from is null && to is null)
            throw s.Error(WatchErrorCode.MissingKey, s.Line, $"rule \"{s.Id}\" has no condition and would match every event; add inside, within, actor, affiliation, event-type, modality or a date range");
        return new WatchRule(s.Id, s.One("title")?.Text ?? s.Id, spatial.ToImmutable(), actors, affiliations, actorTypes, role, types,
            modalities.ToImmutable(), from, to, s.File, s.Line, lines);
    }

    private static ImmutableArray<string> ZoneList(Section s, string text, int line, Dictionary<string, Zone> zones)
    {
        var ids = List(text);
        if (ids.IsEmpty) throw s.Error(WatchErrorCode.BadValue, line, "name at least one zone");
        foreach (var id in ids)
        {
            if (!zones.ContainsKey(id))
                throw s.Error(WatchErrorCode.UnknownZone, line, $"no zone \"{id}\" is defined{(zones.Count == 0 ? "" : "; known zones: " + string.Join(", ", zones.Keys.Order(StringComparer.Ordinal)))}");
        }
        return ids;
    }

    private static ImmutableArray<string> ListOf(Section s, string key) => s.One(key) is { } v ? List(v.Text) : [];

    private static ImmutableArray<string> List(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote)];

    private static DateOnly? Date(Section s, string key)
    {
        if (s.One(key) is not { } v) return null;
        if (DateOnly.TryParseExact(v.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw s.Error(WatchErrorCode.BadValue, v.Line, $"\"{key}\" is a date written yyyy-mm-dd; got \"{v.Text}\"");
    }

    /// <summary>Reads "20 km", "15 miles", "500 m" as kilometres.</summary>
    private static double Distance(Section s, string text, int line)
    {
        var parts = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && double.IsFinite(value))
        {
            switch (parts[1].ToLowerInvariant())
            {
                case "km" or "kilometre" or "kilometres" or "kilometer" or "kilometers": return value;
                case "mi" or "mile" or "miles": return value * Geodesy.KmPerMile;
                case "m" or "metre" or "metres" or "meter" or "meters": return value / 1000;
                default: break;
            }
        }
        throw s.Error(WatchErrorCode.BadValue, line, $"a distance is a number and a unit (km, mi or m), e.g. \"20 km\" or \"15 mi\"; got \"{text.Trim()}\"");
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static bool IsId(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
