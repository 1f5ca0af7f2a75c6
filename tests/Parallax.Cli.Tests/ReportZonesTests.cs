using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>The report's map draws the data directory's watch zones and their buffers; `parallax gazetteer build` keeps the compiled gazetteer honest.</summary>
public sealed class ReportZonesTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _input = CliRunner.NewFolder();
    private static string ExampleRules => Path.Combine(SharedData.RepoRoot!, "examples", "rules");

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_input, recursive: true);
    }

    private void InstallExampleRules()
    {
        var target = Path.Combine(_cli.DataDir, "rules");
        Directory.CreateDirectory(Path.Combine(target, "zones"));
        foreach (var f in Directory.GetFiles(ExampleRules, "*", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(target, Path.GetRelativePath(ExampleRules, f)));
    }

    // Our own short article about the south-west of Syria.
    private const string Article =
        "Ceasefire holds in southern Syria\n\n"
        + "Residents of Quneitra said on Monday that the night had been quiet for the first time in a week. "
        + "Farmers near Daraa returned to their fields, and officials in Damascus promised that the crossing would reopen.\n";

    [Fact]
    public async Task Analyze_ExampleRulesInDataDir_ReportMapDrawsZoneOutlinesBuffersAndLegend()
    {
        // Given the example rules in the data directory and an article naming Quneitra, Daraa and Damascus
        InstallExampleRules();
        await File.WriteAllTextAsync(Path.Combine(_input, "south.txt"), Article);

        // When it is analysed
        var (code, stdout, err) = await _cli.RunAsync("analyze", _input);

        // Then the story's HTML report draws the zones' shapes, a band for each buffer and a legend naming them
        Assert.True(code == 0, err + stdout);
        var report = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDir, "reports"), "*.html")));
        Assert.Contains("<path class=\"zone-area\"", report, StringComparison.Ordinal);
        Assert.Contains("<path class=\"zone-line\"", report, StringComparison.Ordinal);
        foreach (var zone in new[] { "golan-line-5km", "golan-line-20km", "golan-line-15mi", "golan-line-60km" })
            Assert.Contains($"<path class=\"zone-buffer\" data-zone=\"{zone}\"", report, StringComparison.Ordinal);
        Assert.Contains("Golan line Alpha, 20 km buffer: within 20 km</text>", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_StoryAsHtmlWithoutRules_DrawsNoZones_WithRules_DrawsThem()
    {
        // Given a stored story and, at first, no rules
        await File.WriteAllTextAsync(Path.Combine(_input, "south.txt"), Article);
        var (code, _, err) = await _cli.RunAsync("ingest", _input);
        Assert.True(code == 0, err);
        string storyId;
        await using (var store = await Parallax.Storage.Sqlite.SqliteStore.OpenAsync(_cli.DataDir))
            storyId = Assert.Single(await store.ListStoriesAsync()).Id;
        var (_, before, _) = await _cli.RunAsync("show", storyId, "--format", "html");

        // When the example rules are installed and the story is shown again
        InstallExampleRules();
        var (after, html, err2) = await _cli.RunAsync("show", storyId, "--format", "html");

        // Then only the second map has the zones and buffers
        Assert.True(after == 0, err2);
        Assert.Contains("<svg", before, StringComparison.Ordinal);
        Assert.DoesNotContain("zone-buffer\" data-zone", before, StringComparison.Ordinal);
        Assert.Contains("<path class=\"zone-buffer\" data-zone=\"golan-line-60km\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GazetteerBuildCheck_ShippedFiles_AreUpToDate()
    {
        // Given the repository's gazetteer TSV and compiled file
        var data = Path.Combine(SharedData.RepoRoot!, "data", "gazetteer");

        // When the build is checked
        var (code, stdout, err) = await _cli.RunAsync("gazetteer", "build", "--check",
            "--from", Path.Combine(data, "places.tsv.gz"), "--output", Path.Combine(data, "places.pxg"));

        // Then it is up to date
        Assert.True(code == 0, err + stdout);
        Assert.Contains("is up to date", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GazetteerBuild_ThenTheTsvChanges_CheckFailsUntilRebuilt()
    {
        // Given a small TSV compiled by the command
        var tsv = Path.Combine(_input, "mine.tsv");
        var pxg = Path.Combine(_input, "mine.pxg");
        await File.WriteAllTextAsync(tsv, "t:1\tTel Zorvan\tZorvan Hill\t33.1\t36.2\tT\tHLL\tSY\t06\tDaraa\t0\n");
        var (built, _, err) = await _cli.RunAsync("gazetteer", "build", "--from", tsv, "--output", pxg);
        Assert.True(built == 0, err);

        // When the TSV gains a line
        await File.AppendAllTextAsync(tsv, "t:2\tKhirbet Example\t\t33.2\t36.1\n");
        var (stale, _, staleErr) = await _cli.RunAsync("gazetteer", "build", "--check", "--from", tsv, "--output", pxg);
        var (rebuilt, _, _) = await _cli.RunAsync("gazetteer", "build", "--from", tsv, "--output", pxg);
        var (fresh, _, _) = await _cli.RunAsync("gazetteer", "build", "--check", "--from", tsv, "--output", pxg);

        // Then the check fails with the way out, and passes after the rebuild
        Assert.Equal(3, stale);
        Assert.Contains("run `parallax gazetteer build`", staleErr, StringComparison.Ordinal);
        Assert.Equal(0, rebuilt);
        Assert.Equal(0, fresh);
    }

    [Fact]
    public async Task GazetteerBuild_MalformedTsv_FailsNamingFileAndLine()
    {
        // Given a TSV with a comma decimal separator on line 2
        var tsv = Path.Combine(_input, "bad.tsv");
        await File.WriteAllTextAsync(tsv, "t:1\tA\t\t1.0\t2.0\nt:2\tB\t\t1,5\t2.0\n");

        // When it is compiled
        var (code, _, err) = await _cli.RunAsync("gazetteer", "build", "--from", tsv, "--output", Path.Combine(_input, "bad.pxg"));

        // Then the command fails with the code, the file and the line
        Assert.Equal(3, code);
        Assert.Contains("PX3602", err, StringComparison.Ordinal);
        Assert.Contains("bad.tsv line 2", err, StringComparison.Ordinal);
    }
}
