using System.Net;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Pipeline;

namespace Parallax.Server.Tests;

public sealed class EntityEndpointsTests
{
    [Fact]
    public async Task ListEntities_SamplesWithEntityStage_AggregatesMentionsAcrossOutlets()
    {
        // Given: the standard pipeline (which includes the entity stage), the samples ingested through the API
        await using var h = await ServerHarness.StartAsync();
        await h.IngestSamplesAsync();

        // When
        var page = await ServerHarness.ReadJsonAsync(await h.Client.GetAsync("/api/v1/entities?limit=500"));

        // Then
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(page.GetProperty("total").GetInt32(), items.Count);
        var counts = items.Select(e => e.GetProperty("mentions").GetInt32()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        var top = items[0];
        Assert.True(top.GetProperty("articles").GetInt32() > 1);
        Assert.True(top.GetProperty("outlets").GetArrayLength() > 1);
        Assert.Equal(top.GetProperty("mentions").GetInt32(), top.GetProperty("names").EnumerateArray().Sum(n => n.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task GetEntity_TopEntity_ListsMentionsWhoseTextMatchesTheArticle()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();
        await h.IngestSamplesAsync();
        var top = (await ServerHarness.ReadJsonAsync(await h.Client.GetAsync("/api/v1/entities?limit=1"))).GetProperty("items")[0];
        var key = top.GetProperty("key").GetString()!;

        // When
        using var response = await h.Client.GetAsync("/api/v1/entities/" + Uri.EscapeDataString(key));
        var detail = await ServerHarness.ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mentions = detail.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(top.GetProperty("mentions").GetInt32(), mentions.Count);
        var first = mentions[0];
        var article = await ServerHarness.ReadJsonAsync(await h.Client.GetAsync("/api/v1/articles/" + first.GetProperty("articleId").GetString()));
        var text = article.GetProperty("text").GetString()!;
        int start = first.GetProperty("start").GetInt32(), end = first.GetProperty("end").GetInt32();
        Assert.Equal(first.GetProperty("text").GetString(), text[start..end]);
        Assert.True(article.GetProperty("layers").TryGetProperty("mentions", out _));
    }

    [Fact]
    public async Task ListEntities_WithoutEntityStage_IsEmpty()
    {
        // Given a pipeline without the entity stage and the quote and event stages that read its mentions (places stay: they are independent)
        var pipeline = DefaultPipeline.CreateBuilder().Remove<EntityStage>().Remove<Parallax.Nlp.Quotes.QuoteStage>().Remove<Parallax.Nlp.Events.EventStage>().Build();
        await using var h = await ServerHarness.StartAsync(o => o with { Pipeline = pipeline });
        await h.IngestSamplesAsync();

        // When
        var page = await ServerHarness.ReadJsonAsync(await h.Client.GetAsync("/api/v1/entities"));

        // Then
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListEntities_UnknownType_Returns400()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.Client.GetAsync("/api/v1/entities?type=planet");

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetEntity_Unknown_Returns404()
    {
        // Given
        await using var h = await ServerHarness.StartAsync();

        // When
        using var response = await h.Client.GetAsync("/api/v1/entities/" + Uri.EscapeDataString("per:nobody"));

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
