using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Parallax.Core.Watch;
using Parallax.Nlp.Entities;

namespace Parallax.Server.Watch;

/// <summary>
/// The data directory's watch rules, as the CLI reads them: every <c>&lt;data-dir&gt;/rules/*.rules</c> file, with the
/// GeoJSON zone files they name (by convention in <c>rules/zones/</c>). The loaded set is kept until a file changes
/// (through the API, or on disk by the CLI or an editor: a fingerprint of names, sizes and write times is compared
/// on each use), so ingestion always checks the current rules.
/// </summary>
/// <remarks>
/// Writes are serialised and validated before anything is written: the changed file is parsed together with the
/// others by the real parser and the actor names resolved, and only then written to a temporary file and renamed
/// over the old one, so a failed write never loses what is stored. Thread-safe.
/// </remarks>
internal sealed partial class WatchRules(ServerOptions options, ILogger<WatchRules> logger)
{
    /// <summary>The folder of the data directory holding the rule files (the CLI's <c>AlertsCommand.RulesFolder</c>).</summary>
    public const string RulesFolder = "rules";

    /// <summary>The folder under <see cref="RulesFolder"/> where zone files written through the API go.</summary>
    public const string ZonesFolder = "zones";

    private const string ZoneExtension = ".geojson";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Lazy<ActorKnowledgeBase> _actors = new(() => ActorKnowledgeBase.Load(ActorKnowledgeBase.UserFilesIn(options.DataDirectory)));
    private string? _fingerprint;
    private Loaded? _loaded;

    public string RulesDirectory => Path.GetFullPath(Path.Combine(options.DataDirectory, RulesFolder));

    public string ZonesDirectory => Path.Combine(RulesDirectory, ZonesFolder);

    /// <summary>
    /// The current rules: reloaded when a rule or zone file changed since the last call. A broken set on disk is
    /// returned with <see cref="Loaded.Error"/> set and no evaluator.
    /// </summary>
    public Loaded Current()
    {
        var fingerprint = Fingerprint();
        lock (_gate)
        {
            if (_loaded is not null && string.Equals(fingerprint, _fingerprint, StringComparison.Ordinal)) return _loaded;
        }
        Loaded loaded;
        try
        {
            var set = WatchRuleSet.LoadDirectory(RulesDirectory);
            loaded = new Loaded(set, set.Rules.IsEmpty ? null : WatchEvaluator.Create(set, _actors.Value), null);
        }
        catch (WatchRuleException ex)
        {
            LogBroken(logger, ex.Message);
            loaded = new Loaded(WatchRuleSet.Empty, null, ex);
        }
        lock (_gate)
        {
            _fingerprint = fingerprint;
            _loaded = loaded;
        }
        return loaded;
    }

    /// <summary>The rule files, by id (file name without ".rules"), in ordinal order.</summary>
    public IReadOnlyList<string> RuleFileIds() =>
        Directory.Exists(RulesDirectory)
            ? [.. Directory.GetFiles(RulesDirectory, "*" + WatchRuleSet.Extension).Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsId).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The text of a rule file, or null when there is none.</summary>
    public string? ReadRuleFile(string id) => IsId(id) && File.Exists(RulePath(id)) ? File.ReadAllText(RulePath(id)) : null;

