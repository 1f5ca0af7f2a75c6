using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Parallax.Nlp.Entities;

/// <summary>
/// The actors Parallax knows by name: countries, people with their offices and dates, organisations, armed forces and
/// groups, outlets and places, read from the tab-separated files shipped in this assembly and from optional user files
/// that add entries or override them by id. Immutable once loaded: every member is safe to call from many threads.
/// </summary>
public sealed partial class ActorKnowledgeBase
{
    private const string ResourcePrefix = "Parallax.Nlp.Entities.Data.";

    private static readonly Lazy<ActorKnowledgeBase> Default = new(() => Load([]), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly ImmutableArray<string> ListColumns = ["aliases", "demonyms", "affiliation"];

    private static readonly FrozenSet<string> TitleNoise = FrozenSet.ToFrozenSet(["the", "former", "then", "current", "acting", "a"], StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Actor> _byId;
    private readonly FrozenDictionary<string, ImmutableArray<(Actor Actor, bool IsName)>> _exact;
    private readonly FrozenDictionary<string, ImmutableArray<Actor>> _translit;
    private readonly FrozenDictionary<string, ImmutableArray<Actor>> _phonetic;
    private readonly FrozenDictionary<string, ImmutableArray<(Actor Actor, string Given)>> _surnames;
    private readonly FrozenDictionary<string, ImmutableArray<Actor>> _surnamesPhonetic;
    private readonly FrozenDictionary<string, ImmutableArray<Actor>> _demonyms;
    private readonly ImmutableArray<(string Key, Actor Actor)> _fuzzyKeys;
    private readonly ImmutableArray<(string[] Tokens, string Office)> _officePhrases;
    private readonly FrozenDictionary<string, ImmutableArray<(Actor Actor, ActorRole Role)>> _holders;

    private ActorKnowledgeBase(IReadOnlyList<Actor> actors, IReadOnlyDictionary<string, ImmutableArray<string>> offices)
    {
        Actors = [.. actors];
        _byId = actors.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);

        var exact = new Dictionary<string, List<(Actor, bool)>>(StringComparer.Ordinal);
        var translit = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        var phonetic = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        var surnames = new Dictionary<string, List<(Actor, string)>>(StringComparer.Ordinal);
        var surnamesPhonetic = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        var fuzzy = new List<(string, Actor)>();
        var holders = new Dictionary<string, List<(Actor, ActorRole)>>(StringComparer.Ordinal);

        foreach (var actor in actors)
        {
            foreach (var (form, isName) in actor.Aliases.Select(a => (a, false)).Prepend((actor.Name, true)))
            {
                var folded = NameKeys.Fold(form);
                if (folded.Length == 0)
                    continue;
                AddDistinct(exact, folded, (actor, isName));
                var tokens = NameKeys.TranslitTokens(form);
                var key = string.Concat(tokens);
                AddDistinct(translit, key, actor);
                AddDistinct(phonetic, NameKeys.Phonetic(key), actor);
                if (key.Length >= 4 && !fuzzy.Contains((key, actor)))
                    fuzzy.Add((key, actor));
                if (actor.Type == ActorType.Person && tokens.Count >= 2)
                {
                    AddDistinct(surnames, tokens[^1], (actor, tokens[0]));
                    AddDistinct(surnamesPhonetic, NameKeys.Phonetic(tokens[^1]), actor);
                }
            }

            foreach (var demonym in actor.Demonyms)
            {
                AddDistinct(demonyms, NameKeys.Fold(demonym), actor);
                AddDistinct(demonyms, NameKeys.Translit(demonym), actor);
            }

            foreach (var role in actor.Roles)
                AddDistinct(holders, HolderKey(role.Office, role.OfId), (actor, role));
        }

        _exact = Freeze(exact);
        _translit = Freeze(translit);
        _phonetic = Freeze(phonetic);
        _surnames = Freeze(surnames);
        _surnamesPhonetic = Freeze(surnamesPhonetic);
        _demonyms = Freeze(demonyms);
        _holders = Freeze(holders);
        _fuzzyKeys = [.. fuzzy];
        _officePhrases =
        [
            .. offices
                .SelectMany(o => o.Value.Prepend(o.Key).Select(p => (Tokens: TitleTokens(p), Office: o.Key)))
                .Where(p => p.Tokens.Length > 0)
                .OrderByDescending(p => p.Tokens.Length)
                .ThenBy(p => p.Office, StringComparer.Ordinal),
        ];
        Offices = offices.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Every entry, in the order the data files list them (shipped files by name, then user files).</summary>
    public ImmutableArray<Actor> Actors { get; }

    /// <summary>The office codes roles may use ("President", "DefenceMinister"), sorted.</summary>
    public ImmutableArray<string> Offices { get; }

    /// <summary>
    /// The knowledge base built from the shipped data alone. Loaded once per process on first use and shared.
    /// Throws <see cref="ActorDataException"/> only if the shipped data is broken, which the data lint tests rule out.
    /// </summary>
    public static ActorKnowledgeBase LoadDefault() => Default.Value;

    /// <summary>
    /// Loads the shipped data, then each of <paramref name="extraFiles"/> in order. A user line whose id already exists
    /// overrides it cell by cell: a non-empty cell replaces the value, "-" clears it, and a list cell whose items all
    /// start with '+' appends them. User role and office lines are added. Throws <see cref="ActorDataException"/> with
    /// the file and line when a file is unreadable or a line is malformed or refers to an unknown id.
    /// </summary>
    public static ActorKnowledgeBase Load(IEnumerable<string> extraFiles)
    {
        ArgumentNullException.ThrowIfNull(extraFiles);
        var shipped = ReadShipped();
        var extras = new List<ActorDataFile>();
        foreach (var path in extraFiles)
        {
            try
            {
                using var reader = new StreamReader(path);
                extras.Add(ActorDataReader.Read(path, reader));
            }
            catch (IOException ex)
            {
                throw new ActorDataException(ActorDataErrorCode.FileUnreadable, $"cannot read actor file '{path}': {ex.Message}; check the path and permissions.", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ActorDataException(ActorDataErrorCode.FileUnreadable, $"cannot read actor file '{path}': {ex.Message}; check the path and permissions.", ex);
            }
        }

        return Build(shipped, extras);
    }

    /// <summary>The user actor files under <paramref name="dataDirectory"/>: <c>actors/*.tsv</c>, sorted by name; empty when the folder does not exist.</summary>
    public static IReadOnlyList<string> UserFilesIn(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "actors");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The entry with <paramref name="id"/>, or null.</summary>
    public Actor? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Candidates for a name as written in text, best first; empty when nothing is close. Exact and transliteration
    /// matches (and demonyms) are returned alone when there are any; otherwise phonetic, given-name and surname matches;
    /// otherwise small edit-distance matches. <paramref name="on"/> favours people holding an office on that day;
    /// <paramref name="typeHint"/> ("Person", "Location"/"GPE"/"LOC", "Organisation"/"ORG", "NORP", or an
    /// <see cref="ActorType"/> name) favours matching types without excluding others. Throws
    /// <see cref="ArgumentException"/> for an unknown hint.
    /// </summary>
    public IReadOnlyList<ActorMatch> Match(string mention, DateOnly? on = null, string? typeHint = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var hinted = typeHint is null ? null : TypesForHint(typeHint);
        var folded = NameKeys.Fold(mention);
        if (folded.Length == 0)
            return [];

        var found = new Dictionary<string, ActorMatch>(StringComparer.Ordinal);
        var tokens = NameKeys.TranslitTokens(mention);
        var key = string.Concat(tokens);

        foreach (var (actor, isName) in _exact.GetValueOrDefault(folded, []))
            Offer(found, actor, isName ? 1.0 : 0.97, ActorMatchKind.Exact);
        foreach (var actor in _translit.GetValueOrDefault(key, []))
            Offer(found, actor, 0.92, ActorMatchKind.Transliteration);
        foreach (var actor in _demonyms.GetValueOrDefault(folded, []))
            Offer(found, actor, 0.8, ActorMatchKind.Demonym);

        if (found.Count == 0 && key.Length > 0)
        {
            var phoneticKey = NameKeys.Phonetic(key);
            if (phoneticKey.Length >= 3)
            {
                foreach (var actor in _phonetic.GetValueOrDefault(phoneticKey, []))
                    Offer(found, actor, 0.75, ActorMatchKind.Phonetic);
            }

            if (tokens.Count >= 2)
            {
                foreach (var (actor, given) in _surnames.GetValueOrDefault(tokens[^1], []))
                {
                    if (given.Length > 0 && tokens[0][0] == given[0])
                        Offer(found, actor, 0.85, ActorMatchKind.GivenNameVariant);
                }
            }
            else
            {
                var bySurname = _surnames.GetValueOrDefault(key, []).Select(s => s.Actor).Distinct().ToList();
                foreach (var actor in bySurname)
                    Offer(found, actor, bySurname.Count == 1 ? 0.65 : 0.5, ActorMatchKind.Surname);
                if (bySurname.Count == 0 && phoneticKey.Length >= 3)
                {
                    var bySound = _surnamesPhonetic.GetValueOrDefault(phoneticKey, []);
                    foreach (var actor in bySound)
                        Offer(found, actor, bySound.Length == 1 ? 0.55 : 0.45, ActorMatchKind.Surname);
                }
            }
        }

        if (found.Count == 0 && key.Length >= 4)
        {
            var limit = key.Length >= 9 ? 2 : 1;
            foreach (var (candidate, actor) in _fuzzyKeys)
            {
                var distance = NameKeys.Distance(key, candidate, limit);
                if (distance <= limit)
                    Offer(found, actor, 0.7 - (0.1 * (distance - 1)), ActorMatchKind.Fuzzy);
            }
        }

        return Rank(found.Values, on, hinted);
    }

    /// <summary>
    /// Who an office description refers to: "Israeli defence minister", "head of the Israeli Defense Ministry",
    /// "the Syrian president", "Russia's foreign minister", "UN Secretary-General". The description must name both a
    /// country or organisation (by name, alias or demonym) and an office phrase from the office lexicon. With
    /// <paramref name="on"/> the holders on that day are returned; without it, the holders whose term has no recorded
    /// end. Empty when either part is missing or nobody is recorded. Best first.
    /// </summary>
    public IReadOnlyList<ActorMatch> ResolveTitle(string description, DateOnly? on = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        var tokens = TitleTokens(description);
        var (scope, scopeStart, scopeLength) = FindScope(tokens);
        if (scope is null)
            return [];
        var rest = tokens.Take(scopeStart).Concat(tokens.Skip(scopeStart + scopeLength)).ToArray();

        // A ministry or force named as the scope ("State Department spokeswoman") stands for its country too.
        string[] scopeIds = scope.Type != ActorType.Country && scope.CountryCode is { } code
            ? [scope.Id, "country:" + code.ToLowerInvariant()]
            : [scope.Id];

        // Longest office phrase first; when it names nobody on that day, shorter phrases get their turn. Phrases may
        // include the scope's own words ("State Department spokeswoman", "Kremlin spokesman").
        foreach (var group in _officePhrases.Where(p => ContainsRun(rest, p.Tokens) || ContainsRun(tokens, p.Tokens)).GroupBy(p => p.Tokens.Length))
        {
            var holders = group
                .Select(p => p.Office)
                .Distinct(StringComparer.Ordinal)
                .SelectMany(office => scopeIds.SelectMany(id => _holders.GetValueOrDefault(HolderKey(office, id), [])))
                .Where(h => on is { } day ? h.Role.IsHeldOn(day) : h.Role.To is null)
                .Distinct()
                .ToList();
            if (holders.Count == 0)
                continue;
            var confidence = (on is null ? 0.9 : 0.95) - (holders.Count > 1 ? 0.1 : 0.0);
            return
            [
                .. holders
                    .Select(h => new ActorMatch(h.Actor, confidence, ActorMatchKind.Title, h.Role))
                    .OrderByDescending(m => m.Role!.From ?? DateOnly.MinValue)
                    .ThenBy(m => m.Actor.Id, StringComparer.Ordinal),
            ];
        }

        return [];
    }

    /// <summary>
    /// The actor an adjective or demonym refers to: "Syrian" gives Syria, "Shi'ite" the Shia label, "pro-Iranian" Iran
    /// as an <see cref="ActorMatchKind.Affiliation"/>. Shared demonyms ("Congolese") give every country, with lower
    /// confidence. Empty when unknown.
    /// </summary>
    public IReadOnlyList<ActorMatch> ResolveDemonym(string adjective)
    {
        ArgumentNullException.ThrowIfNull(adjective);
        var tokens = NameKeys.FoldTokens(adjective);
        var kind = ActorMatchKind.Demonym;
        if (tokens.Count > 1 && string.Equals(tokens[0].Text, "pro", StringComparison.Ordinal))
        {
            tokens.RemoveAt(0);
            kind = ActorMatchKind.Affiliation;
        }

        var folded = string.Join(' ', tokens.Select(t => t.Text));
        if (folded.Length == 0)
            return [];
        var actors = _demonyms.GetValueOrDefault(folded, []);
        if (actors.IsEmpty)
            actors = _demonyms.GetValueOrDefault(NameKeys.Translit(folded), []);
        var confidence = actors.Length == 1 ? 0.95 : 0.6;
        return [.. actors.Select(a => new ActorMatch(a, confidence, kind)).OrderBy(m => m.Actor.Id, StringComparer.Ordinal)];
    }

    private (Actor? Scope, int Start, int Length) FindScope(string[] tokens)
    {
        // States and international organisations first: "Israeli military intelligence chief" is scoped by Israel,
        // not by the intelligence service whose alias ("military intelligence") also appears in it.
        foreach (var acceptable in new Func<Actor, bool>[] { IsStateScope, IsBodyScope })
        {
            for (var length = Math.Min(5, tokens.Length); length >= 1; length--)
            {
                for (var start = 0; start + length <= tokens.Length; start++)
                {
                    var phrase = string.Join(' ', tokens, start, length);
                    var scope = _demonyms.GetValueOrDefault(phrase, []).FirstOrDefault(acceptable)
                        ?? _exact.GetValueOrDefault(phrase, []).Select(e => e.Actor).FirstOrDefault(acceptable);
                    if (scope is not null)
                        return (scope, start, length);
                }
            }
        }

        return (null, 0, 0);
    }

    private static bool IsStateScope(Actor actor) => actor.Type is ActorType.Country or ActorType.InternationalOrganisation;

    private static bool IsBodyScope(Actor actor) =>
        actor.Type is ActorType.Organisation or ActorType.Government or ActorType.Ministry or ActorType.ArmedForce
            or ActorType.IntelligenceService or ActorType.ArmedGroup or ActorType.PoliticalParty;

    private static string[] TitleTokens(string text) =>
        [.. NameKeys.FoldTokens(text).Select(t => t.Text).Where(t => !TitleNoise.Contains(t))];

    private static bool ContainsRun(string[] haystack, string[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var all = true;
            for (var j = 0; j < needle.Length && all; j++)
                all = string.Equals(haystack[i + j], needle[j], StringComparison.Ordinal);
            if (all)
                return true;
        }

        return false;
    }

    private static List<ActorMatch> Rank(IEnumerable<ActorMatch> found, DateOnly? on, FrozenSet<ActorType>? hinted)
    {
        var ranked = new List<ActorMatch>();
        foreach (var match in found)
        {
            var confidence = match.Confidence;
            // Office holders are the likelier referent of an ambiguous name: a role held that day, or still open.
            if (on is { } day ? match.Actor.Roles.Any(r => r.IsHeldOn(day)) : match.Actor.Roles.Any(r => r.To is null))
                confidence += on is null ? 0.03 : 0.05;
            if (hinted is not null)
                confidence = hinted.Contains(match.Actor.Type) ? confidence + 0.05 : confidence * 0.6;
            ranked.Add(match with { Confidence = Math.Round(Math.Min(1.0, confidence), 4) });
        }

        ranked.Sort((a, b) =>
        {
            var byConfidence = b.Confidence.CompareTo(a.Confidence);
            return byConfidence != 0 ? byConfidence : string.CompareOrdinal(a.Actor.Id, b.Actor.Id);
        });
        return ranked;
    }

    private static FrozenSet<ActorType> TypesForHint(string hint)
    {
        var h = hint.Trim().ToUpperInvariant();
        ActorType[] types = h switch
        {
            "PERSON" or "PER" => [ActorType.Person],
            "LOCATION" or "LOC" or "GPE" or "PLACE" => [ActorType.Country, ActorType.Location, ActorType.Region],
            "ORGANISATION" or "ORGANIZATION" or "ORG" =>
            [
                ActorType.Organisation, ActorType.Government, ActorType.Ministry, ActorType.ArmedForce, ActorType.IntelligenceService,
                ActorType.ArmedGroup, ActorType.PoliticalParty, ActorType.MediaOutlet, ActorType.InternationalOrganisation,
            ],
            "NORP" => [ActorType.GroupLabel, ActorType.Country, ActorType.PoliticalParty],
            _ => Enum.TryParse<ActorType>(hint.Trim(), ignoreCase: true, out var one) && Enum.IsDefined(one)
                ? [one]
                : throw new ArgumentException(
                    $"Unknown type hint '{hint}'; use Person, Location, Organisation, NORP or an ActorType name.", nameof(hint)),
        };
        return types.ToFrozenSet();
    }

    private static void Offer(Dictionary<string, ActorMatch> found, Actor actor, double confidence, ActorMatchKind kind)
    {
        if (!found.TryGetValue(actor.Id, out var existing) || existing.Confidence < confidence)
            found[actor.Id] = new ActorMatch(actor, confidence, kind);
    }

    private static string HolderKey(string office, string ofId) => office + "\u0000" + ofId;

    private static void AddDistinct<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        if (!list.Contains(value))
            list.Add(value);
    }

    private static FrozenDictionary<string, ImmutableArray<T>> Freeze<T>(Dictionary<string, List<T>> index) =>
        index.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);

    private static List<ActorDataFile> ReadShipped()
    {
        var assembly = typeof(ActorKnowledgeBase).Assembly;
        var files = new List<ActorDataFile>();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(ActorDataReader.Read(name[ResourcePrefix.Length..], reader));
        }

        return files;
    }

