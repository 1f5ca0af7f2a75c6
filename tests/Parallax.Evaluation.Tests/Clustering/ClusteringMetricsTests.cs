using Parallax.Evaluation.Clustering;

namespace Parallax.Evaluation.Tests.Clustering;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void BCubed_HandComputedExample_MatchesTheDefinition()
    {
        // Given gold {a,b,c} {d,e} and prediction {a,b} {c,d,e}
        string[] gold = ["x", "x", "x", "y", "y"];
        string[] predicted = ["p", "p", "q", "q", "q"];

        // When
        var score = ClusteringMetrics.BCubed(gold, predicted);

        // Then precision = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 and recall = (2/3 + 2/3 + 1/3 + 1 + 1) / 5
        Assert.Equal(11.0 / 15, score.Precision, 12);
        Assert.Equal(11.0 / 15, score.Recall, 12);
        Assert.Equal(11.0 / 15, score.F1, 12);
    }

    [Fact]
    public void Pairwise_HandComputedExample_MatchesTheDefinition()
    {
        // Given gold {a,b,c} {d,e} and prediction {a,b} {c,d,e}
        string[] gold = ["x", "x", "x", "y", "y"];
        string[] predicted = ["p", "p", "q", "q", "q"];

        // When
        var score = ClusteringMetrics.Pairwise(gold, predicted);

        // Then 2 of 4 predicted pairs are right and 2 of 4 gold pairs are found
        Assert.Equal(0.5, score.Precision, 12);
        Assert.Equal(0.5, score.Recall, 12);
    }

    [Fact]
    public void Metrics_PredictionEqualToGoldUnderOtherNames_AreOne()
    {
        // Given a prediction that renames the gold clusters
        string[] gold = ["x", "y", "x", "z", "y"];
        string[] predicted = ["1", "2", "1", "3", "2"];

        // When / Then
        Assert.Equal(1.0, ClusteringMetrics.BCubed(gold, predicted).F1, 12);
        Assert.Equal(1.0, ClusteringMetrics.Pairwise(gold, predicted).F1, 12);
    }

    [Fact]
    public void Pairwise_AllSingletons_HasZeroRecallAndVacuousPrecision()
    {
        // Given every item alone
        string[] gold = ["x", "x", "y"];
        string[] predicted = ["1", "2", "3"];

        // When
        var score = ClusteringMetrics.Pairwise(gold, predicted);

        // Then
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(0.0, score.Recall);
        Assert.Equal(0.0, score.F1);
    }

    [Fact]
    public void BCubed_LabelCountsDiffer_Throws()
    {
        // Given / When / Then
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.BCubed(["x"], ["1", "2"]));
    }
}
