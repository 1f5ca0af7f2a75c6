using System.Net;
using System.Text;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class IngestEndpointsTests
{
    private const string Article = "Harbour workers in Lindqvist went on strike on Tuesday over a new shift system.\n\nThe port authority said talks would resume on Friday, and that ferries would run as planned.";

    [Fact]
    public async Task PostArticle_SamplesWithKey_StoresEveryArticleInOneStory()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        int files = Directory.GetFiles(ServerHarness.SamplesFolder).Count(f => !f.EndsWith(".meta.json", StringComparison.Ordinal));

        // When
        var outcomes = await h.IngestSamplesAsync();

        // Then
        Assert.Equal(files, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("stored", o.GetProperty("status").GetString()));
        using var stories = await h.Client.GetAsync("/api/v1/stories");
        var page = await ServerHarness.ReadJsonAsync(stories);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(files, page.GetProperty("items")[0].GetProperty("articleCount").GetInt32());
        using var health = await h.Client.GetAsync("/health");
        Assert.Equal(files, (await ServerHarness.ReadJsonAsync(health)).GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task PostArticle_Json_Returns201WithLocationAndMetadata()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.PostAsync("/api/v1/articles", ServerHarness.Json(new { text = Article, title = "Port strike", outlet = "Lindqvist Courier", published = "2025-04-01" }));

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ServerHarness.ReadJsonAsync(response);
        var outcome = body.GetProperty("articles")[0];
        Assert.Equal("stored", outcome.GetProperty("outcome").GetString());
        var id = outcome.GetProperty("articleId").GetString()!;
        Assert.Equal("/api/v1/articles/" + id, response.Headers.Location!.OriginalString);
        using var article = await h.Client.GetAsync(response.Headers.Location);
        var chosen = (await ServerHarness.ReadJsonAsync(article)).GetProperty("metadata").GetProperty("chosen");
        Assert.Equal("Lindqvist Courier", chosen.GetProperty("outlet").GetProperty("value").GetString());
        Assert.Equal("Port strike", chosen.GetProperty("title").GetProperty("value").GetString());
    }

    [Fact]
    public async Task PostArticle_SameTwice_SecondIsAlreadyStoredWith200()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        using var first = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"));

        // When
        using var second = await h.PostAsync("/api/v1/articles", ServerHarness.Text(Article, "text/plain"));

        // Then
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await ServerHarness.ReadJsonAsync(second);
        Assert.Equal("unchanged", body.GetProperty("status").GetString());
        Assert.Equal("alreadyStored", body.GetProperty("articles")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task PostBatch_ArrayWithBadElements_Returns207WithOutcomesInOrder()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        var batch = new object[]
        {
            new { text = Article, title = "One" },
            new { title = "No body" },
            new { text = Article.Replace("Tuesday", "Wednesday", StringComparison.Ordinal), title = "Three" },
            42,
        };

        // When
        using var response = await h.PostAsync("/api/v1/articles/batch", ServerHarness.Json(batch));

        // Then
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var body = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("partial", body.GetProperty("status").GetString());
        var outcomes = body.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(["stored", "failed", "stored", "failed"], outcomes.Select(o => o.GetProperty("outcome").GetString()));
        Assert.Equal(["api/batch.jsonl#1", "api/batch.jsonl#2", "api/batch.jsonl#3", "api/batch.jsonl#4"], outcomes.Select(o => o.GetProperty("sourceId").GetString()));
        Assert.Equal("PX3007", outcomes[1].GetProperty("code").GetString());
        Assert.StartsWith("PX3007: api/batch.jsonl:2", outcomes[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, body.GetProperty("stored").GetInt32());
        Assert.Equal(2, body.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task PostBatch_JsonLines_StoresInBodyOrder()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        var lines = string.Join("\n", Enumerable.Range(1, 4).Select(i =>
            JsonSerializer.Serialize(new { text = $"Report {i}: the river at Osterby rose {i} metres overnight and the ferry was stopped.", title = $"Flood {i}" })));

        // When
        using var response = await h.PostAsync("/api/v1/articles/batch", ServerHarness.Text(lines, "application/x-ndjson"));

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var list = await h.Client.GetAsync("/api/v1/articles");
        var titles = (await ServerHarness.ReadJsonAsync(list)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.Equal(["Flood 1", "Flood 2", "Flood 3", "Flood 4"], titles);
    }

    [Fact]
    public async Task PostArticle_ManyConcurrent_AllStoredOnceBySingleWriter()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        var bodies = Enumerable.Range(1, 8).Select(i => $"Storm {i}: the coastal road near Vessby was closed for {i} hours after waves broke over the sea wall.").ToList();

        // When: every body twice, all at once
        var responses = await Task.WhenAll(bodies.Concat(bodies).Select(b => h.PostAsync("/api/v1/articles", ServerHarness.Text(b, "text/plain"))));

        // Then
        var outcomes = new List<string>();
        foreach (var r in responses)
        {
            outcomes.Add((await ServerHarness.ReadJsonAsync(r)).GetProperty("articles")[0].GetProperty("outcome").GetString()!);
            r.Dispose();
        }
        Assert.Equal(8, outcomes.Count(o => o == "stored"));
        Assert.Equal(8, outcomes.Count(o => o == "alreadyStored"));
        var health = await ServerHarness.ReadJsonAsync(await h.Client.GetAsync("/health"));
        Assert.Equal(8, health.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task PostBatch_OnlyBadRecords_Returns422()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.PostAsync("/api/v1/articles/batch", ServerHarness.Text("{\"title\": \"no text\"}\nnot json\n", "application/x-ndjson"));

        // Then
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("failed", (await ServerHarness.ReadJsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostFeed_FeedDocument_StoresEachItem()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        var feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Osterby Evening</title>
            <item><title>Ferry stopped</title><link>https://osterby.example/ferry</link><description>The Osterby ferry was stopped on Monday after the river rose two metres overnight.</description></item>
            <item><title>School closed</title><link>https://osterby.example/school</link><description>The primary school in Osterby stayed closed on Tuesday while the water went down.</description></item>
            </channel></rss>
            """;

        // When
        using var response = await h.PostAsync("/api/v1/feeds", ServerHarness.Text(feed, "application/rss+xml"));

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal(2, body.GetProperty("stored").GetInt32());
        Assert.Equal(["api/feed.xml#1", "api/feed.xml#2"], body.GetProperty("articles").EnumerateArray().Select(o => o.GetProperty("sourceId").GetString()));
    }

    [Fact]
    public async Task PostFeed_LoopbackUrl_RefusedWithPX3009BeforeAnyRequest()
    {
        // Given: a feed the server itself would serve, on loopback
        var dataDir = ServerHarness.NewDataDirectory();
        Directory.CreateDirectory(Path.Combine(dataDir, "wwwroot"));
        await File.WriteAllTextAsync(Path.Combine(dataDir, "wwwroot", "feed.xml"), "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><description>Loopback item text.</description></item></channel></rss>");
        await using var h = await ServerHarness.StartAsync(dataDir: dataDir);
        var url = new Uri(h.Client.BaseAddress!, "/feed.xml").ToString();

        // When
        using var response = await h.PostAsync("/api/v1/feeds", ServerHarness.Json(new { url }));

        // Then
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var outcome = (await ServerHarness.ReadJsonAsync(response)).GetProperty("articles")[0];
        Assert.Equal("PX3009", outcome.GetProperty("code").GetString());
        Assert.Contains("--allow-private-networks", outcome.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logs.Lines, FetchedFeed);
    }

    [Fact]
    public async Task PostFeed_LoopbackUrlWhenAllowed_FetchesAndStores()
    {
        // Given
        var dataDir = ServerHarness.NewDataDirectory();
        Directory.CreateDirectory(Path.Combine(dataDir, "wwwroot"));
        await File.WriteAllTextAsync(Path.Combine(dataDir, "wwwroot", "feed.xml"),
            "<rss version=\"2.0\"><channel><title>Osterby Evening</title><item><title>Bridge reopened</title><description>The old bridge at Osterby reopened to cars on Thursday after repairs.</description></item></channel></rss>");
        await using var h = await ServerHarness.StartAsync(o => o with { AllowPrivateNetworks = true }, dataDir);
        var url = new Uri(h.Client.BaseAddress!, "/feed.xml").ToString();

        // When
        using var response = await h.PostAsync("/api/v1/feeds", ServerHarness.Json(new { url }));

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = (await ServerHarness.ReadJsonAsync(response)).GetProperty("articles")[0];
        Assert.Equal(url + "#1", outcome.GetProperty("sourceId").GetString());
        Assert.Contains(h.Logs.Lines, FetchedFeed);
    }

    private static bool FetchedFeed(string logLine) =>
        logLine.Contains("Request starting", StringComparison.Ordinal) && logLine.Contains("/feed.xml", StringComparison.Ordinal);

    [Theory]
    [InlineData("/api/v1/articles", "application/pdf")]
    [InlineData("/api/v1/feeds", "text/plain")]
    [InlineData("/api/v1/articles/batch", "text/html")]
    public async Task Post_UnsupportedMediaType_Returns415WithPX4007(string path, string mediaType)
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.PostAsync(path, new ByteArrayContent(Encoding.UTF8.GetBytes("x")) { Headers = { { "Content-Type", mediaType } } });

        // Then
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("PX4007", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostArticle_JsonArrayBody_Returns400()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.PostAsync("/api/v1/articles", ServerHarness.Text("[{\"text\": \"a\"}]", "application/json"));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PX4005", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }
}
