using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Parallax.Evaluation.Extraction;

/// <summary>One system's averaged scores: precision and recall are means over documents, F1 is their harmonic mean.</summary>
/// <param name="System">"parallax" or the peer's name (its file name in peer-outputs).</param>
/// <param name="Documents">Documents scored.</param>
/// <param name="Precision">Mean per-document shingle precision.</param>
/// <param name="Recall">Mean per-document shingle recall.</param>
/// <param name="F1">2PR/(P+R) of the two means (0 when both are 0).</param>
public sealed record SystemScore(string System, int Documents, double Precision, double Recall, double F1);

/// <summary>Our score on one page.</summary>
/// <param name="File">The page's file name (key of ground_truth.json).</param>
/// <param name="Precision">Shingle precision (0 for an empty prediction).</param>
/// <param name="Recall">Shingle recall.</param>
/// <param name="F1">Harmonic mean of the two (0 when both are 0).</param>
/// <param name="PredictedShingles">Shingles in our text.</param>
/// <param name="GoldShingles">Shingles in the gold text.</param>
public sealed record DocumentScore(string File, double Precision, double Recall, double F1, int PredictedShingles, int GoldShingles);

/// <summary>The outcome of <see cref="ExtractionBenchmark.Run"/>. Immutable.</summary>
/// <param name="Systems">Ours ("parallax") first, then the peers in name order.</param>
/// <param name="Documents">Our per-document scores, in file-name order.</param>
/// <param name="HtmlBytes">UTF-8 size of the decompressed pages given to the extractor.</param>
/// <param name="ExtractionTime">Wall time spent inside the extract function over all pages.</param>
public sealed record ExtractionReport(
    ImmutableArray<SystemScore> Systems,
    ImmutableArray<DocumentScore> Documents,
    long HtmlBytes,
    TimeSpan ExtractionTime)
{
    /// <summary>The score of one system, or null when it is not in the report.</summary>
    public SystemScore? this[string system] => Systems.FirstOrDefault(s => string.Equals(s.System, system, StringComparison.Ordinal));

    /// <summary>Pages extracted per second of extraction time.</summary>
    public double PagesPerSecond => ExtractionTime <= TimeSpan.Zero ? 0 : Documents.Length / ExtractionTime.TotalSeconds;

    /// <summary>Megabytes (10^6 bytes) of HTML extracted per second.</summary>
    public double MegabytesPerSecond => ExtractionTime <= TimeSpan.Zero ? 0 : HtmlBytes / 1e6 / ExtractionTime.TotalSeconds;

    /// <summary>A Markdown table of the system scores (precision, recall, F1 to three decimals), best F1 first.</summary>
    public string ToMarkdownTable()
    {
        var sb = new StringBuilder();
        sb.Append("| System | Documents | Precision | Recall | F1 |\n|---|---:|---:|---:|---:|\n");
        foreach (var s in Systems.OrderByDescending(s => s.F1).ThenBy(s => s.System, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {s.System} | {s.Documents} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} |\n");
        }
        return sb.ToString();
    }
}
