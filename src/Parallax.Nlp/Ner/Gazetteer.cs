using System.Collections.Frozen;
using Parallax.Nlp.Entities;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Ner;

/// <summary>Type bits of a gazetteer entry.</summary>
[Flags]
internal enum GazetteerType : byte
{
    None = 0,
    Person = 1,
    Organisation = 2,
    Location = 4,
    Norp = 8,
    Surname = 16,
    /// <summary>The entry is an all-capitals abbreviation ("IS", "AP"): it matches only text in capitals too.</summary>
    CapitalsOnly = 128,
}

/// <summary>
/// Token-sequence lookups built from the actor knowledge base: names and aliases by type, demonyms, surnames of
/// people, and title words. Keys are hashes of the lower-cased token sequence, so lookups allocate nothing.
/// Immutable once built; safe to share between threads.
/// </summary>
internal sealed class Gazetteer
{
    public const int MaxLength = 8;

    private static readonly string[] TitleWords =
    [
        "president", "minister", "premier", "chancellor", "gen", "general", "lt", "lieutenant", "col", "colonel", "maj",
        "major", "brig", "brigadier", "adm", "admiral", "sgt", "sergeant", "capt", "captain", "cmdr", "commander", "chief",
        "spokesman", "spokeswoman", "spokesperson", "secretary", "ambassador", "envoy", "king", "queen", "prince", "princess",
        "sheikh", "emir", "dr", "mr", "mrs", "ms", "sen", "senator", "rep", "gov", "governor", "mayor", "deputy", "director",
        "head", "leader", "pope", "ayatollah", "imam", "officer", "correspondent", "reporter", "editor", "analyst", "judge",
        "justice", "attorney", "professor", "prof", "rabbi", "father", "sir", "lord", "lady", "ceo", "chairman", "chairwoman",
        "maj.-gen", "lt.-gen", "lt.-col", "brig.-gen", "field-marshal", "marshal", "coordinator", "adviser", "advisor",
    ];

