using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Core.Stories;

namespace Parallax.Evaluation.Clustering;

/// <summary>One system on one set of topics.</summary>
/// <param name="System">"story-index", "all-in-one" or "one-per-doc".</param>
/// <param name="Topics">"all", "odd" or "even" ECB+ topics.</param>
/// <param name="Documents">Documents clustered.</param>
/// <param name="GoldClusters">Gold clusters (topic × event) among them.</param>
/// <param name="PredictedClusters">Clusters the system formed.</param>
/// <param name="Duplicates">Documents the system marked as exact or near duplicates (0 for baselines).</param>
/// <param name="BCubed">BCubed precision, recall and F1 over documents.</param>
/// <param name="Pairwise">Pairwise precision, recall and F1.</param>
public sealed record ClusteringRow(
    string System,
    string Topics,
    int Documents,
    int GoldClusters,
    int PredictedClusters,
    int Duplicates,
    PrecisionRecall BCubed,
    PrecisionRecall Pairwise);

/// <summary>Result of <see cref="ClusteringBenchmark.Run"/>.</summary>
/// <param name="Rows">The story index and both baselines on all, odd and even topics.</param>
/// <param name="Options">The story index options used.</param>
/// <param name="FeedOrder">How documents were ordered when added.</param>
/// <param name="ArticlesPerSecond">Throughput of <see cref="StoryIndex.Add"/> on all topics (text analysis included, XML reading excluded); varies with the machine.</param>
public sealed record ClusteringReport(
    ImmutableArray<ClusteringRow> Rows,
    StoryIndexOptions Options,
    string FeedOrder,
    double ArticlesPerSecond)
{
    /// <summary>The row for a system and topic split.</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public ClusteringRow Row(string system, string topics) =>
        Rows.FirstOrDefault(r => string.Equals(r.System, system, StringComparison.Ordinal) && string.Equals(r.Topics, topics, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No clustering row for system '{system}' on topics '{topics}'.");

    /// <summary>A Markdown table of every row, figures to three decimals, followed by the feed order and throughput.</summary>
    public string ToMarkdownTable()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| System | Topics | Docs | Gold | Pred | Dups | B³ P | B³ R | B³ F1 | Pair P | Pair R | Pair F1 |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows)
        {
            sb.AppendLine(c, $"| {r.System} | {r.Topics} | {r.Documents} | {r.GoldClusters} | {r.PredictedClusters} | {r.Duplicates} | {r.BCubed.Precision:F3} | {r.BCubed.Recall:F3} | {r.BCubed.F1:F3} | {r.Pairwise.Precision:F3} | {r.Pairwise.Recall:F3} | {r.Pairwise.F1:F3} |");
        }

        sb.AppendLine();
        sb.AppendLine(c, $"Story threshold {Options.StoryThreshold:0.###} (with shared names {Options.NameMatchThreshold:0.###}, name overlap {Options.NameOverlapThreshold:0.###}), background weight {Options.BackgroundWeight:0.###}, near-duplicate threshold {Options.NearDuplicateThreshold:0.###}. Feed order: {FeedOrder}. Add throughput: {ArticlesPerSecond:F0} articles/s.");
        return sb.ToString();
    }
}
