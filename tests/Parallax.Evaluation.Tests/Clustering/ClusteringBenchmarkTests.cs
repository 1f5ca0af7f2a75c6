using System.Globalization;
using System.Security;
using Parallax.Evaluation.Clustering;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Evaluation.Tests.Clustering;

public sealed class ClusteringBenchmarkTests(ITestOutputHelper output) : IDisposable
{
    private readonly ITestOutputHelper _output = output;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parallax-clustering-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Run_SmallFolderInEcbLayout_ClustersByTopicAndReportsCounts()
    {
        // Given two topics of our own writing in the ECB+ layout, two events each, two reports per event
        WriteDoc(1, 1, false, "Fire crews in Harwick fought a blaze at the Corran paper mill on Monday. The Corran mill fire sent smoke over Harwick.");
        WriteDoc(1, 2, false, "The Corran paper mill in Harwick burned for hours as fire crews from Harwick kept the blaze away from homes.");
        WriteDoc(2, 1, false, "Astronomers at the Selby observatory found a comet named Arvo that will pass Jupiter. The Arvo comet was seen from Selby.");
        WriteDoc(2, 2, false, "The comet Arvo, spotted by the Selby observatory, will swing past Jupiter next spring, astronomers at Selby said.");
        WriteDoc(1, 1, true, "Lightning struck the Tolland grain silo near Brisby and the silo exploded. Brisby farmers lost the Tolland harvest store.");
        WriteDoc(1, 2, true, "An explosion destroyed the Tolland grain silo at Brisby after lightning hit it, and Brisby farmers counted losses.");
        WriteDoc(2, 1, true, "A rover called Kestrel landed on Mars near Gale ridge. The Kestrel rover sent photos of the Gale ridge dust.");
        WriteDoc(2, 2, true, "Photos from the Kestrel rover show dust on Gale ridge on Mars after the Kestrel landing, engineers said.");

        // When
        var report = ClusteringBenchmark.Run(_folder);

        // Then each event is one story, and the baselines and splits are reported
        var all = report.Row("story-index", "all");
        Assert.Equal(8, all.Documents);
        Assert.Equal(4, all.GoldClusters);
        Assert.Equal(4, all.PredictedClusters);
        Assert.Equal(1.0, all.BCubed.F1, 12);
        Assert.Equal(1, report.Row("all-in-one", "odd").PredictedClusters);
        Assert.Equal(4, report.Row("one-per-doc", "even").PredictedClusters);
        Assert.Equal(9, report.Rows.Length);
        Assert.True(report.ArticlesPerSecond > 0);
        Assert.Contains("| story-index | all | 8 | 4 | 4 |", report.ToMarkdownTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFolder_ThrowsPX3301()
    {
        // Given a path that does not exist
        var missing = Path.Combine(_folder, "nowhere");

        // When / Then
        var e = Assert.Throws<DirectoryNotFoundException>(() => ClusteringBenchmark.Run(missing));
        Assert.Contains("PX3301", e.Message, StringComparison.Ordinal);
    }

    [SharedFact("bench/clustering")]
    public void Run_EcbPlus_ReachesTheMeasuredQuality()
    {
        // Given the ECB+ topics in ../shared/bench/clustering
        var folder = SharedData.PathOf("bench/clustering")!;

        // When
        var report = ClusteringBenchmark.Run(folder);
        _output.WriteLine(report.ToMarkdownTable());

        // Then B³ F1 stays at what was measured (0.881 all, 0.899 on the held-out even topics) minus 0.02,
        // and clearly above both trivial baselines
        var all = report.Row("story-index", "all");
        var even = report.Row("story-index", "even");
        Assert.Equal(462, all.Documents);
        Assert.Equal(40, all.GoldClusters);
        Assert.True(all.BCubed.F1 >= 0.86, report.ToMarkdownTable());
        Assert.True(even.BCubed.F1 >= 0.88, report.ToMarkdownTable());
        Assert.True(all.Pairwise.F1 >= 0.81, report.ToMarkdownTable());
        Assert.True(all.BCubed.F1 > report.Row("all-in-one", "all").BCubed.F1 + 0.5);
        Assert.True(all.BCubed.F1 > report.Row("one-per-doc", "all").BCubed.F1 + 0.5);
    }

    [SharedFact("bench/clustering")]
    public void Sweep_OddTopics_ChosenThresholdIsOnTheBestPlateau()
    {
        // Given the tuning split
        var folder = SharedData.PathOf("bench/clustering")!;

        // When thresholds around the default are scored
        var scores = ClusteringBenchmark.Sweep(folder, [0.10, 0.16, 0.20, 0.30, 0.40], TopicSplit.Odd);

        // Then the default is within 0.01 B³ F1 of the best tried
        var best = scores.Max(s => s.BCubed.F1);
        Assert.True(scores.Single(s => s.Threshold == 0.20).BCubed.F1 >= best - 0.01);
    }

    private void WriteDoc(int topic, int number, bool plus, string text)
    {
        var dir = Path.Combine(_folder, "ecbplus", topic.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var name = string.Create(CultureInfo.InvariantCulture, $"{topic}_{number}{(plus ? "ecbplus" : "ecb")}.xml");
        var tokens = text.Split(' ').Select((t, i) => $"<token t_id=\"{i + 1}\" sentence=\"0\" number=\"{i}\">{SecurityElement.Escape(t)}</token>");
        File.WriteAllText(Path.Combine(dir, name), $"<Document doc_name=\"{name}\">\n{string.Join('\n', tokens)}\n</Document>\n");
    }
}
