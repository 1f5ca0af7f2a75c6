using System.Net;
using System.Text.Json;
using Parallax.Reporting.Export;

namespace Parallax.Server.Tests;

public sealed class ExportEndpointsTests(SamplesFixture fixture) : IClassFixture<SamplesFixture>
{
    private HttpClient Client => fixture.Harness.Client;

    private int Stored => fixture.Outcomes.Count(o => o.GetProperty("status").GetString() == "stored");

    [Fact]
    public async Task Export_JsonLines_HeaderThenOneParsableLinePerRecord()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?format=jsonl");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("parallax-export.jsonl", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(Stored, records.Count(r => r.TryGetProperty("type", out var t) && t.GetString() == "document"));
    }

    [Fact]
    public async Task Export_CsvArticles_HeaderIsTheExportersColumnsAndOneRowPerArticle()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?format=csv");
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Then
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(string.Join(",", CsvExporter.Columns), rows[0]);
        Assert.Equal(Stored, rows.Length - 1);
    }

    [Theory]
    [InlineData("events", "story_id,event_id,plover_type")]
    [InlineData("quotes", "story_id,article_id,outlet,quote_id")]
    [InlineData("quantities", "story_id,article_id,outlet,quantity_id")]
    [InlineData("claims", "story_id,claim_id,kind")]
    [InlineData("framing", "story_id,article_id,outlet,words")]
    public async Task Export_CsvTable_WritesThatTableWithRows(string table, string headerStart)
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?format=csv&table=" + table);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"parallax-export-{table}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith(headerStart + ",", rows[0], StringComparison.Ordinal);
        Assert.True(rows.Length > 1, $"the samples give {table} rows");
    }

    [Fact]
    public async Task Export_GeoJson_IsAFeatureCollectionOfResolvedPlaces()
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export?format=geojson");
        var doc = await ServerHarness.ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("parallax-export.geojson", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("FeatureCollection", doc.GetProperty("type").GetString());
        var features = doc.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            var geometry = f.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            double lon = geometry.GetProperty("coordinates")[0].GetDouble(), lat = geometry.GetProperty("coordinates")[1].GetDouble();
            Assert.InRange(lon, -180, 180);
            Assert.InRange(lat, -90, 90);
            Assert.Equal(JsonValueKind.Object, f.GetProperty("properties").ValueKind);
        });
        Assert.Contains(features, f => f.GetProperty("properties").GetRawText().Contains("Vienna", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_OneStoryGeoJson_OnlyThatStorysPlaces()
    {
        // Given
        var story = (await ServerHarness.ReadJsonAsync(await Client.GetAsync("/api/v1/stories"))).GetProperty("items")[0].GetProperty("id").GetString();

        // When
        using var response = await Client.GetAsync($"/api/v1/export?format=geojson&story={story}");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("FeatureCollection", (await ServerHarness.ReadJsonAsync(response)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("?format=xml")]
    [InlineData("?format=csv&table=everything")]
    [InlineData("?format=json&table=events")]
    public async Task Export_BadFormatOrTable_Returns400(string query)
    {
        // When
        using var response = await Client.GetAsync("/api/v1/export" + query);

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PX4005", (await ServerHarness.ReadJsonAsync(response)).GetProperty("code").GetString());
    }
}
