using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Parallax.Nlp.Events;

/// <summary>Stable codes for errors in event lexicon files (PX38xx). The numbers never change meaning.</summary>
public enum EventLexiconErrorCode
{
    /// <summary>PX3801: a line has the wrong number of tab-separated cells.</summary>
    BadCellCount = 3801,
    /// <summary>PX3802: a cell holds a value the column does not allow (part of speech, weight, modality, cue class).</summary>
    BadValue = 3802,
    /// <summary>PX3803: a shipped lexicon resource is missing from the assembly.</summary>
    MissingResource = 3803,
}

/// <summary>An error in an event lexicon file, with a stable code ("PX3801"), the file and line, and what to change.</summary>
public sealed class EventLexiconException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventLexiconException(EventLexiconErrorCode code, string message)
        : base($"PX{(int)code}: {message}") => Code = code;

    /// <summary>The stable error code.</summary>
    public EventLexiconErrorCode Code { get; }
}

/// <summary>How a trigger is written: an inflected verb, a noun (singular or plural) or a fixed phrase.</summary>
public enum TriggerPos
{
    /// <summary>A verb: every inflection matches.</summary>
    Verb,
    /// <summary>A noun: singular and plural match.</summary>
    Noun,
    /// <summary>A fixed phrase matched as written.</summary>
    Fixed,
}

/// <summary>One line of the trigger lexicon.</summary>
/// <param name="Lemma">The trigger's lemma, one or more lower-case words.</param>
/// <param name="Pos">Verb, noun or fixed phrase.</param>
/// <param name="PloverType">PLOVER type.</param>
/// <param name="PloverMode">PLOVER mode, or null.</param>
/// <param name="CameoCode">CAMEO code, or null.</param>
/// <param name="OfRole">For nouns: whether "of X" names the source or the target, or null.</param>
/// <param name="Weight">How sure the trigger is an event of this type, in (0, 1].</param>
/// <param name="Modality">A modality the trigger carries by itself ("invite" is planned), or null.</param>
public sealed record TriggerEntry(
    string Lemma,
    TriggerPos Pos,
    string PloverType,
    string? PloverMode,
    string? CameoCode,
    ParticipantRole? OfRole,
    double Weight,
    EventModality? Modality);

/// <summary>Which participant slot a phrase fills.</summary>
public enum ParticipantRole
{
    /// <summary>Who acts.</summary>
    Source,
    /// <summary>Who is acted upon.</summary>
    Target,
}

/// <summary>The classes of modality cue in data/events/modality-cues.tsv.</summary>
internal enum CueClass
{
    Report,
    Hedge,
    Denial,
    Future,
    PlanNoun,
    Threat,
    Condition,
    Negation,
    NoNoun,
    Intent,
}

/// <summary>A mode the clause's words give an event of a type ("phone" for CONSULT when "phone" occurs).</summary>
internal sealed record ModeCue(string PloverType, string Mode, string? CameoCode, ImmutableArray<string> Words);

/// <summary>One surface form of a trigger: its words and the entry it reads as.</summary>
internal sealed record TriggerForm(ImmutableArray<string> Words, TriggerEntry Entry, bool IsParticiple, bool IsBase);

