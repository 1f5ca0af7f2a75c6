using System.Text;
using System.Text.Json;
using Parallax.Reporting.Export;

namespace Parallax.Reporting.Tests;

/// <summary>Dates in the exports: the publication date's provenance in CSV, the temporal layers in JSON.</summary>
public sealed class DateExportTests
{
    private static List<string[]> CsvRows(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    [Fact]
    public void CsvWrite_FerryStory_PublishedSourceSaysWhereEachDateCameFrom()
    {
        // Given articles dated by JSON-LD, by a feed, not at all, and by inference from the text
        var view = TimelineStories.FerryStrike();
        using var output = new MemoryStream();

        // When exported as CSV (no field in this story needs quoting)
        new CsvExporter().Write([view], output);
        var rows = CsvRows(Encoding.UTF8.GetString(output.ToArray()));
        int published = Array.IndexOf(rows[0], "published"), source = Array.IndexOf(rows[0], "published_source");

        // Then the column gives each chosen date's source, and nothing for an undated article
        Assert.Equal(["jsonLd", "feed", "", "inferred", "user"], rows.Skip(1).Select(r => r[source]));
        Assert.Equal(["2024-03-07", "2024-03-06", "", "2024-03-07", "2024-03-06"], rows.Skip(1).Select(r => r[published]));
    }

    [Fact]
    public void JsonWrite_AnalysedArticle_LayersHoldTimexesAndAnchorAsDocumented()
    {
        // Given the ferry story
        var view = TimelineStories.FerryStrike();
        using var output = new MemoryStream();

        // When exported as JSON
        new JsonExporter().Write([view], output);
        using var json = JsonDocument.Parse(output.ToArray());
        var layers = json.RootElement.GetProperty("documents")[0].GetProperty("layers");

        // Then the layers carry the fields docs/schema.md lists, in that order
        var planned = layers.GetProperty("timexes")[2];
        Assert.Equal(["id", "span", "type", "value", "modifier", "anchorTimexId", "role", "resolution", "confidence"],
            planned.EnumerateObject().Select(p => p.Name));
        Assert.Equal("claimedOrPlanned", planned.GetProperty("role").GetString());
        Assert.Equal("date", planned.GetProperty("type").GetString());
        Assert.Equal("2024-03-18", planned.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Array, planned.GetProperty("span").ValueKind);
        var anchor = layers.GetProperty("anchor");
        Assert.Equal(["date", "source", "confidence", "explanation", "isUsable"], anchor.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-03-07", anchor.GetProperty("date").GetString());
        Assert.Equal("known", anchor.GetProperty("source").GetString());
    }
}
