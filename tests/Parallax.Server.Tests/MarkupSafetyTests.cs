using System.Net;

namespace Parallax.Server.Tests;

public sealed class MarkupSafetyTests
{
    private const string Hostile = "Officials in Marrowby said <script>alert(1)</script> the dam would hold.\n\nA photo caption read <img src=x onerror=alert(1)> and nothing more; the council meets again on Monday.";

    [Fact]
    public async Task GetArticle_TextWithMarkup_ComesBackAsTheSamePlainJsonString()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        using var posted = await h.PostAsync("/api/v1/articles", ServerHarness.Json(new { text = Hostile, title = "<script>alert(1)</script> Dam" }));
        var id = (await ServerHarness.ReadJsonAsync(posted)).GetProperty("articles")[0].GetProperty("articleId").GetString();

        // When
        using var response = await h.Client.GetAsync("/api/v1/articles/" + id);
        var wire = await response.Content.ReadAsStringAsync();
        var article = await ServerHarness.ReadJsonAsync(response);

        // Then: the markup is data inside JSON strings, escaped on the wire, served as JSON that browsers may not sniff
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<script>alert(1)</script>", article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script> Dam", article.GetProperty("metadata").GetProperty("chosen").GetProperty("title").GetProperty("value").GetString());
        Assert.DoesNotContain("<script>", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", wire, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_TextWithMarkup_IsEscapedInTheHtmlReport()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        using var posted = await h.PostAsync("/api/v1/articles", ServerHarness.Json(new { text = Hostile, title = "<script>alert(1)</script> Dam" }));
        var story = (await ServerHarness.ReadJsonAsync(posted)).GetProperty("articles")[0].GetProperty("storyId").GetString();

        // When
        using var response = await h.Client.GetAsync($"/api/v1/stories/{story}/report?format=html");
        var html = await response.Content.ReadAsStringAsync();

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }
}
