using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Parallax.Nlp.Quotes;

/// <summary>Where a reporting verb may stand.</summary>
internal enum CueUse
{
    /// <summary>Direct and indirect speech.</summary>
    Any,
    /// <summary>Only next to quotation marks ("calls it 'absurd'", "the leaflet read").</summary>
    Direct,
    /// <summary>An -ing form whose speaker is the subject of the clause it hangs on.</summary>
    Participle,
    /// <summary>A noun for a message ("sent Damascus a signal that …"): its speaker is the subject of the verb before it.</summary>
    Noun,
}

/// <summary>What a source word says about the speaker.</summary>
internal enum SourceWordKind
{
    /// <summary>A noun for one unnamed person ("official", "commander").</summary>
    Person,
    /// <summary>A plural or mass noun for a collective source ("sources", "reports").</summary>
    Group,
    /// <summary>A phrase marking anonymity ("condition of anonymity").</summary>
    Anonymity,
    /// <summary>A phrase by which an outlet cites itself ("our sources").</summary>
    Self,
    /// <summary>A noun for an outlet ("the newspaper").</summary>
    Media,
    /// <summary>A written thing that "reads" ("the leaflets read", "a statement … read"): its author speaks.</summary>
    Document,
}

/// <summary>
/// The reporting verbs and source words of data/lexicons (reporting-verbs.tsv, sources.tsv), lower case.
/// Immutable and thread-safe.
/// </summary>
internal sealed class QuoteLexicon
{
    private static readonly Lazy<QuoteLexicon> _default = new(() =>
    {
        using var verbs = LexiconFile.Open("reporting-verbs.tsv");
        using var sources = LexiconFile.Open("sources.tsv");
        return Parse(verbs, sources);
    });

    private QuoteLexicon(
        FrozenDictionary<string, (string Lemma, CueUse Use)> verbs,
        FrozenDictionary<string, SourceWordKind> words,
        ImmutableArray<(string[] Words, SourceWordKind Kind)> phrases)
    {
        Verbs = verbs;
        Words = words;
        Phrases = phrases;
    }

    /// <summary>The shipped lexicon.</summary>
    public static QuoteLexicon Default => _default.Value;

    /// <summary>Reporting verb forms: lemma and use.</summary>
    public FrozenDictionary<string, (string Lemma, CueUse Use)> Verbs { get; }

    /// <summary>Single source words and their kinds.</summary>
    public FrozenDictionary<string, SourceWordKind> Words { get; }

    /// <summary>Multi-word source phrases (lower-case words) and their kinds.</summary>
    public ImmutableArray<(string[] Words, SourceWordKind Kind)> Phrases { get; }

    /// <summary>Reads the two files; throws <see cref="LexiconException"/> on a malformed line or unknown kind.</summary>
    public static QuoteLexicon Parse(TextReader verbs, TextReader sources)
    {
        var verbMap = new Dictionary<string, (string, CueUse)>(StringComparer.Ordinal);
        foreach (var (line, cells) in LexiconFile.Read("reporting-verbs.tsv", verbs, 3))
        {
            var use = cells[2] switch
            {
                "any" => CueUse.Any,
                "direct" => CueUse.Direct,
                "participle" => CueUse.Participle,
                "noun" => CueUse.Noun,
                _ => throw new LexiconException(LexiconErrorCode.UnknownKind,
                    $"reporting-verbs.tsv line {line}: use '{cells[2]}' is not any, direct, participle or noun."),
            };
            verbMap[cells[0].ToLowerInvariant()] = (cells[1], use);
        }

        var words = new Dictionary<string, SourceWordKind>(StringComparer.Ordinal);
        var phrases = ImmutableArray.CreateBuilder<(string[], SourceWordKind)>();
        foreach (var (line, cells) in LexiconFile.Read("sources.tsv", sources, 2))
        {
            var kind = cells[1] switch
            {
                "person" => SourceWordKind.Person,
                "group" => SourceWordKind.Group,
                "anonymity" => SourceWordKind.Anonymity,
                "self" => SourceWordKind.Self,
                "media" => SourceWordKind.Media,
                "document" => SourceWordKind.Document,
                _ => throw new LexiconException(LexiconErrorCode.UnknownKind,
                    $"sources.tsv line {line}: kind '{cells[1]}' is not person, group, anonymity, self, media or document."),
            };
            var split = cells[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (split.Length == 1 && kind is not (SourceWordKind.Anonymity or SourceWordKind.Self)) words[split[0]] = kind;
            else phrases.Add((split, kind));
        }

        return new QuoteLexicon(verbMap.ToFrozenDictionary(StringComparer.Ordinal), words.ToFrozenDictionary(StringComparer.Ordinal), phrases.ToImmutable());
    }
}
