using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using System.Text.Json;
using Parallax.Core.Articles;
using Parallax.Nlp.Places;
using Parallax.Reporting.Export;

namespace Parallax.Server.Endpoints;

/// <summary>
/// GET /export: every format of `parallax export` (docs/schema.md) over the whole store or one story: json, jsonl,
/// csv (the articles table, or ?table= one of the story view's tables) and geojson (the resolved places).
/// </summary>
internal static class ExportEndpoints
{
    private const string GeoJsonType = "application/geo+json";

    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Export");
        api.MapGet("/export", ExportAsync)
            .WithName("Export")
            .WithSummary("The store (or ?story=) as ?format=json (default), jsonl, csv (?table=articles, events, quotes, quantities, claims or framing) or geojson: the same bytes as `parallax export`.")
            .Produces<string>(StatusCodes.Status200OK, "application/json", "application/jsonl", "text/csv", GeoJsonType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, StoreHolder store)
    {
        var ct = context.RequestAborted;
        var name = context.Request.Query["format"].FirstOrDefault() ?? "json";
        ExportFormat? format = name switch
        {
            "json" => ExportFormat.Json,
            "jsonl" => ExportFormat.JsonLines,
            "csv" => ExportFormat.Csv,
            _ => null,
        };
        bool geoJson = string.Equals(name, "geojson", StringComparison.Ordinal);
        if (format is null && !geoJson) return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?format={name} is not json, jsonl, csv or geojson.");
        var tableName = context.Request.Query["table"].FirstOrDefault();
        var table = CsvTable.Articles;
        if (!string.IsNullOrEmpty(tableName))
        {
            if (format != ExportFormat.Csv)
                return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?table= applies to ?format=csv only.");
            if (!Enum.TryParse(tableName, ignoreCase: true, out table) || !tableName.All(char.IsAsciiLetterLower))
                return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?table={tableName} is not one of {string.Join(", ", Enum.GetNames<CsvTable>().Select(n => n.ToLowerInvariant()))}.");
        }

        // Same selection and order as `parallax export`.
        var stories = (await store.Store.ListStoriesAsync(ct)).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var articles = new List<ArticleRecord>();
        var only = context.Request.Query["story"].FirstOrDefault();
        if (!string.IsNullOrEmpty(only))
        {
            var view = await store.Store.GetStoryAsync(only, ct);
            if (view is null) return StoryEndpoints.NoStory(only);
            stories = [view.Story];
            articles.AddRange(view.Articles);
        }
        else
        {
            await foreach (var (_, a) in store.Store.ReadArticlesAsync(0, ct)) articles.Add(a);
        }

        // The exporters write synchronously; the buffer keeps memory bounded (it spills to a temporary file) and the
        // response is then written asynchronously, as Kestrel requires.
        await using var buffer = new FileBufferingWriteStream();
        string mediaType, extension;
        if (geoJson)
        {
            WriteGeoJson(articles, buffer);
            (mediaType, extension) = (GeoJsonType, ".geojson");
        }
        else
        {
            var exporter = format == ExportFormat.Csv ? new CsvExporter(table) : Exporters.For(format!.Value);
            exporter.Write(stories, articles, buffer);
            (mediaType, extension) = (exporter.MediaType, exporter.FileExtension);
        }
        var fileName = "parallax-export" + (table == CsvTable.Articles ? "" : "-" + table.ToString().ToLowerInvariant()) + extension;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await buffer.DrainBufferAsync(context.Response.Body, ct);
        return TypedResults.Empty;
    }

    /// <summary>
    /// A GeoJSON FeatureCollection of the articles' resolved places, one feature per place with the articles naming it,
    /// as `parallax export --format geojson` writes it; duplicates are left out so a syndicated copy does not count twice.
    /// </summary>
    private static void WriteGeoJson(IEnumerable<ArticleRecord> articles, Stream output)
    {
        var places = articles
            .Where(a => a.DuplicateOf is null)
            .SelectMany(a => a.Document.TryGet(PlaceLayers.Places, out var found) ? found.Select(p => (a.Id, p)) : []);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        PlaceGeoJson.Write(places, writer);
    }
}
