using System.Net;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class StoryAnalysisEndpointsTests(SamplesFixture fixture) : IClassFixture<SamplesFixture>
{
    private HttpClient Client => fixture.Harness.Client;

    private async Task<(string Id, int Articles)> StoryAsync()
    {
        var story = (await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories"))).GetProperty("items")[0];
        return (story.GetProperty("id").GetString()!, story.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task GetAnalysis_SampleStory_HoldsEveryPartAndOnlyTheStorysArticles()
    {
        // Given
        var (id, _) = await StoryAsync();
        var story = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories/" + id));
        var storyArticles = story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);

        // When
        using var response = await Client.GetAsync($"/api/v1/stories/{id}/analysis");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var analysis = await ServerHarness.ReadJsonAsync(response);
        var analysed = analysis.GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.NotEmpty(analysed);
        Assert.All(analysed, a => Assert.Contains(a, storyArticles));
        Assert.NotEmpty(analysis.GetProperty("events").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, analysis.GetProperty("claims").ValueKind);
        Assert.Equal(JsonValueKind.Array, analysis.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKind.Array, analysis.GetProperty("network").GetProperty("actors").ValueKind);
    }

    [Fact]
    public async Task GetEvents_SampleStory_EachEventCitesReportsFromTheStory()
    {
        // Given
        var (id, _) = await StoryAsync();
        var analysis = await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/analysis"));

        // When
        var events = await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/events"));

        // Then
        var list = events.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(analysis.GetProperty("events").GetArrayLength(), list.Count);
        var ids = analysis.GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(list, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("ploverType").GetString()));
            var reports = e.GetProperty("reports").EnumerateArray().ToList();
            Assert.NotEmpty(reports);
            Assert.All(reports, r => Assert.Contains(r.GetProperty("source").GetProperty("articleId").GetString(), ids));
        });
    }

    [Fact]
    public async Task GetClaims_SampleStory_ListsSlotsWithVerdictsAndValues()
    {
        // Given
        var (id, _) = await StoryAsync();

        // When
        var claims = (await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/claims"))).GetProperty("claims").EnumerateArray().ToList();

        // Then
        Assert.NotEmpty(claims);
        Assert.All(claims, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("verdict").GetString()));
            Assert.NotEmpty(c.GetProperty("values").EnumerateArray());
        });
    }

    [Fact]
    public async Task GetFraming_SampleStory_OneProfilePerAnalysedArticle()
    {
        // Given
        var (id, _) = await StoryAsync();
        var analysis = await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/analysis"));

        // When
        var framing = (await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/framing"))).GetProperty("framing").EnumerateArray().ToList();

        // Then
        var analysed = analysis.GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(analysed, framing.Select(f => f.GetProperty("articleId").GetString()).Order(StringComparer.Ordinal).ToList());
        Assert.All(framing, f => Assert.True(f.GetProperty("words").GetInt32() > 0));
    }

    [Fact]
    public async Task GetNetwork_SampleStory_EdgesJoinListedActors()
    {
        // Given
        var (id, _) = await StoryAsync();

        // When
        var network = await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/network"));

        // Then
        var keys = network.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("key").GetString()).ToHashSet(StringComparer.Ordinal);
        var edges = network.GetProperty("edges").EnumerateArray().ToList();
        Assert.All(edges, e =>
        {
            Assert.Contains(e.GetProperty("source").GetProperty("key").GetString(), keys);
            Assert.Contains(e.GetProperty("target").GetProperty("key").GetString(), keys);
            Assert.True(e.GetProperty("reports").GetInt32() >= 1);
        });
    }

    [Theory]
    [InlineData("analysis")]
    [InlineData("events")]
    [InlineData("claims")]
    [InlineData("framing")]
    [InlineData("network")]
    public async Task GetAnalysisPart_UnknownStory_Returns404WithCode(string part)
    {
        // When
        using var response = await Client.GetAsync($"/api/v1/stories/s-nothere/{part}");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("PX4004", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetAnalysis_ByPrefixTwice_SameAnswer()
    {
        // Given
        var (id, _) = await StoryAsync();

        // When
        var first = await Client.GetStringAsync($"/api/v1/stories/{id[..6]}/analysis");
        var second = await Client.GetStringAsync($"/api/v1/stories/{id}/analysis");

        // Then
        Assert.Equal(first, second);
    }
}

public sealed class StoryAnalysisCacheTests
{
    [Fact]
    public async Task GetAnalysis_AfterIngestIntoTheStory_IsRecomputed()
    {
        // Given: every sample but the last, and the story's analysis read (and cached)
        await using var harness = await ServerHarness.StartAsync();
        var files = Directory.GetFiles(ServerHarness.SamplesFolder, "*.txt").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.SkipLast(1))
            using (await harness.PostAsync("/api/v1/articles", ServerHarness.Text(await File.ReadAllTextAsync(file), "text/plain"))) { }
        var id = (await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/stories"))).GetProperty("items")[0].GetProperty("id").GetString()!;
        var before = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync($"/api/v1/stories/{id}/analysis"));

        // When: one more article joins the story
        var outcome = await ServerHarness.ReadJsonAsync(await harness.PostAsync("/api/v1/articles", ServerHarness.Text(await File.ReadAllTextAsync(files[^1]), "text/plain")));
        var after = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync($"/api/v1/stories/{id}/analysis"));

        // Then
        var article = outcome.GetProperty("articles")[0];
        Assert.Equal(id, article.GetProperty("storyId").GetString());
        var ids = after.GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(before.GetProperty("articleIds").GetArrayLength() + 1, ids.Count);
        Assert.Contains(article.GetProperty("articleId").GetString(), ids);
    }
}