    /// <summary>The zone files in <see cref="ZonesDirectory"/>, by name (with ".geojson").</summary>
    public IReadOnlyList<string> ZoneFileNames() =>
        Directory.Exists(ZonesDirectory)
            ? [.. Directory.GetFiles(ZonesDirectory, "*" + ZoneExtension).Select(Path.GetFileName).OfType<string>().Where(IsZoneName).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The text of a zone file, or null when there is none.</summary>
    public string? ReadZoneFile(string name) => IsZoneName(name) && File.Exists(ZonePath(name)) ? File.ReadAllText(ZonePath(name)) : null;

    /// <summary>
    /// Writes (creates or replaces) a rule file after validating it with every other rule file. With
    /// <paramref name="mustBeNew"/>, an existing file is left alone and <see cref="WriteOutcome.Exists"/> returned.
    /// Throws <see cref="WatchRuleException"/> (nothing written) when the set would be broken or a zone file path
    /// leaves the rules folder, and <see cref="ArgumentException"/> for a bad id.
    /// </summary>
    public async Task<WriteOutcome> WriteRuleFileAsync(string id, string text, bool mustBeNew, CancellationToken ct)
    {
        CheckId(id);
        ArgumentNullException.ThrowIfNull(text);
        CheckZonePaths(id, text);
        await _writeGate.WaitAsync(ct);
        try
        {
            bool exists = File.Exists(RulePath(id));
            if (mustBeNew && exists) return WriteOutcome.Exists;
            Validate(replaceRule: (id, text));
            Directory.CreateDirectory(RulesDirectory);
            await WriteAtomicAsync(RulePath(id), text, ct);
            LogWritten(logger, id + WatchRuleSet.Extension);
            return exists ? WriteOutcome.Replaced : WriteOutcome.Created;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Deletes a rule file when the others still hold together; false when there is none.</summary>
    public async Task<bool> DeleteRuleFileAsync(string id, CancellationToken ct)
    {
        if (!IsId(id)) return false;
        await _writeGate.WaitAsync(ct);
        try
        {
            if (!File.Exists(RulePath(id))) return false;
            Validate(removeRule: id);
            File.Delete(RulePath(id));
            LogDeleted(logger, id + WatchRuleSet.Extension);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Writes (creates or replaces) a zone file in <see cref="ZonesDirectory"/> after checking it is GeoJSON the rules
    /// can read and that every rule file still loads with it. Returns whether it was created.
    /// </summary>
    public async Task<bool> WriteZoneFileAsync(string name, string json, CancellationToken ct)
    {
        CheckZoneName(name);
        ArgumentNullException.ThrowIfNull(json);
        ZoneGeoJson.Parse(json, ZonesFolder + "/" + name);
        await _writeGate.WaitAsync(ct);
        try
        {
            bool exists = File.Exists(ZonePath(name));
            Validate(replaceZone: (name, json));
            Directory.CreateDirectory(ZonesDirectory);
            await WriteAtomicAsync(ZonePath(name), json, ct);
            LogWritten(logger, ZonesFolder + "/" + name);
            return !exists;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Deletes a zone file no rule file needs; false when there is none.</summary>
    public async Task<bool> DeleteZoneFileAsync(string name, CancellationToken ct)
    {
        if (!IsZoneName(name)) return false;
        await _writeGate.WaitAsync(ct);
        try
        {
            if (!File.Exists(ZonePath(name))) return false;
            Validate(removeZone: name);
            File.Delete(ZonePath(name));
            LogDeleted(logger, ZonesFolder + "/" + name);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public static bool IsId(string id) =>
        id.Length is > 0 and <= 64 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static bool IsZoneName(string name) =>
        name.EndsWith(ZoneExtension, StringComparison.Ordinal) && IsId(name[..^ZoneExtension.Length]);

    private static void CheckId(string id)
    {
        if (!IsId(id)) throw new ArgumentException($"\"{id}\" is not a watch id: use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.'.", nameof(id));
    }

    private static void CheckZoneName(string name)
    {
        if (!IsZoneName(name)) throw new ArgumentException($"\"{name}\" is not a zone file name: use letters, digits, '-', '_' and '.', ending in {ZoneExtension}.", nameof(name));
    }

    private string RulePath(string id) => Path.Combine(RulesDirectory, id + WatchRuleSet.Extension);

    private string ZonePath(string name) => Path.Combine(ZonesDirectory, name);

    /// <summary>A rule written through the API may only name zone files inside the rules folder: no reading elsewhere on the server.</summary>
    private void CheckZonePaths(string id, string text)
    {
        var root = RulesDirectory + Path.DirectorySeparatorChar;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var m = FileLine().Match(lines[i]);
            if (!m.Success) continue;
            var value = m.Groups[1].Value.Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
            var full = Path.GetFullPath(Path.Combine(RulesDirectory, value));
            if (Path.IsPathRooted(value) || !full.StartsWith(root, StringComparison.Ordinal))
            {
                throw new WatchRuleException(WatchErrorCode.BadValue, id + WatchRuleSet.Extension, i + 1,
                    $"zone file '{value}' is outside the rules folder; upload it with PUT /api/v1/zones/files/<name>.geojson and name it as zones/<name>.geojson");
            }
        }
    }

    /// <summary>Parses every rule file as it would be after the change, with the real parser, and resolves the actors.</summary>
    private void Validate((string Id, string Text)? replaceRule = null, string? removeRule = null, (string Name, string Json)? replaceZone = null, string? removeZone = null)
    {
        var texts = new List<(string Text, string File)>();
        foreach (var id in RuleFileIds())
        {
            if (string.Equals(id, removeRule, StringComparison.Ordinal) || string.Equals(id, replaceRule?.Id, StringComparison.Ordinal)) continue;
            texts.Add((File.ReadAllText(RulePath(id)), id + WatchRuleSet.Extension));
        }
        if (replaceRule is { } r) texts.Add((r.Text, r.Id + WatchRuleSet.Extension));
        texts.Sort((a, b) => StringComparer.Ordinal.Compare(a.File, b.File));

        if (replaceZone is null && removeZone is null)
        {
            Check(WatchRuleSet.Parse(texts, RulesDirectory));
            return;
        }
        // A changed zone file is checked from a private copy of the rules folder, so the live one stays as it is.
        var staging = Path.Combine(Path.GetTempPath(), "parallax-rules-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Everything but the rule files themselves (given as text), so zones kept in other folders still resolve.
            foreach (var file in Directory.Exists(RulesDirectory) ? Directory.GetFiles(RulesDirectory, "*", SearchOption.AllDirectories) : [])
            {
                var relative = Path.GetRelativePath(RulesDirectory, file);
                if (Path.GetDirectoryName(relative) is "" or null && relative.EndsWith(WatchRuleSet.Extension, StringComparison.Ordinal)) continue;
                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var zones = Path.Combine(staging, ZonesFolder);
            Directory.CreateDirectory(zones);
            if (removeZone is not null) File.Delete(Path.Combine(zones, removeZone));
            if (replaceZone is { } z) File.WriteAllText(Path.Combine(zones, z.Name), z.Json, new UTF8Encoding(false));
            Check(WatchRuleSet.Parse(texts, staging));
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (IOException)
            {
                // Only a temporary copy is left behind.
            }
        }
    }

    private void Check(WatchRuleSet set)
    {
        if (!set.Rules.IsEmpty) WatchEvaluator.Create(set, _actors.Value);
    }

    private static async Task WriteAtomicAsync(string path, string text, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), ct);
                await stream.FlushAsync(ct);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private string Fingerprint()
    {
        var sb = new StringBuilder();
        foreach (var dir in new[] { RulesDirectory, ZonesDirectory })
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                sb.Append(file).Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*file\s*=(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileLine();

    [LoggerMessage(Level = LogLevel.Error, Message = "The watch rules cannot be loaded, so no alerts are raised until they are fixed: {Error}")]
    private static partial void LogBroken(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch rules: wrote {File}")]
    private static partial void LogWritten(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch rules: deleted {File}")]
    private static partial void LogDeleted(ILogger logger, string file);

    /// <summary>What a rule-file write did.</summary>
    public enum WriteOutcome
    {
        /// <summary>The file is new.</summary>
        Created,
        /// <summary>An existing file was replaced.</summary>
        Replaced,
        /// <summary>Nothing was written: the file exists and a new one was asked for.</summary>
        Exists,
    }

    /// <summary>One load of the rules.</summary>
    /// <param name="Set">The zones and rules (empty when broken).</param>
    /// <param name="Evaluator">The evaluator, or null when there are no rules or they are broken.</param>
    /// <param name="Error">Why the files on disk do not load, or null.</param>
    public sealed record Loaded(WatchRuleSet Set, WatchEvaluator? Evaluator, WatchRuleException? Error);
}
