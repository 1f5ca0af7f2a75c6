namespace Parallax.Evaluation.Clustering;

/// <summary>Precision, recall and F1 of one clustering against gold.</summary>
/// <param name="Precision">In [0, 1].</param>
/// <param name="Recall">In [0, 1].</param>
/// <param name="F1">Harmonic mean; 0 when both are 0.</param>
public readonly record struct PrecisionRecall(double Precision, double Recall, double F1)
{
    internal static PrecisionRecall Of(double precision, double recall) =>
        new(precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
}

/// <summary>Clustering metrics over items labelled with a gold and a predicted cluster key.</summary>
internal static class ClusteringMetrics
{
    /// <summary>
    /// BCubed (Bagga and Baldwin): for each item, precision is the share of its predicted cluster that shares its
    /// gold cluster and recall the share of its gold cluster that shares its predicted cluster (the item itself
    /// included); both are averaged over items.
    /// </summary>
    public static PrecisionRecall BCubed(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Check(gold, predicted);
        if (gold.Count == 0) return PrecisionRecall.Of(0, 0);
        var cells = Cells(gold, predicted);
        var goldSize = Sizes(gold);
        var predictedSize = Sizes(predicted);
        double p = 0, r = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var both = cells[(gold[i], predicted[i])];
            p += (double)both / predictedSize[predicted[i]];
            r += (double)both / goldSize[gold[i]];
        }

        return PrecisionRecall.Of(p / gold.Count, r / gold.Count);
    }

    /// <summary>
    /// Pairwise: over unordered pairs of distinct items, a predicted pair is correct when the gold puts both in one
    /// cluster. With no predicted pairs precision is taken as 1 (nothing wrongly merged); with no gold pairs recall is 1.
    /// </summary>
    public static PrecisionRecall Pairwise(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Check(gold, predicted);
        var together = Cells(gold, predicted).Values.Sum(Pairs);
        var predictedPairs = Sizes(predicted).Values.Sum(Pairs);
        var goldPairs = Sizes(gold).Values.Sum(Pairs);
        var precision = predictedPairs == 0 ? 1 : (double)together / predictedPairs;
        var recall = goldPairs == 0 ? 1 : (double)together / goldPairs;
        return PrecisionRecall.Of(precision, recall);
    }

    private static long Pairs(int n) => (long)n * (n - 1) / 2;

    private static void Check(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted labels must cover the same items, one label each.", nameof(predicted));
        }
    }

    private static Dictionary<(string, string), int> Cells(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var cells = new Dictionary<(string, string), int>();
        for (var i = 0; i < gold.Count; i++)
        {
            var key = (gold[i], predicted[i]);
            cells[key] = cells.GetValueOrDefault(key) + 1;
        }

        return cells;
    }

    private static Dictionary<string, int> Sizes(IReadOnlyList<string> labels)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in labels) sizes[l] = sizes.GetValueOrDefault(l) + 1;
        return sizes;
    }
}
