using Parallax.Core.Articles;
using Parallax.Reporting.Export;

namespace Parallax.Cli;

/// <summary>Maps the CLI's --format names to the exporters.</summary>
internal static class Exports
{
    public static ExportFormat Parse(string name) => name switch
    {
        "json" => ExportFormat.Json,
        "jsonl" => ExportFormat.JsonLines,
        "csv" => ExportFormat.Csv,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use json, jsonl or csv."),
    };

    public static void Write(string format, IEnumerable<StoryRecord> stories, IEnumerable<ArticleRecord> articles, Stream output)
    {
        if (string.Equals(format, "geojson", StringComparison.Ordinal))
        {
            WriteGeoJson(articles, output);
            return;
        }
        Exporters.For(Parse(format)).Write(stories, articles, output);
    }

    /// <summary>A GeoJSON FeatureCollection of the resolved places of the articles (one feature per place, with the
    /// articles that name it); duplicates are left out so a syndicated copy does not count twice.</summary>
    private static void WriteGeoJson(IEnumerable<ArticleRecord> articles, Stream output)
    {
        var places = articles
            .Where(a => a.DuplicateOf is null)
            .SelectMany(a => a.Document.TryGet(Parallax.Nlp.Places.PlaceLayers.Places, out var found)
                ? found.Select(p => (a.Id, p))
                : []);
        using var writer = new System.Text.Json.Utf8JsonWriter(output, new System.Text.Json.JsonWriterOptions { Indented = true });
        Parallax.Nlp.Places.PlaceGeoJson.Write(places, writer);
    }
}
