using System.Net;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary>The samples served by a real server (no browser), for the read endpoints the UI adds.</summary>
public sealed class SamplesServerFixture : IAsyncLifetime
{
    private string? _dataDir;

    public Parallax.Server.ParallaxServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string StoryId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        (Server, _dataDir) = await WorkbenchFixture.StartServerAsync(webRoot: null);
        Client = new HttpClient { BaseAddress = new Uri(Server.Addresses[0]) };
        await WorkbenchFixture.IngestSamplesAsync(Client);
        var stories = await GetJsonAsync("/api/v1/stories");
        StoryId = stories.GetProperty("items").EnumerateArray().OrderByDescending(s => s.GetProperty("articleCount").GetInt32()).First().GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS only leaves a temporary folder behind.
        }
    }
}

public sealed class StoryViewEndpointsTests(SamplesServerFixture fixture) : IClassFixture<SamplesServerFixture>
{
    [Fact]
    public async Task GetPlaces_SamplesStory_EveryMentionIsTheWordsAtItsSpan()
    {
        // Given the samples' story
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);

        // When its places are read
        var places = await fixture.GetJsonAsync($"/api/v1/stories/{fixture.StoryId}/places");

        // Then places have coordinates, come most mentioned first, and every mention quotes its article exactly
        var list = places.GetProperty("places").EnumerateArray().ToList();
        Assert.NotEmpty(list);
        var counts = list.Select(p => p.GetProperty("mentions").GetArrayLength()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        foreach (var place in list)
        {
            Assert.InRange(place.GetProperty("latitude").GetDouble(), -90, 90);
            Assert.InRange(place.GetProperty("longitude").GetDouble(), -180, 180);
            foreach (var m in place.GetProperty("mentions").EnumerateArray().Concat(places.GetProperty("unresolved").EnumerateArray()))
            {
                var id = m.GetProperty("articleId").GetString()!;
                if (!texts.TryGetValue(id, out var text))
                    texts[id] = text = (await fixture.GetJsonAsync("/api/v1/articles/" + id)).GetProperty("text").GetString()!;
                Assert.Equal(text[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()], m.GetProperty("text").GetString());
            }
        }
    }

    [Fact]
    public async Task GetTimeline_SamplesStory_CalendarValuesInOrderWithTheirSentence()
    {
        // Given the samples' story
        // When its timeline is read
        var timeline = await fixture.GetJsonAsync($"/api/v1/stories/{fixture.StoryId}/timeline");

        // Then entries are calendar values in ordinal order, each attributed to an article whose sentence holds its words
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        var values = entries.Select(e => e.GetProperty("value").GetString()!).ToList();
        Assert.Equal(values.Order(StringComparer.Ordinal), values);
        Assert.All(values, v => Assert.Matches("^[0-9]{4}", v));
        foreach (var e in entries.Where(e => e.GetProperty("kind").GetString() == "date"))
        {
            var words = e.GetProperty("source").GetProperty("text").GetString()!;
            Assert.Equal(words, e.GetProperty("label").GetString());
            Assert.Contains(words, e.GetProperty("context").GetString()!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("places")]
    [InlineData("timeline")]
    public async Task GetStoryView_UnknownStory_Is404Problem(string view)
    {
        // Given no story with this id
        // When its view is asked for
        using var response = await fixture.Client.GetAsync($"/api/v1/stories/s-0000000000/{view}");

        // Then the answer is a 404 problem naming it
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PX4004", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("no story matches 's-0000000000'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
