using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Parallax.Nlp.Ner;

/// <summary>Exact-span counts for one entity type (or "overall"): a prediction is correct when start, end and type all equal a gold span's.</summary>
/// <param name="Type">The type label ("PER", "LOC", …, or "overall").</param>
/// <param name="Gold">Gold spans.</param>
/// <param name="Predicted">Predicted spans.</param>
/// <param name="Correct">Predicted spans equal to a gold span.</param>
public sealed record TypeScore(string Type, int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted; 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold; 0 when there is no gold span.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Accumulates exact-span micro precision, recall and F1 per type and overall. Spans are compared as
/// (sentence, start, end, type) tuples, in any unit (word indexes or character offsets) as long as gold and
/// prediction use the same one. Not thread-safe.
/// </summary>
public sealed class SpanScorer
{
    private readonly SortedDictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);
    private readonly HashSet<string>? _types;

    /// <summary>Scores every type, or only <paramref name="types"/> when given (others are ignored on both sides).</summary>
    public SpanScorer(IEnumerable<string>? types = null)
    {
        if (types is not null) _types = new HashSet<string>(types, StringComparer.Ordinal);
    }

    /// <summary>Adds one sentence's gold and predicted spans.</summary>
    public void Add(IEnumerable<(int Start, int End, string Type)> gold, IEnumerable<(int Start, int End, string Type)> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var g = gold.Where(Kept).ToHashSet();
        var p = predicted.Where(Kept).ToHashSet();
        foreach (var s in g) Bump(s.Type, 1, 0, 0);
        foreach (var s in p) Bump(s.Type, 0, 1, g.Contains(s) ? 1 : 0);
    }

    /// <summary>Per-type scores (ordinal by type) followed by the micro-averaged "overall" row.</summary>
    public ImmutableArray<TypeScore> Scores()
    {
        var rows = _byType.Select(p => new TypeScore(p.Key, p.Value.Gold, p.Value.Predicted, p.Value.Correct)).ToList();
        rows.Add(new TypeScore("overall", rows.Sum(r => r.Gold), rows.Sum(r => r.Predicted), rows.Sum(r => r.Correct)));
        return [.. rows];
    }

    /// <summary>A Markdown table of <paramref name="scores"/> (P, R, F1 as percentages with one decimal).</summary>
    public static string ToMarkdownTable(IEnumerable<TypeScore> scores, string system)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sb = new StringBuilder();
        sb.Append("| System | Type | Gold | Predicted | Correct | Precision | Recall | F1 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var s in scores)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {system} | {s.Type} | {s.Gold} | {s.Predicted} | {s.Correct} | {100 * s.Precision:F1} | {100 * s.Recall:F1} | {100 * s.F1:F1} |\n");
        }

        return sb.ToString();
    }

    private bool Kept((int Start, int End, string Type) span) => _types is null || _types.Contains(span.Type);

    private void Bump(string type, int gold, int predicted, int correct)
    {
        var c = _byType.GetValueOrDefault(type);
        _byType[type] = (c.Gold + gold, c.Predicted + predicted, c.Correct + correct);
    }
}
