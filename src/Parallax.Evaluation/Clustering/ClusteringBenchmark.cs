using System.Collections.Immutable;
using System.Diagnostics;
using Parallax.Core.Stories;

namespace Parallax.Evaluation.Clustering;

/// <summary>Which ECB+ topics a run uses; odd topics are for tuning, even ones for reporting.</summary>
public enum TopicSplit
{
    /// <summary>Every topic.</summary>
    All,

    /// <summary>Topics 1, 3, 5, …</summary>
    Odd,

    /// <summary>Topics 2, 4, 6, …</summary>
    Even,
}

/// <summary>Score of one story threshold in <see cref="ClusteringBenchmark.Sweep"/>.</summary>
/// <param name="Threshold">The <see cref="StoryIndexOptions.StoryThreshold"/> tried.</param>
/// <param name="BCubed">BCubed figures at that threshold.</param>
/// <param name="Pairwise">Pairwise figures at that threshold.</param>
public sealed record ThresholdScore(double Threshold, PrecisionRecall BCubed, PrecisionRecall Pairwise);

/// <summary>
/// Story clustering measured on ECB+ (../shared/bench/clustering): every document is added to a fresh
/// <see cref="StoryIndex"/>, and the stories are compared with the gold clusters (topic × event, i.e. whether
/// the file is *ecb.xml or *ecbplus.xml) by BCubed and pairwise precision, recall and F1. Stateless and
/// thread-safe; each call reads the files again.
/// </summary>
public static class ClusteringBenchmark
{
    /// <summary>The deterministic order in which documents are added.</summary>
    public const string FeedOrder =
        "round robin over topics: by document number within its topic, then *ecb before *ecbplus, then topic number";

    /// <summary>
    /// Runs the story index and the two trivial baselines (all documents in one cluster; each document its own)
    /// on all, odd and even topics. Documents carry no title or date (ECB+ has neither as metadata).
    /// </summary>
    /// <param name="folder">shared/bench/clustering, its ecbplus folder, or a folder of numbered topic folders.</param>
    /// <param name="options">Story index options; the defaults when null.</param>
    /// <exception cref="DirectoryNotFoundException">The folder is missing (PX3301).</exception>
    /// <exception cref="InvalidDataException">No documents were found (PX3302) or a file is not XML (PX3303).</exception>
    public static ClusteringReport Run(string folder, StoryIndexOptions? options = null)
    {
        options ??= StoryIndexOptions.Default;
        var docs = EcbCorpus.Read(folder);
        var rows = ImmutableArray.CreateBuilder<ClusteringRow>();
        foreach (var split in new[] { TopicSplit.All, TopicSplit.Odd, TopicSplit.Even })
        {
            var subset = Select(docs, split);
            var gold = subset.Select(d => d.GoldCluster).ToArray();
            var name = Describe(split);
            var (predicted, duplicates) = Cluster(subset, options);

            rows.Add(Row("story-index", name, gold, predicted, duplicates));
            rows.Add(Row("all-in-one", name, gold, [.. subset.Select(_ => "one")], 0));
            rows.Add(Row("one-per-doc", name, gold, [.. subset.Select(d => d.Name)], 0));
        }

        // Timed once more after the scored runs so the figure excludes JIT warm-up.
        var watch = Stopwatch.StartNew();
        Cluster(docs, options);
        watch.Stop();
        var perSecond = docs.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        return new ClusteringReport(rows.ToImmutable(), options, FeedOrder, perSecond);
    }

    /// <summary>
    /// Scores each story threshold on one topic split, all other options as given; use the odd split to choose
    /// a threshold and <see cref="Run"/> to report on the even split.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing (PX3301).</exception>
    /// <exception cref="InvalidDataException">No documents were found (PX3302) or a file is not XML (PX3303).</exception>
    public static ImmutableArray<ThresholdScore> Sweep(string folder, IEnumerable<double> thresholds, TopicSplit split, StoryIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        options ??= StoryIndexOptions.Default;
        var subset = Select(EcbCorpus.Read(folder), split);
        var gold = subset.Select(d => d.GoldCluster).ToArray();
        var scores = ImmutableArray.CreateBuilder<ThresholdScore>();
        foreach (var t in thresholds)
        {
            var (predicted, _) = Cluster(subset, options with { StoryThreshold = t });
            scores.Add(new ThresholdScore(t, ClusteringMetrics.BCubed(gold, predicted), ClusteringMetrics.Pairwise(gold, predicted)));
        }

        return scores.ToImmutable();
    }

    /// <summary>
    /// The background table (<see cref="StoryBackground.Build"/>) counted over one topic split: the shipped table is
    /// built from the odd (tuning) topics only, so the even topics stay held out from it too.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder is missing (PX3301).</exception>
    /// <exception cref="InvalidDataException">No documents were found (PX3302) or a file is not XML (PX3303).</exception>
    public static string BuildBackground(string folder, TopicSplit split, int minDocuments) =>
        StoryBackground.Build(Select(EcbCorpus.Read(folder), split).Select(d => d.Text), minDocuments);

    private static List<EcbDocument> Select(List<EcbDocument> docs, TopicSplit split) => split switch
    {
        TopicSplit.Odd => docs.Where(d => d.Topic % 2 == 1).ToList(),
        TopicSplit.Even => docs.Where(d => d.Topic % 2 == 0).ToList(),
        _ => docs,
    };

    private static (string[] Predicted, int Duplicates) Cluster(List<EcbDocument> docs, StoryIndexOptions options)
    {
        var index = StoryIndex.Create(options);
        var predicted = new string[docs.Count];
        var duplicates = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            var decision = index.Add(new StoryInput(docs[i].Name, docs[i].Text, null, null, null));
            predicted[i] = decision.StoryId;
            if (decision.DuplicateOf is not null) duplicates++;
        }

        return (predicted, duplicates);
    }

    private static ClusteringRow Row(string system, string topics, string[] gold, string[] predicted, int duplicates) => new(
        system,
        topics,
        gold.Length,
        gold.Distinct(StringComparer.Ordinal).Count(),
        predicted.Distinct(StringComparer.Ordinal).Count(),
        duplicates,
        ClusteringMetrics.BCubed(gold, predicted),
        ClusteringMetrics.Pairwise(gold, predicted));

    private static string Describe(TopicSplit split) => split switch
    {
        TopicSplit.Odd => "odd",
        TopicSplit.Even => "even",
        _ => "all",
    };
}
