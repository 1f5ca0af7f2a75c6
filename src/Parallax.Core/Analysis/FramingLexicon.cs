using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Core.Analysis;

/// <summary>One lexicon term: the group or frame it belongs to and its connotation.</summary>
/// <param name="Group">The actor group ("armed opposition") or act frame ("taking territory").</param>
/// <param name="Term">The term, lower case.</param>
/// <param name="Connotation">The connotation as listed ("pejorative", "endorsing", …).</param>
public sealed record LexiconTerm(string Group, string Term, string Connotation);

/// <summary>
/// The framing lexicons: actor labels (labels.tsv), loaded verbs (verbs.tsv), hedges (hedges.txt) and denial cues
/// (denials.txt). The shipped lexicons live in data/lexicons/framing and are embedded in the assembly; <see cref="Load"/>
/// reads the same formats from any reader. Terms match case-insensitively on word boundaries, longest first, never overlapping.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class FramingLexicon
{
    private static readonly Lazy<FramingLexicon> Shipped = new(LoadEmbedded);

    private readonly Regex? _labels;
    private readonly Regex? _verbs;
    private readonly Regex? _hedges;
    private readonly Regex? _denials;
    private readonly Regex? _stance;
    private readonly ImmutableDictionary<string, LexiconTerm> _stanceTerms;
    private readonly ImmutableDictionary<string, LexiconTerm> _labelTerms;
    private readonly ImmutableDictionary<string, LexiconTerm> _verbTerms;

    private FramingLexicon(ImmutableArray<LexiconTerm> labels, ImmutableArray<LexiconTerm> verbs, ImmutableArray<string> hedges, ImmutableArray<string> denials, ImmutableArray<LexiconTerm> stance)
    {
        StanceVerbs = stance;
        _stanceTerms = stance.GroupBy(t => t.Term, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _stance = Alternation(stance.Select(t => t.Term));
        Labels = labels;
        Verbs = verbs;
        Hedges = hedges;
        Denials = denials;
        _labelTerms = labels.GroupBy(t => t.Term, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _verbTerms = verbs.GroupBy(t => t.Term, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _labels = Alternation(labels.Select(t => t.Term));
        _verbs = Alternation(verbs.Select(t => t.Term));
        _hedges = Alternation(hedges);
        _denials = Alternation(denials);
    }

    /// <summary>Actor labels.</summary>
    public ImmutableArray<LexiconTerm> Labels { get; }

    /// <summary>Loaded verbs (and nouns naming the same acts).</summary>
    public ImmutableArray<LexiconTerm> Verbs { get; }

    /// <summary>Hedge phrases, lower case.</summary>
    public ImmutableArray<string> Hedges { get; }

    /// <summary>Denial cues, lower case.</summary>
    public ImmutableArray<string> Denials { get; }

    /// <summary>Verbs that name an act a denial cue can rule out when the event stage read no event there
    /// (<see cref="LexiconTerm.Group"/> is the PLOVER type, <see cref="LexiconTerm.Connotation"/> its mode).</summary>
    public ImmutableArray<LexiconTerm> StanceVerbs { get; }

    /// <summary>The shipped lexicons (loaded once, shared).</summary>
    public static FramingLexicon Default => Shipped.Value;

    /// <summary>
    /// Builds a lexicon from the four files' contents. Lines starting with '#' and blank lines are skipped; TSV lines
    /// need three tab-separated columns (group, term, connotation; for stance verbs: PLOVER type, term, mode). Throws
    /// <see cref="InvalidDataException"/> with code PX1601 naming the source and line when a TSV line has fewer columns or an empty term.
    /// </summary>
    public static FramingLexicon Load(TextReader labels, TextReader verbs, TextReader hedges, TextReader denials, TextReader? stanceVerbs = null, string sourceName = "framing lexicon")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(verbs);
        ArgumentNullException.ThrowIfNull(hedges);
        ArgumentNullException.ThrowIfNull(denials);
        return new FramingLexicon(ReadTerms(labels, sourceName + " labels"), ReadTerms(verbs, sourceName + " verbs"), ReadList(hedges), ReadList(denials),
            stanceVerbs is null ? [] : ReadTerms(stanceVerbs, sourceName + " stance verbs"));
    }

    /// <summary>Every label use in <paramref name="text"/>: (span start, length, term).</summary>
    internal IEnumerable<(int Start, int Length, LexiconTerm Term)> FindLabels(string text) => Find(_labels, _labelTerms, text);

    /// <summary>Every loaded-verb use in <paramref name="text"/>.</summary>
    internal IEnumerable<(int Start, int Length, LexiconTerm Term)> FindVerbs(string text) => Find(_verbs, _verbTerms, text);

    /// <summary>Every hedge in <paramref name="text"/>: (start, length, phrase).</summary>
    internal IEnumerable<(int Start, int Length, string Phrase)> FindHedges(string text) => FindPhrases(_hedges, text);

    /// <summary>Every denial cue in <paramref name="text"/>.</summary>
    internal IEnumerable<(int Start, int Length, string Phrase)> FindDenials(string text) => FindPhrases(_denials, text);

    /// <summary>Every stance verb in <paramref name="text"/>.</summary>
    internal IEnumerable<(int Start, int Length, LexiconTerm Term)> FindStanceVerbs(string text) => Find(_stance, _stanceTerms, text);

    private static IEnumerable<(int, int, LexiconTerm)> Find(Regex? regex, ImmutableDictionary<string, LexiconTerm> terms, string text)
    {
        if (regex is null) yield break;
        foreach (Match m in regex.Matches(text))
        {
            if (terms.TryGetValue(Fold(m.Value), out var term)) yield return (m.Index, m.Length, term);
        }
    }

    private static IEnumerable<(int, int, string)> FindPhrases(Regex? regex, string text)
    {
        if (regex is null) yield break;
        foreach (Match m in regex.Matches(text)) yield return (m.Index, m.Length, Fold(m.Value));
    }

    /// <summary>Lower case with typographic apostrophes and hyphens made ASCII and white space folded.</summary>
    internal static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c switch { '’' or '‘' => '\'', '‐' or '‑' or '–' => '-', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString();
    }

    private static Regex? Alternation(IEnumerable<string> phrases)
    {
        var list = phrases.Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToList();
        if (list.Count == 0) return null;
        // Spaces in a phrase match any run of white space; '-' and "'" also match their typographic forms.
        var body = string.Join("|", list.Select(p => Regex.Escape(p)
            .Replace(@"\ ", @"\s+", StringComparison.Ordinal)
            .Replace("-", "[-‐‑–]", StringComparison.Ordinal)
            .Replace("'", "['’]", StringComparison.Ordinal)));
        return new Regex(@"(?<![\p{L}\p{N}])(?:" + body + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(2));
    }

    private static ImmutableArray<LexiconTerm> ReadTerms(TextReader reader, string source)
    {
        var result = ImmutableArray.CreateBuilder<LexiconTerm>();
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            if (cells.Length < 3 || string.IsNullOrWhiteSpace(cells[1]))
                throw new InvalidDataException($"PX1601: {source} line {lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture)} needs three tab-separated columns (group, term, connotation) and a term.");
            result.Add(new LexiconTerm(cells[0].Trim(), Fold(cells[1].Trim()), cells[2].Trim()));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<string> ReadList(TextReader reader)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        while (reader.ReadLine() is { } line)
        {
            var t = line.Trim();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            result.Add(Fold(t));
        }
        return result.ToImmutable();
    }

    private static FramingLexicon LoadEmbedded()
    {
        var assembly = typeof(FramingLexicon).Assembly;
        StreamReader Open(string name) =>
            new(assembly.GetManifestResourceStream("Parallax.Core.Analysis.Data." + name)
                ?? throw new InvalidDataException($"PX1601: the embedded framing lexicon {name} is missing from {assembly.GetName().Name}; rebuild the project."));
        using var labels = Open("labels.tsv");
        using var verbs = Open("verbs.tsv");
        using var hedges = Open("hedges.txt");
        using var denials = Open("denials.txt");
        using var stance = Open("stance-verbs.tsv");
        return Load(labels, verbs, hedges, denials, stance, "data/lexicons/framing");
    }
}
