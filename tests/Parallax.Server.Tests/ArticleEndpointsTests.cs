using System.Net;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class ArticleEndpointsTests(SamplesFixture fixture) : IClassFixture<SamplesFixture>
{
    private HttpClient Client => fixture.Harness.Client;

    private string HtmlArticleId => fixture.Outcomes
        .Select(o => o.GetProperty("articles")[0])
        .Single(a => a.GetProperty("sourceId").GetString() == "api/article.html")
        .GetProperty("articleId").GetString()!;

    [Fact]
    public async Task ListArticles_Paged_InIngestionOrderWithTotal()
    {
        // When
        var first = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/articles?limit=2"));
        var second = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/articles?offset=2&limit=2"));

        // Then
        Assert.Equal(fixture.Outcomes.Count, first.GetProperty("total").GetInt32());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(a => a.GetProperty("id").GetString());
        var expected = fixture.Outcomes.Take(4).Select(o => o.GetProperty("articles")[0].GetProperty("articleId").GetString());
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task SearchArticles_Word_ReturnsHitsWithSnippets()
    {
        // When
        var page = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/articles?q=inspectors"));

        // Then
        var hits = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => h.GetProperty("articleId").GetString() == HtmlArticleId);
        Assert.All(hits, h => Assert.Contains("[", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task SearchArticles_BadSyntax_Returns400WithStoreCode()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/articles?q=" + Uri.EscapeDataString("\"unbalanced"));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PX2004", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetArticle_Html_HasCleanTextParagraphsRemovedBlocksProvenanceAndLayers()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/articles/" + HtmlArticleId);
        var a = await ServerHarness.ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("html", a.GetProperty("kind").GetString());
        var text = a.GetProperty("text").GetString()!;
        Assert.Contains("Dariv", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        var paragraphs = a.GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.NotEmpty(paragraphs);
        Assert.NotEmpty(a.GetProperty("removed").EnumerateArray());
        var title = a.GetProperty("metadata").GetProperty("chosen").GetProperty("title");
        Assert.False(string.IsNullOrEmpty(title.GetProperty("source").GetString()));
        Assert.True(title.GetProperty("confidence").GetDouble() > 0);
        var layers = a.GetProperty("layers").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("language", layers);
        Assert.Contains("tokens", layers);
    }

    [Fact]
    public async Task GetArticleRaw_Html_IsJsonStringNotHtml()
    {
        // When
        using var response = await Client.GetAsync($"/api/v1/articles/{HtmlArticleId}/raw");

        // Then
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var raw = (await ServerHarness.ReadJsonAsync(response)).GetProperty("raw").GetString()!;
        Assert.StartsWith("<!DOCTYPE html>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetArticle_Unknown_Returns404()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/articles/ffffffffffff");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_Json_HoldsEveryArticleAndTheStory()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?format=json");
        var export = await ServerHarness.ReadJsonAsync(response);

        // Then
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Equal(fixture.Outcomes.Count, export.GetProperty("documents").GetArrayLength());
        Assert.Equal(1, export.GetProperty("stories").GetArrayLength());
    }

    [Theory]
    [InlineData("jsonl", "application/jsonl")]
    [InlineData("csv", "text/csv")]
    public async Task Export_OtherFormats_UseTheExportersMediaType(string format, string mediaType)
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?format=" + format);
        var body = await response.Content.ReadAsStringAsync();

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > fixture.Outcomes.Count);
    }

    [Fact]
    public async Task Export_OneStoryUnknown_Returns404()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?story=s-nothere");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
