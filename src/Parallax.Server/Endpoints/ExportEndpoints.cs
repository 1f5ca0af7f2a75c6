using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Parallax.Core.Articles;
using Parallax.Reporting.Export;

namespace Parallax.Server.Endpoints;

/// <summary>GET /export: the CLI's exporters (docs/schema.md) over the whole store or one story.</summary>
internal static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Export");
        api.MapGet("/export", ExportAsync)
            .WithName("Export")
            .WithSummary("The store (or ?story=) as ?format=json (default), jsonl or csv: the same bytes as `parallax export`.")
            .Produces<string>(StatusCodes.Status200OK, "application/json", "application/jsonl", "text/csv")
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
        if (format is null) return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?format={name} is not json, jsonl or csv.");

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

        var exporter = Exporters.For(format.Value);
        // The exporters write synchronously; the buffer keeps memory bounded (it spills to a temporary file) and the
        // response is then written asynchronously, as Kestrel requires.
        await using var buffer = new FileBufferingWriteStream();
        exporter.Write(stories, articles, buffer);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = exporter.MediaType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"parallax-export{exporter.FileExtension}\"";
        await buffer.DrainBufferAsync(context.Response.Body, ct);
        return TypedResults.Empty;
    }
}