/// <summary>
/// The event stage's resources: the PLOVER trigger lexicon (verbs, nominalisations and phrases with their PLOVER type,
/// mode and CAMEO code), the irregular verb forms, the modality and mode cues, and the common nouns that head actor
/// phrases. The shipped lexicon is embedded from data/events; <see cref="Load"/> reads a user's own files.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class EventLexicon
{
    private const string ResourcePrefix = "Parallax.Nlp.Events.Data.";
    private static readonly Lazy<EventLexicon> _default = new(LoadShipped);

    private readonly FrozenDictionary<string, ImmutableArray<TriggerForm>> _formsByFirstWord;
    private readonly FrozenDictionary<CueClass, ImmutableArray<ImmutableArray<string>>> _cues;

    private EventLexicon(
        ImmutableArray<TriggerEntry> entries,
        IReadOnlyDictionary<string, (string Past, string Participle)> irregular,
        FrozenDictionary<CueClass, ImmutableArray<ImmutableArray<string>>> cues,
        ImmutableArray<ModeCue> modeCues,
        FrozenSet<string> actorNouns)
    {
        Entries = entries;
        _cues = cues;
        ModeCues = modeCues;
        ActorNouns = actorNouns;
        var forms = new Dictionary<string, List<TriggerForm>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var words = entry.Lemma.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (form, participle, isBase) in FirstWordForms(entry.Pos, words, irregular))
            {
                var all = words.ToImmutableArray().SetItem(0, form);
                if (!forms.TryGetValue(form, out var list)) forms[form] = list = [];
                if (!list.Exists(f => f.Entry == entry && f.Words.SequenceEqual(all)))
                    list.Add(new TriggerForm(all, entry, participle, isBase));
            }
        }

        _formsByFirstWord = forms.ToFrozenDictionary(
            p => p.Key,
            p => p.Value.OrderByDescending(f => f.Words.Length).ToImmutableArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The trigger entries in file order.</summary>
    public ImmutableArray<TriggerEntry> Entries { get; }

    internal ImmutableArray<ModeCue> ModeCues { get; }

    internal FrozenSet<string> ActorNouns { get; }

    /// <summary>The shipped lexicon (data/events), loaded once. Thread-safe.</summary>
    /// <exception cref="EventLexiconException">PX3801–PX3803 when the embedded files are broken (a build error).</exception>
    public static EventLexicon Default => _default.Value;

    /// <summary>Builds a lexicon from the four files' text, in the formats of data/events (see its README).</summary>
    /// <param name="triggers">triggers.tsv: trigger, pos, type, mode, cameo, of, weight, modality.</param>
    /// <param name="irregularVerbs">irregular-verbs.tsv: lemma, past, participle.</param>
    /// <param name="modalityCues">modality-cues.tsv: class, cue.</param>
    /// <param name="modeCues">mode-cues.tsv: type, mode, cameo, cue.</param>
    /// <param name="actorNouns">actor-nouns.txt: one lower-case noun a line.</param>
    /// <exception cref="EventLexiconException">PX3801 or PX3802 naming the file and line of a malformed line.</exception>
    public static EventLexicon Load(string triggers, string irregularVerbs, string modalityCues, string modeCues, string actorNouns)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(irregularVerbs);
        ArgumentNullException.ThrowIfNull(modalityCues);
        ArgumentNullException.ThrowIfNull(modeCues);
        ArgumentNullException.ThrowIfNull(actorNouns);

        var entries = ImmutableArray.CreateBuilder<TriggerEntry>();
        foreach (var (cells, where) in Rows(triggers, "triggers.tsv", 8))
        {
            var pos = cells[1] switch
            {
                "V" => TriggerPos.Verb,
                "N" => TriggerPos.Noun,
                "X" => TriggerPos.Fixed,
                _ => throw Bad(where, $"part of speech '{cells[1]}' is not V, N or X"),
            };
            if (!double.TryParse(cells[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight <= 0 || weight > 1)
                throw Bad(where, $"weight '{cells[6]}' is not a number in (0, 1]");
            ParticipantRole? of = cells[5] switch
            {
                "-" => null,
                "source" => ParticipantRole.Source,
                "target" => ParticipantRole.Target,
                _ => throw Bad(where, $"of-role '{cells[5]}' is not source, target or -"),
            };
            EventModality? modality = cells[7] == "-"
                ? null
                : Enum.TryParse<EventModality>(cells[7], ignoreCase: true, out var m) ? m : throw Bad(where, $"modality '{cells[7]}' is unknown");
            if (cells[2].Length == 0 || !cells[2].All(c => c is >= 'A' and <= 'Z'))
                throw Bad(where, $"PLOVER type '{cells[2]}' must be upper-case letters");
            entries.Add(new TriggerEntry(
                cells[0].ToLowerInvariant(), pos, cells[2], Dash(cells[3]), Dash(cells[4]), of, weight, modality));
        }

        var irregular = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (cells, _) in Rows(irregularVerbs, "irregular-verbs.tsv", 3))
            irregular[cells[0]] = (cells[1], cells[2]);

        var cues = new Dictionary<CueClass, List<ImmutableArray<string>>>();
        foreach (var (cells, where) in Rows(modalityCues, "modality-cues.tsv", 2))
        {
            if (!Enum.TryParse<CueClass>(cells[0], ignoreCase: true, out var cls) || int.TryParse(cells[0], CultureInfo.InvariantCulture, out _))
                throw Bad(where, $"cue class '{cells[0]}' is unknown");
            if (!cues.TryGetValue(cls, out var list)) cues[cls] = list = [];
            list.Add([.. Words(cells[1])]);
        }

        var modes = ImmutableArray.CreateBuilder<ModeCue>();
        foreach (var (cells, _) in Rows(modeCues, "mode-cues.tsv", 4))
            modes.Add(new ModeCue(cells[0], cells[1], Dash(cells[2]), [.. Words(cells[3])]));

        var nouns = actorNouns.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);

        return new EventLexicon(
            entries.ToImmutable(),
            irregular,
            cues.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(c => c.Length).ToImmutableArray()),
            modes.ToImmutable(),
            nouns);
    }

    /// <summary>The forms whose first word is <paramref name="word"/> (lower case), longest phrase first.</summary>
    internal ImmutableArray<TriggerForm> FormsStartingWith(string word) =>
        _formsByFirstWord.TryGetValue(word, out var forms) ? forms : [];

    /// <summary>The cues of a class, longest first.</summary>
    internal ImmutableArray<ImmutableArray<string>> Cues(CueClass cls) => _cues.TryGetValue(cls, out var c) ? c : [];

    /// <summary>Splits a cue into lower-case words the way the stage splits tokens ("n't" and "'ll" stay whole).</summary>
    internal static IEnumerable<string> Words(string cue) =>
        cue.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The inflected forms of a verb lemma's first word, or a noun's singular and plural.</summary>
    internal static IEnumerable<(string Form, bool Participle, bool IsBase)> FirstWordForms(
        TriggerPos pos, string[] words, IReadOnlyDictionary<string, (string Past, string Participle)> irregular)
    {
        var head = words[0];
        switch (pos)
        {
            case TriggerPos.Fixed:
                yield return (head, false, true);
                break;
            case TriggerPos.Noun when words.Length == 1:
                yield return (head, false, true);
                yield return (Plural(head), false, false);
                break;
            case TriggerPos.Noun:
                // A noun phrase inflects its last word; the first word stays as written.
                yield return (head, false, true);
                break;
            default:
                yield return (head, false, true);
                yield return (Plural(head), false, false);
                yield return (Ing(head), false, false);
                if (irregular.TryGetValue(head, out var irr))
                {
                    yield return (irr.Past, true, false);
                    yield return (irr.Participle, true, false);
                }
                else
                {
                    foreach (var past in Past(head)) yield return (past, true, false);
                }

                break;
        }
    }

    /// <summary>For a noun phrase of several words, the plural of its last word.</summary>
    internal static string Plural(string word)
    {
        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
            return word + "es";
        if (word.Length > 1 && word.EndsWith('y') && !IsVowel(word[^2])) return word[..^1] + "ies";
        if (word.EndsWith('o') && word.Length > 2 && !IsVowel(word[^2])) return word + "es";
        return word + "s";
    }

    private static IEnumerable<string> Past(string word)
    {
        if (word.EndsWith('e')) { yield return word + "d"; yield break; }
        if (word.Length > 1 && word.EndsWith('y') && !IsVowel(word[^2])) { yield return word[..^1] + "ied"; yield break; }
        if (Doubles(word)) { yield return word + word[^1] + "ed"; yield break; }
        yield return word + "ed";
        // British spelling doubles a final l after one vowel ("cancelled", "travelled").
        if (word.EndsWith('l') && word.Length > 2 && IsVowel(word[^2]) && !IsVowel(word[^3])) yield return word + "led";
    }

    private static string Ing(string word)
    {
        if (word.EndsWith("ie", StringComparison.Ordinal)) return word[..^2] + "ying";
        if (word.EndsWith('e') && !word.EndsWith("ee", StringComparison.Ordinal) && word.Length > 2) return word[..^1] + "ing";
        if (Doubles(word)) return word + word[^1] + "ing";
        return word + "ing";
    }

    // Final consonant doubles in one-syllable consonant-vowel-consonant verbs ("ban" → "banned") and in a few
    // verbs stressed on the last syllable.
    private static readonly FrozenSet<string> _stressedFinal = new[]
    {
        "commit", "compel", "expel", "control", "patrol", "admit", "permit", "submit", "refer", "prefer", "occur", "transfer", "rebel",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool Doubles(string word)
    {
        if (_stressedFinal.Contains(word)) return true;
        if (word.Length < 3) return false;
        char a = word[^3], b = word[^2], c = word[^1];
        if (IsVowel(a) || !IsVowel(b) || IsVowel(c) || c is 'w' or 'x' or 'y') return false;
        int vowelGroups = 0;
        for (int i = 0; i < word.Length; i++)
            if (IsVowel(word[i]) && (i == 0 || !IsVowel(word[i - 1]))) vowelGroups++;
        return vowelGroups == 1;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string? Dash(string cell) => cell is "-" or "" ? null : cell;

    private static EventLexiconException Bad(string where, string what) =>
        new(EventLexiconErrorCode.BadValue, $"{where}: {what}; see data/events/README.md for the columns.");

    private static IEnumerable<(string[] Cells, string Where)> Rows(string text, string file, int columns)
    {
        var lines = text.Split('\n');
        bool header = true;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var where = $"{file} line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var cells = line.Split('\t');
            if (cells.Length != columns)
                throw new EventLexiconException(EventLexiconErrorCode.BadCellCount,
                    $"{where}: {cells.Length.ToString(CultureInfo.InvariantCulture)} tab-separated cells where {columns.ToString(CultureInfo.InvariantCulture)} are expected.");
            if (header) { header = false; continue; }
            yield return (cells.Select(c => c.Trim()).ToArray(), where);
        }
    }

    private static EventLexicon LoadShipped()
    {
        var assembly = typeof(EventLexicon).Assembly;
        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new EventLexiconException(EventLexiconErrorCode.MissingResource,
                    $"the assembly has no embedded '{name}'; rebuild Parallax.Nlp so data/events/{name} is embedded.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        return Load(Read("triggers.tsv"), Read("irregular-verbs.tsv"), Read("modality-cues.tsv"), Read("mode-cues.tsv"), Read("actor-nouns.txt"));
    }
}
