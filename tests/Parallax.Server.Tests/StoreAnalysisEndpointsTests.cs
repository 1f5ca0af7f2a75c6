using System.Net;
using System.Text.Json;

namespace Parallax.Server.Tests;

public sealed class StoreAnalysisEndpointsTests(SamplesFixture fixture) : IClassFixture<SamplesFixture>
{
    private HttpClient Client => fixture.Harness.Client;

    private async Task<List<string>> StoryIdsAsync() =>
        [.. (await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories?limit=500"))).GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("id").GetString()!)];

    private async Task<int> StoryEventCountAsync(string id) =>
        (await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/stories/{id}/events"))).GetProperty("events").GetArrayLength();

    [Fact]
    public async Task ListEvents_NoFilter_HoldsEveryStorysEventsWithTheirStory()
    {
        // Given the sample stories and their own event lists
        var ids = await StoryIdsAsync();
        int expected = 0;
        foreach (var id in ids) expected += await StoryEventCountAsync(id);

        // When the store-wide list is read in full
        var page = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/events?limit=500"));

        // Then it holds them all, each naming a listed story
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Math.Min(expected, 500), events.Count);
        Assert.All(events, e => Assert.Contains(e.GetProperty("storyId").GetString(), ids));
        Assert.All(events, e => Assert.NotEmpty(e.GetProperty("event").GetProperty("reports").EnumerateArray()));
    }

    [Fact]
    public async Task ListEvents_ByTypeAndPaged_KeepsOnlyThatTypeAndPagesConsistently()
    {
        // Given the type of the first event in the store
        var all = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/events?limit=500"));
        var type = all.GetProperty("events")[0].GetProperty("event").GetProperty("ploverType").GetString()!;

        // When filtered by it (lower case, as a user types it), one event per page
        var first = await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/events?type={type.ToLowerInvariant()}&limit=1"));
        var total = first.GetProperty("total").GetInt32();
        var last = await ServerHarness.ReadJsonAsync(await Client.GetAsync($"/api/v1/events?type={type}&limit=1&offset={total - 1}"));

        // Then every page holds only that type, and the total counts exactly the events of that type
        Assert.Equal(all.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("event").GetProperty("ploverType").GetString() == type), total);
        Assert.Equal(type, first.GetProperty("events")[0].GetProperty("event").GetProperty("ploverType").GetString());
        Assert.Equal(type, last.GetProperty("events")[0].GetProperty("event").GetProperty("ploverType").GetString());
    }

    [Fact]
    public async Task ListClaims_DisagreementsComeFirst()
    {
        // When every claim of the store is listed
        var claims = (await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/claims?limit=500"))).GetProperty("claims").EnumerateArray()
            .Select(c => c.GetProperty("claim").GetProperty("verdict").GetString()!).ToList();

        // Then verdicts run contradiction, discrepancy, agreement, unique
        string[] order = ["Contradiction", "Discrepancy", "Agreement", "Unique"];
        var ranks = claims.Select(v => Array.FindIndex(order, o => string.Equals(o, v, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.NotEmpty(ranks);
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task ListClaims_ByVerdict_KeepsOnlyThatVerdict()
    {
        var page = await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/claims?verdict=unique&limit=500"));
        Assert.All(page.GetProperty("claims").EnumerateArray(),
            c => Assert.Equal("unique", c.GetProperty("claim").GetProperty("verdict").GetString(), ignoreCase: true));
    }

    [Theory]
    [InlineData("/api/v1/events?modality=rumoured")]
    [InlineData("/api/v1/events?modality=3")]
    [InlineData("/api/v1/claims?verdict=maybe")]
    [InlineData("/api/v1/claims?kind=opinion")]
    [InlineData("/api/v1/events?limit=0")]
    public async Task List_BadFilter_Returns400NamingIt(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ServerHarness.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
        Assert.Contains(url.Split('?')[1].Split('=')[0], problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
