using System.Net;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class StoryEndpointsTests(SamplesFixture fixture) : IClassFixture<SamplesFixture>
{
    private HttpClient Client => fixture.Harness.Client;

    private async Task<string> StoryIdAsync()
    {
        using var response = await Client.GetAsync("/api/v1/stories");
        return (await ServerHarness.ReadJsonAsync(response)).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ListStories_AfterSamples_PagesAndSearchesByKeyTerms()
    {
        // Given
        var all = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories"));
        var story = all.GetProperty("items")[0];
        var term = story.GetProperty("keyTerms")[0].GetString()!;

        // When
        var hit = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories?q=" + Uri.EscapeDataString(term.ToUpperInvariant())));
        var miss = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories?q=zzqxv"));
        var beyond = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories?offset=1&limit=1"));

        // Then
        Assert.Equal(story.GetProperty("id").GetString(), hit.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(0, miss.GetProperty("total").GetInt32());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.Equal(1, beyond.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task GetStory_ByPrefix_ReturnsArticlesAndOutlets()
    {
        // Given
        var id = await StoryIdAsync();

        // When
        using var response = await Client.GetAsync("/api/v1/stories/" + id[..6]);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal(id, story.GetProperty("id").GetString());
        Assert.Equal(fixture.Outcomes.Count, story.GetProperty("articles").GetArrayLength());
        var outlets = story.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Contains("Eastline News Agency", outlets);
        Assert.Contains(story.GetProperty("articles").EnumerateArray(), a => a.GetProperty("duplicateOf").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task GetStory_Unknown_Returns404ProblemWithCode()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/stories/s-nothere");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PX4004", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetReport_Html_IsSelfContainedReportWithPolicy()
    {
        // Given
        var id = await StoryIdAsync();

        // When
        using var response = await Client.GetAsync($"/api/v1/stories/{id}/report?format=html");
        var html = await response.Content.ReadAsStringAsync();

        // Then
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_Markdown_StartsWithLabel()
    {
        // Given
        var id = await StoryIdAsync();

        // When
        using var response = await Client.GetAsync($"/api/v1/stories/{id}/report?format=md");

        // Then
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_UnknownFormat_Returns400()
    {
        // Given
        var id = await StoryIdAsync();

        // When
        using var response = await Client.GetAsync($"/api/v1/stories/{id}/report?format=pdf");

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("offset=-1")]
    [InlineData("limit=ten")]
    public async Task ListStories_BadPaging_Returns400WithPX4005(string query)
    {
        // When
        using var response = await Client.GetAsync("/api/v1/stories?" + query);

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PX4005", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }
}
