using System.Net;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class AlertEndpointsTests
{
    [Fact]
    public async Task Ingest_WithAWatchRule_RaisesAlertsListedByTheApi()
    {
        // Given: a rule on talks in Vienna, put in through the API before the articles arrive
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);

        // When
        var outcomes = await harness.IngestSamplesAsync();
        using var response = await harness.Client.GetAsync("/api/v1/alerts");

        // Then
        int raised = outcomes.Sum(o => o.GetProperty("alerts").GetInt32());
        Assert.True(raised > 0, "the samples' talks in Vienna raise alerts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal(raised, page.GetProperty("total").GetInt32());
        Assert.Equal("newest", page.GetProperty("order").GetString());
        var alerts = page.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(raised, alerts.Count);
        Assert.All(alerts, a =>
        {
            Assert.Equal("talks-in-vienna", a.GetProperty("ruleId").GetString());
            Assert.Equal("vienna-area", a.GetProperty("zoneId").GetString());
            Assert.Equal("Vienna", a.GetProperty("placeName").GetString());
            Assert.True(a.GetProperty("distanceKm").GetDouble() <= 25);
            Assert.Contains(a.GetProperty("ploverType").GetString(), new[] { "CONSULT", "AGREE" });
            Assert.StartsWith("s-", a.GetProperty("storyId").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(a.GetProperty("sentenceText").GetString()));
            Assert.Equal(2, a.GetProperty("sentence").GetArrayLength());
        });
        Assert.Contains("new alerts", harness.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestBatch_WithAWatchRule_RaisesTheAlertsToo()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        var text = await File.ReadAllTextAsync(Directory.GetFiles(ServerHarness.SamplesFolder, "01-*.txt").Single());

        // When
        using var response = await harness.PostAsync("/api/v1/articles/batch", ServerHarness.Json(new[] { new { text, outlet = "The Meridian Post" } }));
        var outcome = await ServerHarness.ReadJsonAsync(response);
        var page = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts?article=" + outcome.GetProperty("articles")[0].GetProperty("articleId").GetString()));

        // Then
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(outcome.GetProperty("alerts").GetInt32() > 0);
        Assert.Equal(outcome.GetProperty("alerts").GetInt32(), page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Recheck_RulesAddedAfterIngest_StoresNewAlertsOnce()
    {
        // Given: the articles first, the rule after
        await using var harness = await ServerHarness.StartAsync();
        var outcomes = await harness.IngestSamplesAsync();
        await WatchRulesText.InstallAsync(harness);

        // When
        var first = await ServerHarness.ReadJsonAsync(await harness.PostAsync("/api/v1/alerts/recheck", new StringContent("")));
        var second = await ServerHarness.ReadJsonAsync(await harness.PostAsync("/api/v1/alerts/recheck", new StringContent("")));
        var page = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts"));

        // Then
        Assert.All(outcomes, o => Assert.Equal(0, o.GetProperty("alerts").GetInt32()));
        Assert.Equal(1, first.GetProperty("rules").GetInt32());
        Assert.Equal(outcomes.Count(o => o.GetProperty("status").GetString() == "stored"), first.GetProperty("articles").GetInt32());
        Assert.True(first.GetProperty("newAlerts").GetInt32() > 0);
        Assert.Equal(0, second.GetProperty("newAlerts").GetInt32());
        Assert.Equal(first.GetProperty("newAlerts").GetInt32(), page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Recheck_WithoutKey_Returns401()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();

        // When
        using var response = await harness.PostAsync("/api/v1/alerts/recheck", new StringContent(""), key: null);

        // Then
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListAlerts_Filters_SelectByRuleArticleStoryAndSince()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        await harness.IngestSamplesAsync();
        var all = (await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts"))).GetProperty("alerts").EnumerateArray().ToList();
        var article = all[0].GetProperty("articleId").GetString()!;
        var story = all[0].GetProperty("storyId").GetString()!;

        // When
        async Task<JsonElement> Get(string query) => await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts" + query));
        var byRule = await Get("?rule=talks-in-vienna");
        var otherRule = await Get("?rule=nothing-like-it");
        var byArticle = await Get("?article=" + article[..8]);
        var byStory = await Get("?story=" + story);
        var future = await Get("?since=2999-01-01");
        var past = await Get("?since=2000-01-01T00:00:00Z");

        // Then
        Assert.Equal(all.Count, byRule.GetProperty("total").GetInt32());
        Assert.Equal(0, otherRule.GetProperty("total").GetInt32());
        Assert.Equal(all.Count(a => a.GetProperty("articleId").GetString() == article), byArticle.GetProperty("total").GetInt32());
        Assert.All(byArticle.GetProperty("alerts").EnumerateArray(), a => Assert.Equal(article, a.GetProperty("articleId").GetString()));
        Assert.Equal(all.Count(a => a.GetProperty("storyId").GetString() == story), byStory.GetProperty("total").GetInt32());
        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.Equal(all.Count, past.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListAlerts_OrderAndPaging_OldestIsNewestReversed()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        await WatchRulesText.InstallAsync(harness);
        await harness.IngestSamplesAsync();

        // When
        var newest = (await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts"))).GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var oldest = (await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts?order=oldest"))).GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var second = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/api/v1/alerts?offset=1&limit=1"));

        // Then
        Assert.True(newest.Count >= 2);
        Assert.Equal(newest, Enumerable.Reverse(oldest));
        Assert.Equal(newest.Count, second.GetProperty("total").GetInt32());
        Assert.Equal(newest[1], Assert.Single(second.GetProperty("alerts").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("?order=sideways")]
    [InlineData("?since=last-tuesday")]
    [InlineData("?limit=0")]
    public async Task ListAlerts_BadParameter_Returns400(string query)
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();

        // When
        using var response = await harness.Client.GetAsync("/api/v1/alerts" + query);

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PX4005", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Ingest_RuleFileBrokenOnDisk_Returns409WithTheRuleErrorAndStoresNothing()
    {
        // Given
        await using var harness = await ServerHarness.StartAsync();
        Directory.CreateDirectory(Path.Combine(harness.DataDirectory, "rules"));
        await File.WriteAllTextAsync(Path.Combine(harness.DataDirectory, "rules", "broken.rules"), "[rule x]\nevent-type = PARLEY\n");

        // When
        using var response = await harness.PostAsync("/api/v1/articles", ServerHarness.Text("Talks opened in Vienna on Monday between the two delegations.", "text/plain"));
        var health = await ServerHarness.ReadJsonAsync(await harness.Client.GetAsync("/health"));

        // Then
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal("PX5003", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Equal(0, health.GetProperty("articles").GetInt32());
    }
}
