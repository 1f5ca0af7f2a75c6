using Parallax.Evaluation.TimeMl;
using Parallax.Testing;

namespace Parallax.Evaluation.Tests.TimeMl;

public sealed class TimeMlBenchmarkTests
{
    [SharedFact("bench/timeml")]
    public void Run_TimeBankAndAquaint_MeetsTempEvalTargets()
    {
        // Given the TempEval-3 training corpora (TimeBank and AQUAINT) with their DCTs
        var folder = SharedData.PathOf("bench/timeml")!;

        // When the benchmark runs
        var report = TimeMlBenchmark.Run(folder);
        var dump = Environment.GetEnvironmentVariable("PARALLAX_TIMEML_DUMP");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(dump, report.ToMarkdownTable() + $"\nchars={report.Characters} time={report.TaggingTime.TotalMilliseconds}ms\n" + string.Join("\n", report.Errors.Select(e => $"{e.Kind}\t{e.File}\t{e.Text}\tgold={e.Gold}\tours={e.Ours}")));
        }

        // Then relaxed span F1 and value F1 reach the targets on both corpora together
        var overall = report["overall"]!;
        Assert.True(overall.RelaxedF1 >= 0.85, report.ToMarkdownTable());
        Assert.True(overall.ValueF1 >= 0.70, report.ToMarkdownTable());
    }

    [Fact]
    public void Run_MissingFolder_ThrowsWithCode()
    {
        // Given a folder that does not exist
        var folder = Path.Combine(Path.GetTempPath(), "parallax-no-such-timeml-" + Guid.NewGuid().ToString("N"));

        // When / Then
        var ex = Assert.Throws<DirectoryNotFoundException>(() => TimeMlBenchmark.Run(folder));
        Assert.Contains("PX3101", ex.Message, StringComparison.Ordinal);
    }
}
