using System.IO.Compression;
using System.Text;
using Parallax.Evaluation.Extraction;
using Parallax.Nlp.Cleaning.Html;
using Parallax.Testing;

namespace Parallax.Evaluation.Tests.Extraction;

public sealed class ExtractionBenchmarkTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "px-extraction-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private void WriteFolder()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "html"));
        Directory.CreateDirectory(Path.Combine(_folder, "peer-outputs"));
        File.WriteAllText(Path.Combine(_folder, "ground_truth.json"), """
            {
              "a.html.gz": { "body": ["one two three four five", "six seven"], "url": "https://x.example/a", "crawl_date": "2024-01-01" },
              "b.html.gz": { "body": ["alpha beta gamma delta epsilon"], "url": "https://x.example/b", "crawl_date": "2024-01-01" }
            }
            """);
        File.WriteAllText(Path.Combine(_folder, "peer-outputs", "echo.json"), """
            {
              "a.html.gz": { "body": ["one two three four five", "six seven"] },
              "b.html.gz": { "body": [] }
            }
            """);
        WriteGz("a.html.gz", "<html><body><p>one two three four five six seven</p></body></html>");
        WriteGz("b.html.gz", "<html><body><p>alpha beta gamma delta zeta</p></body></html>");
    }

    private void WriteGz(string name, string html)
    {
        using var file = File.Create(Path.Combine(_folder, "html", name));
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(html));
    }

    [Fact]
    public void Score_IdenticalText_IsPerfect()
    {
        // Given / When
        var (p, r, pn, gn, tp) = ShingleMetric.Score("The Cat sat on the mat.", "the cat  SAT on the mat");

        // Then
        Assert.Equal((1.0, 1.0, 3, 3, 3), (p, r, pn, gn, tp));
    }

    [Fact]
    public void Score_EmptyPrediction_ScoresZeroPrecision()
    {
        // Given / When
        var (p, r, _, _, _) = ShingleMetric.Score("", "a b c d e");

        // Then
        Assert.Equal(0, p);
        Assert.Equal(0, r);
    }

    [Fact]
    public void Score_RepeatedShingles_CountedAsMultiset()
    {
        // Given a prediction that repeats the gold text twice
        // When
        var (p, r, pn, _, tp) = ShingleMetric.Score("a b c d a b c d", "a b c d");

        // Then only one copy of "a b c d" matches
        Assert.Equal(5, pn);
        Assert.Equal(1, tp);
        Assert.Equal(0.2, p, 6);
        Assert.Equal(1.0, r, 6);
    }

    [Fact]
    public void Score_ShortText_IsOneShingle()
    {
        // Given / When
        var shingles = ShingleMetric.Shingles("Hello, world");

        // Then
        Assert.Equal(["hello world"], shingles.Keys);
    }

    [Fact]
    public void Run_SmallFolder_ScoresOursAndPeers()
    {
        // Given
        WriteFolder();
        var seen = new List<int>();

        // When
        var report = ExtractionBenchmark.Run(_folder, html => new HtmlContentExtractor().Extract(html).Clean.Text, new SyncProgress(seen));

        // Then: page a is perfect; page b has 2 shingles, 1 matching, for both precision and recall
        var a = report.Documents.Single(d => d.File == "a.html.gz");
        var b = report.Documents.Single(d => d.File == "b.html.gz");
        Assert.Equal((1.0, 1.0), (a.Precision, a.Recall));
        Assert.Equal((0.5, 0.5), (b.Precision, b.Recall));
        var ours = report[ExtractionBenchmark.OwnSystem]!;
        Assert.Equal(0.75, ours.Precision, 6);
        Assert.Equal(0.75, ours.F1, 6);
        var echo = report["echo"]!;
        Assert.Equal(0.5, echo.Precision, 6);
        Assert.Equal(0.5, echo.Recall, 6);
        Assert.Equal([1, 2], seen);
        Assert.Contains("| parallax | 2 | 0.750 | 0.750 | 0.750 |", report.ToMarkdownTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFolder_ThrowsCodedError()
    {
        // Given / When
        var ex = Assert.Throws<DirectoryNotFoundException>(() => ExtractionBenchmark.Run(_folder, html => html));

        // Then
        Assert.StartsWith("PX3101", ex.Message, StringComparison.Ordinal);
    }

    [SharedFact("bench/extraction")]
    public void Run_SharedBenchmark_BeatsTrafilatura()
    {
        // Given
        var extractor = new HtmlContentExtractor();

        // When
        var report = ExtractionBenchmark.Run(SharedData.PathOf("bench/extraction")!, html => extractor.Extract(html).Clean.Text);

        // Then
        var ours = report[ExtractionBenchmark.OwnSystem]!;
        var trafilatura = report["trafilatura"]!;
        Assert.Equal(80, ours.Documents);
        Assert.True(ours.F1 > trafilatura.F1, $"ours F1 {ours.F1:0.0000} vs trafilatura {trafilatura.F1:0.0000}\n{report.ToMarkdownTable()}");
    }

    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
