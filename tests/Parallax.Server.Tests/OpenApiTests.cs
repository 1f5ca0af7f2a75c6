using System.Net;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task GetOpenApi_Document_IsOpenApi3AndListsEveryEndpoint()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.Client.GetAsync("/openapi/v1.json");
        var doc = await ServerHarness.ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "/api/v1/articles", "/api/v1/articles/batch", "/api/v1/feeds", "/api/v1/stories", "/api/v1/stories/{id}",
            "/api/v1/stories/{id}/report", "/api/v1/articles/{id}", "/api/v1/articles/{id}/raw", "/api/v1/entities",
            "/api/v1/entities/{key}", "/api/v1/export", "/health",
            "/api/v1/stories/{id}/analysis", "/api/v1/stories/{id}/events", "/api/v1/stories/{id}/claims", "/api/v1/stories/{id}/framing",
            "/api/v1/stories/{id}/network", "/api/v1/alerts", "/api/v1/alerts/recheck", "/api/v1/watches", "/api/v1/watches/{id}",
            "/api/v1/zones", "/api/v1/zones/files", "/api/v1/zones/files/{name}",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
        Assert.DoesNotContain(paths, p => p.Contains("rest", StringComparison.Ordinal));
        var post = doc.GetProperty("paths").GetProperty("/api/v1/articles").GetProperty("post");
        var content = post.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("application/json", content);
        Assert.Contains("text/html", content);
        Assert.Equal("apiKey", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.True(post.TryGetProperty("security", out _));
        var writes = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .Where(o => o.Method is "post" or "put" or "delete" or "patch").ToList();
        Assert.Contains(writes, w => w.Path == "/api/v1/watches/{id}" && w.Method == "delete");
        Assert.All(writes, w => Assert.True(w.Operation.TryGetProperty("security", out _), $"{w.Method} {w.Path} declares the ApiKey scheme"));
    }
}
