using System.Text;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Storage.Sqlite;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    private static string Samples => Path.Combine(SharedData.RepoRoot!, "samples");

    [SharedFact("seeds")]
    public async Task Analyze_Seeds_FindsFiveArticlesInOneStory()
    {
        // Given the five seed articles from five outlets
        using var cli = new CliRunner();

        // When they are analysed
        var (code, _, err) = await cli.RunAsync("analyze", SharedData.PathOf("seeds")!);

        // Then all five are stored in one story, none a duplicate, and a report is written for it
        Assert.True(code == 0, err);
        await using var store = await SqliteStore.OpenAsync(cli.DataDir);
        var stats = await store.GetStatsAsync();
        Assert.Equal(5, stats.Articles);
        Assert.Equal(1, stats.Stories);
        Assert.Equal(0, stats.Duplicates);
        var story = (await store.ListStoriesAsync()).Single();
        Assert.True(File.Exists(Path.Combine(cli.DataDir, "reports", story.Id + ".html")));
        Assert.True(File.Exists(Path.Combine(cli.DataDir, "reports", story.Id + ".md")));
    }

    [SharedFact("seeds")]
    public async Task Analyze_Seeds_RemovesNoiseFindsMetadataAndTheArabicLine()
    {
        using var cli = new CliRunner();
        var (code, _, err) = await cli.RunAsync("analyze", SharedData.PathOf("seeds")!);
        Assert.True(code == 0, err);
        await using var store = await SqliteStore.OpenAsync(cli.DataDir);
        var view = await store.GetStoryAsync((await store.ListStoriesAsync()).Single().Id);
        var docs = view!.Articles.ToDictionary(a => a.Document.Source.SourceId[..3], a => a.Document);

        // Then no listed noise survives in any clean text
        string[] noise = ["Thank you for signing up", "Leave a Reply", "Required fields are marked", "Click Here:", "Read More",
            "Newspapers in English", "Post a Comment", "Oops. Something went wrong", "Credit:", "click here to subscribe"];
        foreach (var (id, doc) in docs)
            foreach (var n in noise)
                Assert.False(doc.Text.Contains(n, StringComparison.OrdinalIgnoreCase), $"{id} still contains '{n}'");

        // And each removal is listed in the report
        var report = await File.ReadAllTextAsync(Path.Combine(cli.DataDir, "reports", view.Story.Id + ".md"));
        Assert.Contains("Thank you for signing up", report, StringComparison.Ordinal);
        Assert.Contains("Leave a Reply", report, StringComparison.Ordinal);

        // And the metadata the text reveals is found
        Assert.Equal("Anna Ahronheim", docs["003"].Metadata.Value(MetadataField.Author));
        Assert.Equal("The Jerusalem Post", docs["003"].Metadata.Value(MetadataField.Outlet));
        Assert.Equal("DEBKAfile", docs["004"].Metadata.Value(MetadataField.Outlet));
        Assert.StartsWith("2018-07-05", docs["004"].Metadata.Value(MetadataField.Published), StringComparison.Ordinal);
        Assert.Equal("The Telegraph", docs["002"].Metadata.Value(MetadataField.Outlet));

        // And every article is English, with DEBKAfile's Arabic title line marked Arabic
        Assert.All(docs.Values, d => Assert.Equal("en", d.Get(Layers.Language).Language));
        var arabic = docs["004"].Get(Layers.LanguageSpans).Where(t => t.Language == "ar").ToList();
        Assert.NotEmpty(arabic);
        Assert.All(arabic, t => Assert.Contains("روسيا", t.Span.Of(docs["004"].Text), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_Samples_StoresEveryArticleAndLinksTheRepost()
    {
        using var cli = new CliRunner();
        var (code, stdout, err) = await cli.RunAsync("analyze", Samples);
        Assert.True(code == 0, err + stdout);
        await using var store = await SqliteStore.OpenAsync(cli.DataDir);
        var stats = await store.GetStatsAsync();
        Assert.Equal(Directory.EnumerateFiles(Samples).Count(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal)), stats.Articles);
        Assert.Equal(1, stats.Duplicates);
        Assert.Equal(1, stats.Stories);
    }

    [Fact]
    public async Task Analyze_SameFolderTwice_ChangesNothing()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("analyze", Samples);
        var before = await Snapshot(cli.DataDir);
        var (code, stdout, _) = await cli.RunAsync("ingest", Samples);
        Assert.Equal(0, code);
        Assert.Equal(before, await Snapshot(cli.DataDir));
        Assert.Contains("already stored", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_FolderWithBadFiles_ReportsEachProcessesTheRestAndExitsPartial()
    {
        // Given good articles beside a binary file, an empty file, a 50 MB text file, invalid UTF-8,
        // malformed HTML with no text, and a truncated feed
        var dir = CliRunner.NewFolder();
        foreach (var f in Directory.EnumerateFiles(Samples, "*.txt").Order(StringComparer.Ordinal).Take(3))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        await File.WriteAllBytesAsync(Path.Combine(dir, "photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 0, 0, 3, 4, 0, 5]);
        await File.WriteAllTextAsync(Path.Combine(dir, "empty.txt"), "");
        await using (var big = File.Create(Path.Combine(dir, "huge.txt")))
        {
            var line = Encoding.UTF8.GetBytes("A very long scraped line about nothing in particular, repeated.\n");
            for (long n = 0; n < 50L * 1024 * 1024; n += line.Length) big.Write(line);
        }
        await File.WriteAllBytesAsync(Path.Combine(dir, "legacy.txt"),
            [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" owners in the old town said the talks resumed on Monday after a pause of two weeks.\n\nOfficials declined to comment on the draft, which was described as \"fragile\".")]);
        await File.WriteAllTextAsync(Path.Combine(dir, "broken.html"), "<html><body><div><p></div></span><<<>>");
        await File.WriteAllTextAsync(Path.Combine(dir, "feed.xml"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>First item</title><description>The first item is complete and has enough words to be an article about the talks.</description></item><item><title>Cut off");
        using var cli = new CliRunner();

        // When the folder is analysed
        var (code, _, err) = await cli.RunAsync("analyze", dir);

        // Then each bad file is named with its problem, the good ones are stored, and the exit code says partial
        Assert.Equal(2, code);
        foreach (var bad in new[] { "photo.txt", "empty.txt", "huge.txt", "broken.html", "feed.xml" })
            Assert.Contains(bad, err, StringComparison.Ordinal);
        Assert.Contains("legacy.txt", err, StringComparison.Ordinal);
        await using var store = await SqliteStore.OpenAsync(cli.DataDir);
        var articles = await store.ListArticlesAsync();
        Assert.Contains(articles, a => a.SourceId.EndsWith("legacy.txt", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.SourceId.Contains("feed.xml", StringComparison.Ordinal));
        Assert.True(articles.Count >= 5, string.Join(", ", articles.Select(a => a.SourceId)));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Analyze_KilledMidway_RerunGivesTheSameStoreAsOneCleanRun()
    {
        // Given a corpus large enough to interrupt
        var corpus = CliRunner.NewFolder();
        var texts = Directory.EnumerateFiles(Samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Parallax.Evaluation.Performance.ThroughputBenchmark.GenerateCorpus(texts, corpus, 3);
        using var clean = new CliRunner();
        using var interrupted = new CliRunner();
        var (code, _, err) = await clean.RunAsync("ingest", corpus);
        Assert.True(code == 0, err);

        // When a run is killed once some articles are stored, and then run again
        using (var p = interrupted.Start("ingest", corpus, "--verbose"))
        {
            int stored = 0;
            while (await p.StandardError.ReadLineAsync() is { } line)
                if (line.StartsWith("stored", StringComparison.Ordinal) && ++stored == 10) break;
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        var partial = await Snapshot(interrupted.DataDir);
        var (code2, _, err2) = await interrupted.RunAsync("ingest", corpus);

        // Then the resumed store equals the clean one: same articles, stories and duplicates, nothing twice
        Assert.True(code2 == 0, err2);
        var expected = await Snapshot(clean.DataDir);
        Assert.NotEqual(expected, partial);
        Assert.Equal(expected, await Snapshot(interrupted.DataDir));
        Directory.Delete(corpus, true);
    }

    /// <summary>The store's content without timestamps: articles in order with story and duplicate links, and stories.</summary>
    internal static async Task<string> Snapshot(string dataDir)
    {
        await using var store = await SqliteStore.OpenAsync(dataDir);
        var sb = new StringBuilder();
        await foreach (var (_, a) in store.ReadArticlesAsync(0))
            sb.Append(a.Id).Append(' ').Append(a.StoryId).Append(' ').Append(a.DuplicateOf).Append(' ').Append(a.Document.Text.Length).Append('\n');
        foreach (var s in (await store.ListStoriesAsync()).OrderBy(s => s.Id, StringComparer.Ordinal))
            sb.Append(s.Id).Append(' ').Append(s.Label).Append(' ').Append(string.Join(",", s.ArticleIds)).Append('\n');
        return sb.ToString();
    }
}
