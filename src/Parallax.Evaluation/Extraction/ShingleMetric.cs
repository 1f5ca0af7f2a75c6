using System.Text.RegularExpressions;

namespace Parallax.Evaluation.Extraction;

/// <summary>
/// The article-extraction-benchmark text metric: lower-cased word tokens (runs of Unicode word characters), 4-token
/// shingles counted as a multiset; a text of 1–3 tokens is one shingle of all its tokens, an empty text none.
/// </summary>
internal static partial class ShingleMetric
{
    public const int ShingleSize = 4;

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (Match m in Word().Matches(text.ToLowerInvariant())) tokens.Add(m.Value);
        return tokens;
    }

    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return shingles;
        int count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (int i = 0; i < count; i++)
        {
            string s = string.Join(' ', tokens.Skip(i).Take(ShingleSize));
            shingles[s] = shingles.GetValueOrDefault(s) + 1;
        }
        return shingles;
    }

    /// <summary>
    /// Precision and recall of one prediction against its gold text. An empty prediction scores precision 0 (and
    /// recall 0): returning nothing is a failure to extract, not a perfectly precise answer. An empty gold text with
    /// an empty prediction scores 1 and 1.
    /// </summary>
    public static (double Precision, double Recall, int Predicted, int Gold, int Matched) Score(string predicted, string gold)
    {
        var p = Shingles(predicted);
        var g = Shingles(gold);
        int pn = p.Values.Sum(), gn = g.Values.Sum();
        int tp = 0;
        foreach (var (s, n) in p) tp += Math.Min(n, g.GetValueOrDefault(s));
        if (pn == 0 && gn == 0) return (1, 1, 0, 0, 0);
        double precision = pn == 0 ? 0 : (double)tp / pn;
        double recall = gn == 0 ? 0 : (double)tp / gn;
        return (precision, recall, pn, gn, tp);
    }
}
