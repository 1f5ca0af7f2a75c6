using System.Collections.Frozen;
using System.Globalization;
using Parallax.Nlp.Quotes;

namespace Parallax.Nlp.Quantities;

/// <summary>A unit form: the normal unit, the factor to it, and what it measures ("distance", "duration", "money", …).</summary>
internal sealed record UnitEntry(string Unit, double Factor, string Dimension);

/// <summary>
/// The number words, bound words, units and counted nouns of data/lexicons (quantity-words.tsv, units.tsv,
/// count-nouns.tsv), lower case. Immutable and thread-safe.
/// </summary>
internal sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> _default = new(() =>
    {
        using var words = LexiconFile.Open("quantity-words.tsv");
        using var units = LexiconFile.Open("units.tsv");
        using var nouns = LexiconFile.Open("count-nouns.tsv");
        return Parse(words, units, nouns);
    });

    private QuantityLexicon(
        FrozenDictionary<string, double> numbers,
        FrozenDictionary<string, double> multipliers,
        IReadOnlyList<(string[] Words, QuantityBound Bound)> bounds,
        FrozenDictionary<string, UnitEntry> units,
        FrozenDictionary<string, string> nouns)
    {
        Numbers = numbers;
        Multipliers = multipliers;
        Bounds = bounds;
        Units = units;
        CountNouns = nouns;
    }

    /// <summary>The shipped lexicon.</summary>
    public static QuantityLexicon Default => _default.Value;

    /// <summary>Number words ("five", "dozen") and their values.</summary>
    public FrozenDictionary<string, double> Numbers { get; }

    /// <summary>Multiplier words ("million") and their factors.</summary>
    public FrozenDictionary<string, double> Multipliers { get; }

    /// <summary>Bound phrases, longest first.</summary>
    public IReadOnlyList<(string[] Words, QuantityBound Bound)> Bounds { get; }

    /// <summary>Unit forms (one or two words, or a symbol).</summary>
    public FrozenDictionary<string, UnitEntry> Units { get; }

    /// <summary>Counted nouns: plural form to lemma.</summary>
    public FrozenDictionary<string, string> CountNouns { get; }

    /// <summary>Reads the three files; throws <see cref="LexiconException"/> on a malformed line or unknown kind.</summary>
    public static QuantityLexicon Parse(TextReader words, TextReader units, TextReader nouns)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var multipliers = new Dictionary<string, double>(StringComparer.Ordinal);
        var bounds = new List<(string[], QuantityBound)>();
        foreach (var (line, cells) in LexiconFile.Read("quantity-words.tsv", words, 3))
        {
            var key = cells[0].ToLowerInvariant();
            if (!double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new LexiconException(LexiconErrorCode.BadLine, $"quantity-words.tsv line {line}: value '{cells[2]}' is not a number.");
            switch (cells[1])
            {
                case "number": numbers[key] = value; break;
                case "multiplier": multipliers[key] = value; break;
                case "atleast": bounds.Add((key.Split(' '), QuantityBound.AtLeast)); break;
                case "atmost": bounds.Add((key.Split(' '), QuantityBound.AtMost)); break;
                case "approximate": bounds.Add((key.Split(' '), QuantityBound.Approximate)); break;
                case "exact": bounds.Add((key.Split(' '), QuantityBound.Exact)); break;
                default:
                    throw new LexiconException(LexiconErrorCode.UnknownKind,
                        $"quantity-words.tsv line {line}: kind '{cells[1]}' is not number, multiplier, atleast, atmost, approximate or exact.");
            }
        }

        var unitMap = new Dictionary<string, UnitEntry>(StringComparer.Ordinal);
        foreach (var (line, cells) in LexiconFile.Read("units.tsv", units, 4))
        {
            if (!double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0)
                throw new LexiconException(LexiconErrorCode.BadLine, $"units.tsv line {line}: factor '{cells[2]}' is not a positive number.");
            unitMap[cells[0].ToLowerInvariant()] = new UnitEntry(cells[1], factor, cells[3]);
        }

        var nounMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, cells) in LexiconFile.Read("count-nouns.tsv", nouns, 2))
            nounMap[cells[0].ToLowerInvariant()] = cells[1];

        return new QuantityLexicon(
            numbers.ToFrozenDictionary(StringComparer.Ordinal),
            multipliers.ToFrozenDictionary(StringComparer.Ordinal),
            [.. bounds.OrderByDescending(b => b.Item1.Length)],
            unitMap.ToFrozenDictionary(StringComparer.Ordinal),
            nounMap.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