    private static ActorKnowledgeBase Build(List<ActorDataFile> shipped, List<ActorDataFile> extras)
    {
        var rows = new Dictionary<string, (Dictionary<string, string> Cells, string Location)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in shipped.SelectMany(f => f.Actors))
        {
            if (rows.TryGetValue(row.Id, out var first))
            {
                throw new ActorDataException(
                    ActorDataErrorCode.DuplicateId,
                    $"{row.Location}: id '{row.Id}' is already used at {first.Location}; shipped ids must be unique.");
            }

            rows[row.Id] = (new Dictionary<string, string>(row.Cells, StringComparer.Ordinal), row.Location);
            order.Add(row.Id);
        }

        foreach (var row in extras.SelectMany(f => f.Actors))
        {
            if (!rows.TryGetValue(row.Id, out var existing))
            {
                rows[row.Id] = (new Dictionary<string, string>(row.Cells, StringComparer.Ordinal), row.Location);
                order.Add(row.Id);
                continue;
            }

            Override(existing.Cells, row.Cells);
            rows[row.Id] = (existing.Cells, row.Location);
        }

        var offices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var office in shipped.Concat(extras).SelectMany(f => f.Offices))
        {
            if (!offices.TryGetValue(office.Office, out var phrases))
                offices[office.Office] = phrases = [];
            phrases.AddRange(office.Phrases.Where(p => !phrases.Contains(p)));
        }

        var roles = new Dictionary<string, List<ActorRole>>(StringComparer.Ordinal);
        foreach (var role in shipped.Concat(extras).SelectMany(f => f.Roles))
        {
            if (!rows.ContainsKey(role.ActorId))
                throw UnknownReference(role.Location, "actor", role.ActorId);
            if (!rows.ContainsKey(role.Role.OfId))
                throw UnknownReference(role.Location, "of", role.Role.OfId);
            if (!offices.ContainsKey(role.Role.Office))
                throw UnknownReference(role.Location, "office", role.Role.Office);
            if (!roles.TryGetValue(role.ActorId, out var list))
                roles[role.ActorId] = list = [];
            if (!list.Contains(role.Role))
                list.Add(role.Role);
        }

        var actors = new List<Actor>(order.Count);
        foreach (var id in order)
        {
            var (cells, location) = rows[id];
            actors.Add(CreateActor(id, cells, location, roles.GetValueOrDefault(id)));
        }

        foreach (var actor in actors)
        {
            var location = rows[actor.Id].Location;
            if (actor.ParentId is { } parent && !rows.ContainsKey(parent))
                throw UnknownReference(location, "parent", parent);
            foreach (var affiliation in actor.Affiliations.Where(a => !rows.ContainsKey(a)))
                throw UnknownReference(location, "affiliation", affiliation);
        }

        return new ActorKnowledgeBase(actors, offices.ToDictionary(o => o.Key, o => o.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    private static void Override(Dictionary<string, string> cells, IReadOnlyDictionary<string, string> update)
    {
        foreach (var (column, value) in update)
        {
            if (string.Equals(column, "id", StringComparison.Ordinal))
                continue;
            if (string.Equals(value, "-", StringComparison.Ordinal))
            {
                cells.Remove(column);
                continue;
            }

            var items = ActorDataReader.SplitList(value);
            if (ListColumns.Contains(column) && items.Length > 0 && items.All(i => i.StartsWith('+')))
            {
                var merged = ActorDataReader.SplitList(cells.GetValueOrDefault(column)).Concat(items.Select(i => i[1..].Trim()));
                cells[column] = string.Join('|', merged.Distinct(StringComparer.Ordinal));
                continue;
            }

            cells[column] = value;
        }
    }

    private static Actor CreateActor(string id, Dictionary<string, string> cells, string location, List<ActorRole>? roles)
    {
        var typeCell = ActorDataReader.Required(cells, "type", location);
        if (!Enum.TryParse<ActorType>(typeCell, ignoreCase: false, out var type) || !Enum.IsDefined(type) || typeCell.All(char.IsAsciiDigit))
        {
            throw new ActorDataException(
                ActorDataErrorCode.UnknownType,
                $"{location}: type '{typeCell}' is unknown; use one of {string.Join(", ", Enum.GetNames<ActorType>())}.");
        }

        var qid = cells.GetValueOrDefault("qid");
        if (qid is not null && !QidPattern().IsMatch(qid))
        {
            throw new ActorDataException(
                ActorDataErrorCode.BadWikidataId,
                $"{location}: '{qid}' is not a Wikidata id; write Q followed by digits, or leave the cell empty when unsure.");
        }

        var country = cells.GetValueOrDefault("country") ?? cells.GetValueOrDefault("iso2");
        return new Actor(
            id,
            type,
            ActorDataReader.Required(cells, "name", location),
            ActorDataReader.SplitList(cells.GetValueOrDefault("aliases")),
            ActorDataReader.SplitList(cells.GetValueOrDefault("demonyms")),
            country?.ToUpperInvariant(),
            cells.GetValueOrDefault("iso3")?.ToUpperInvariant(),
            cells.GetValueOrDefault("capital"),
            cells.GetValueOrDefault("parent"),
            ActorDataReader.SplitList(cells.GetValueOrDefault("affiliation")),
            qid,
            roles is null ? [] : [.. roles]);
    }

    private static ActorDataException UnknownReference(string location, string column, string id) =>
        new(ActorDataErrorCode.UnknownReference, $"{location}: the '{column}' cell names '{id}', which no actor or office line defines; add it or fix the spelling.");

    [GeneratedRegex(@"^Q\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex QidPattern();
}
