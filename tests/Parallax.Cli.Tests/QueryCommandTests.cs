using System.Text.Json;
using Parallax.Storage.Sqlite;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>The commands that read the store: stories, show, search, export.</summary>
public sealed class QueryCommandTests : IAsyncLifetime
{
    private readonly CliRunner _cli = new();
    private string _storyId = "";
    private static string Samples => Path.Combine(SharedData.RepoRoot!, "samples");

    public async Task InitializeAsync()
    {
        var (code, _, err) = await _cli.RunAsync("ingest", Samples);
        Assert.True(code == 0, err);
        await using var store = await SqliteStore.OpenAsync(_cli.DataDir);
        _storyId = (await store.ListStoriesAsync()).OrderByDescending(s => s.ArticleIds.Length).First().Id;
    }

    public Task DisposeAsync()
    {
        _cli.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stories_AfterIngest_ListsTheStoryWithItsArticleCount()
    {
        var (code, stdout, _) = await _cli.RunAsync("stories");
        Assert.Equal(0, code);
        Assert.Contains(_storyId, stdout, StringComparison.Ordinal);
        Assert.Contains("Dariv", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_StoryPrefixAsHtml_WritesSelfContainedReport()
    {
        var file = Path.Combine(_cli.DataDir, "story.html");
        var (code, _, err) = await _cli.RunAsync("show", _storyId[..6], "--format", "html", "--output", file);
        Assert.True(code == 0, err);
        var html = await File.ReadAllTextAsync(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("What was removed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Article_PrintsMetadataWithProvenanceAndCleanText()
    {
        await using var store = await SqliteStore.OpenAsync(_cli.DataDir);
        var article = (await store.ListArticlesAsync()).First(a => a.SourceId.StartsWith("01-", StringComparison.Ordinal));
        var (code, stdout, _) = await _cli.RunAsync("show", article.Id[..8]);
        Assert.Equal(0, code);
        Assert.Contains("TextCue", stdout, StringComparison.Ordinal);
        Assert.Contains("Helena Voss-Adeyemi", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownId_ExitsNotFound()
    {
        var (code, _, err) = await _cli.RunAsync("show", "ffffffff");
        Assert.Equal(4, code);
        Assert.Contains("no story or article", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PhraseInSamples_FindsArticlesWithHighlightedSnippet()
    {
        var (code, stdout, _) = await _cli.RunAsync("search", "\"safety zone\"");
        Assert.Equal(0, code);
        Assert.Contains("[safety zone]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_InvalidQuery_ExitsUsageWithAdvice()
    {
        var (code, _, err) = await _cli.RunAsync("search", "\"unbalanced");
        Assert.Equal(1, code);
        Assert.Contains("PX2004", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Json_HasSchemaStoriesAndEveryDocument()
    {
        var (code, stdout, _) = await _cli.RunAsync("export", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("parallax.export", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(8, json.RootElement.GetProperty("documents").GetArrayLength());
        var doc = json.RootElement.GetProperty("documents")[0];
        Assert.True(doc.TryGetProperty("offsetMap", out _));
        Assert.True(doc.TryGetProperty("removed", out _));
        Assert.True(doc.GetProperty("layers").TryGetProperty("tokens", out _));
    }

    [Fact]
    public async Task Export_CsvToFile_WritesHeaderAndOneRowPerArticle()
    {
        var file = Path.Combine(_cli.DataDir, "articles.csv");
        var (code, _, _) = await _cli.RunAsync("export", "--format", "csv", "--output", file);
        Assert.Equal(0, code);
        var lines = (await File.ReadAllTextAsync(file)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,story_id,outlet", lines[0], StringComparison.Ordinal);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public async Task Export_JsonLinesForOneStory_StartsWithHeaderLine()
    {
        var (code, stdout, _) = await _cli.RunAsync("export", "--format", "jsonl", "--story", _storyId);
        Assert.Equal(0, code);
        var first = JsonDocument.Parse(stdout.Split('\n')[0]).RootElement;
        Assert.Equal("header", first.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Help_OnEveryCommand_ExitsZero()
    {
        foreach (var cmd in new[] { "analyze", "ingest", "stories", "show", "search", "export", "eval", "train", "bench" })
        {
            var (code, stdout, _) = await _cli.RunAsync(cmd, "--help");
            Assert.Equal(0, code);
            Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Show_ArticleWithRemoved_PutsTheNoiseBack()
    {
        // Given an article whose comment form was removed as noise
        await using var store = await SqliteStore.OpenAsync(_cli.DataDir);
        var article = (await store.ListArticlesAsync()).First(a => a.SourceId.StartsWith("01-", StringComparison.Ordinal));
        var record = await store.GetArticleAsync(article.Id);
        var removed = record!.Document.Get(Parallax.Nlp.Documents.Layers.Clean).Removed;
        Assert.NotEmpty(removed);

        // When it is shown with the removed blocks restored
        var (code, stdout, _) = await _cli.RunAsync("show", article.Id, "--with-removed");

        // Then every removed block is back in the text
        Assert.Equal(0, code);
        Assert.All(removed, b => Assert.Contains(b.Text, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_GeoJson_IsAFeatureCollectionOfResolvedPlaces()
    {
        // Given the samples ingested (their places resolved by the pipeline's place stage)
        // When the places are exported as GeoJSON
        var (code, stdout, _) = await _cli.RunAsync("export", "--format", "geojson");

        // Then it is a FeatureCollection of points with names and the articles that name them
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features");
        Assert.True(features.GetArrayLength() > 0);
        var first = features[0];
        Assert.Equal("Point", first.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(2, first.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        Assert.Contains(features.EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Vienna");
    }
}