    private static readonly Lazy<Gazetteer> DefaultInstance = new(() => Build(ActorKnowledgeBase.LoadDefault()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<ulong, GazetteerType> _entries;
    private readonly FrozenSet<ulong> _prefixes;
    private readonly FrozenSet<ulong> _titles;
    private readonly FrozenSet<ulong> _demonyms;

    private Gazetteer(Dictionary<ulong, GazetteerType> entries, HashSet<ulong> prefixes, HashSet<ulong> titles, HashSet<ulong> demonyms)
    {
        _entries = entries.ToFrozenDictionary();
        _prefixes = prefixes.ToFrozenSet();
        _titles = titles.ToFrozenSet();
        _demonyms = demonyms.ToFrozenSet();
    }

    /// <summary>The gazetteer of the shipped knowledge base, built once.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    public static Gazetteer Build(ActorKnowledgeBase knowledgeBase)
    {
        var entries = new Dictionary<ulong, GazetteerType>();
        var prefixes = new HashSet<ulong>();
        var demonyms = new HashSet<ulong>();
        var suffixes = new Dictionary<ulong, HashSet<string>>();
        var suffixPrefixes = new HashSet<ulong>();
        var tokens = new List<Token>();
        foreach (var actor in knowledgeBase.Actors)
        {
            var type = TypeOf(actor.Type);
            foreach (var name in actor.Aliases.Prepend(actor.Name))
            {
                Add(name, type);
                // "al-Radwan" is also written "Radwan": the article is optional in English text.
                if (name.Length > 4 && name[2] == '-' && (name.StartsWith("al", StringComparison.OrdinalIgnoreCase) || name.StartsWith("el", StringComparison.OrdinalIgnoreCase)))
                    Add(name[3..], type);
                if (type == GazetteerType.Organisation) AddSuffixes(name, actor.Id);
                if (actor.Type == ActorType.Person)
                {
                    tokens.Clear();
                    Tokenizer.Default.Tokenize(name, tokens);
                    var last = tokens[^1];
                    if (tokens.Count >= 2 && last.Length >= 3 && last.Kind == TokenKind.Word)
                        Add(name[last.Start..last.End], GazetteerType.Surname);
                }
            }

            foreach (var demonym in actor.Demonyms)
            {
                Add(demonym, GazetteerType.Norp);
                demonyms.Add(FeatureHash.Lower(demonym));
            }
        }

        var titles = new HashSet<ulong>(TitleWords.Select(w => FeatureHash.Lower(w)));
        foreach (var (key, owners) in suffixes)
        {
            // A trailing run of an organisation's name ("Revolutionary Guard Corps") counts when only one actor has it.
            if (owners.Count == 1 && !entries.ContainsKey(key)) entries[key] = GazetteerType.Organisation;
        }

        foreach (var prefix in suffixPrefixes) prefixes.Add(prefix);
        return new Gazetteer(entries, prefixes, titles, demonyms);

        void AddSuffixes(string name, string actorId)
        {
            tokens.Clear();
            Tokenizer.Default.Tokenize(name, tokens);
            for (int start = 1; start + 2 <= tokens.Count && tokens.Count - start <= MaxLength; start++)
            {
                if (!tokens[start].Has(TokenFlags.Capitalized)) continue;
                ulong h = FeatureHash.Seed;
                for (int i = start; i < tokens.Count; i++)
                {
                    h = FeatureHash.Mix(h, KeyOf(name.AsSpan(tokens[i].Start, tokens[i].Length)));
                    if (i < tokens.Count - 1) suffixPrefixes.Add(h);
                }

                if (!suffixes.TryGetValue(h, out var owners)) suffixes[h] = owners = new HashSet<string>(StringComparer.Ordinal);
                owners.Add(actorId);
            }
        }

        void Add(string name, GazetteerType type)
        {
            tokens.Clear();
            Tokenizer.Default.Tokenize(name, tokens);
            int first = 0;
            if (tokens.Count > 1 && name.AsSpan(tokens[0].Start, tokens[0].Length).Equals("the", StringComparison.OrdinalIgnoreCase))
                first = 1;
            int count = tokens.Count - first;
            if (count == 0 || count > MaxLength) return;
            bool capitalsOnly = count == 1 && tokens[first].Has(TokenFlags.AllCaps) && tokens[first].Length <= 4;
            ulong h = FeatureHash.Seed;
            for (int i = first; i < tokens.Count; i++)
            {
                h = FeatureHash.Mix(h, KeyOf(name.AsSpan(tokens[i].Start, tokens[i].Length)));
                if (i < tokens.Count - 1) prefixes.Add(h);
            }

            var flags = type | (capitalsOnly ? GazetteerType.CapitalsOnly : GazetteerType.None);
            if (entries.TryGetValue(h, out var existing))
            {
                // An entry written in capitals only stays strict when every spelling that shares its key is.
                var strict = (existing & GazetteerType.CapitalsOnly) != 0 && capitalsOnly;
                flags = (existing | type) & ~GazetteerType.CapitalsOnly;
                if (strict) flags |= GazetteerType.CapitalsOnly;
            }

            entries[h] = flags;
        }
    }

    public static GazetteerType TypeOf(ActorType type) => type switch
    {
        ActorType.Person => GazetteerType.Person,
        ActorType.Country or ActorType.Location or ActorType.Region => GazetteerType.Location,
        ActorType.GroupLabel => GazetteerType.Norp,
        _ => GazetteerType.Organisation,
    };

    /// <summary>
    /// The lookup hash of one token: lower-cased, a final plural "s" dropped from words of four or more letters, so that
    /// "Tigers Force" finds "Tiger Forces".
    /// </summary>
    public static ulong KeyOf(ReadOnlySpan<char> token)
    {
        if (token.Length >= 4 && (token[^1] == 's' || token[^1] == 'S') && char.IsLetter(token[^2])) token = token[..^1];
        return FeatureHash.Lower(token);
    }

    public bool IsTitle(ulong lowerHash) => _titles.Contains(lowerHash);

    public bool IsDemonym(ulong lowerHash) => _demonyms.Contains(lowerHash);

    /// <summary>
    /// Marks the longest leftmost matches in one sentence: for each token, the entry's type bits and whether it begins
    /// the match. <paramref name="lower"/> holds the <see cref="KeyOf"/> hash of each token, <paramref name="allCaps"/> whether it is written in capitals.
    /// </summary>
    public void Mark(ReadOnlySpan<ulong> lower, ReadOnlySpan<bool> allCaps, Span<GazetteerType> types, Span<bool> begins)
    {
        types.Clear();
        begins.Clear();
        int i = 0;
        while (i < lower.Length)
        {
            ulong h = FeatureHash.Seed;
            int bestEnd = -1;
            var bestType = GazetteerType.None;
            for (int j = i; j < lower.Length && j < i + MaxLength; j++)
            {
                h = FeatureHash.Mix(h, lower[j]);
                if (_entries.TryGetValue(h, out var t) && ((t & GazetteerType.CapitalsOnly) == 0 || allCaps[i]))
                {
                    bestEnd = j;
                    bestType = t & ~GazetteerType.CapitalsOnly;
                }

                if (!_prefixes.Contains(h)) break;
            }

            if (bestEnd < 0)
            {
                i++;
                continue;
            }

            begins[i] = true;
            for (int k = i; k <= bestEnd; k++) types[k] = bestType;
            i = bestEnd + 1;
        }
    }
}
