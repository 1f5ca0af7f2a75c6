using Microsoft.Extensions.Logging;
using System.Net;
using System.Text;

namespace Parallax.Server.Tests;

public sealed class SecurityTests
{
    private const string Article = "The town council of Brenholm voted on Wednesday to close the old harbour bridge to lorries from June.";

    [Fact]
    public async Task PostArticle_NoKey_Returns401ProblemAndStoresNothing()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"), key: null);

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PX4001", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
        var health = await ServerHarness.ReadJsonAsync(await h.Client.GetAsync("/health"));
        Assert.Equal(0, health.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task PostArticle_WrongKey_Returns401WithPX4002()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"), key: ServerHarness.Key + "x");

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("PX4002", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostArticle_SecondOfTwoKeys_IsAccepted()
    {
        // Given
        await using var h = await ServerHarness.StartAsync(o => o with { ApiKeys = ["first-key", "second-key"] });

        // When
        using var response = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"), key: "second-key");

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PostArticle_NoKeysConfigured_Returns401SayingHowToSetOne()
    {
        // Given
        await using var h = await ServerHarness.StartAsync(o => o with { ApiKeys = [] });

        // When
        using var response = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"), key: "anything");

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("PX4003", problem.GetProperty("code").GetString());
        Assert.Contains("--api-key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("PARALLAX_API_KEYS", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStories_KeyedReads_NeedTheKey()
    {
        // Given
        await using var h = await ServerHarness.StartAsync(o => o with { KeyedReads = true });

        // When
        using var without = await h.Client.GetAsync("/api/v1/stories");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stories") { Headers = { { "X-Api-Key", ServerHarness.Key } } };
        using var with = await h.Client.SendAsync(request);

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task GetStories_OpenReads_NeedNoKey()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.Client.GetAsync("/api/v1/stories");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostBatch_OverTheLimit_Returns413ProblemJson()
    {
        // Given
        await using var h = await ServerHarness.StartAsync(o => o with { MaxRequestBytes = 64 * 1024 });
        var line = "{\"text\": \"" + new string('a', 1000) + "\"}\n";
        var body = string.Concat(Enumerable.Repeat(line, 80));

        // When
        using var response = await h.PostAsync("/api/v1/articles/batch", ServerHarness.Text(body, "application/x-ndjson"));

        // Then
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("PX4006", problem.GetProperty("code").GetString());
        Assert.Contains("--max-request-bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBatch_ChunkedOverTheLimit_Returns413()
    {
        // Given: no Content-Length, so the limit is found while reading
        await using var h = await ServerHarness.StartAsync(o => o with { MaxRequestBytes = 32 * 1024 });
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"text\": \"" + new string('b', 500) + "\"}\n", 100)));
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles/batch") { Content = content, Headers = { { "X-Api-Key", ServerHarness.Key } } };
        request.Headers.TransferEncodingChunked = true;

        // When
        using var response = await h.Client.SendAsync(request);

        // Then
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Requests_WithKey_NeverLogTheKey()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var ok = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"));
        using var bad = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"), key: "wrong-" + ServerHarness.Key);

        // Then
        Assert.NotEmpty(h.Logs.Lines);
        Assert.DoesNotContain(ServerHarness.Key, h.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresStoreWithPassword_LogsItRedacted()
    {
        // Given: a PostgreSQL URI whose server does not answer (port 1 on loopback refuses at once)
        var logs = new LogCapture();
        var options = new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Store = "postgres://parallax:Sup3rS3cret!@127.0.0.1:1/parallax",
            ApiKeys = [ServerHarness.Key],
            ConfigureLogging = b => b.AddProvider(logs),
        };

        // When
        var error = await Assert.ThrowsAsync<Parallax.Core.Storage.StoreException>(() => ParallaxServer.StartAsync(options));

        // Then
        Assert.Contains("postgres://parallax:***@127.0.0.1:1/parallax", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rS3cret", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rS3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_Api_CarrySecurityHeaders()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.Client.GetAsync("/api/v1/stories");

        // Then
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }
}
