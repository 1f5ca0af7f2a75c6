using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Ingest;
using Parallax.Server.Ingestion;

namespace Parallax.Server.Endpoints;

/// <summary>One article as JSON, the same fields as a JSON Lines record (docs/schema.md); give text or html.</summary>
public sealed record ArticleInput
{
    /// <summary>The article as plain text.</summary>
    public string? Text { get; init; }

    /// <summary>The article as an HTML page or fragment (used when both are given).</summary>
    public string? Html { get; init; }

    /// <summary>Headline.</summary>
    public string? Title { get; init; }

    /// <summary>Publishing outlet.</summary>
    public string? Outlet { get; init; }

    /// <summary>Author or authors (a string, or an array of strings).</summary>
    public string? Author { get; init; }

    /// <summary>Canonical URL.</summary>
    public string? Url { get; init; }

    /// <summary>Publication date or time (ISO 8601, or Unix seconds).</summary>
    public string? Published { get; init; }

    /// <summary>BCP 47 language tag.</summary>
    public string? Language { get; init; }

    /// <summary>An identifier of your own.</summary>
    public string? Id { get; init; }
}

/// <summary>A feed to fetch.</summary>
public sealed record FeedRequest
{
    /// <summary>An absolute http(s) URL of an RSS or Atom feed (or of a single article page).</summary>
    public string? Url { get; init; }
}

/// <summary>POST /articles, /articles/batch and /feeds: every body goes through the CLI's reader and the single-writer queue.</summary>
internal static class IngestEndpoints
{
    private static readonly string[] MetadataKeys = ["title", "outlet", "author", "url", "published", "language", "id"];
    private static readonly string[] JsonTypes = ["application/json", "application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines", "text/plain"];
    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"];

    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Ingest");
        api.MapPost("/articles", PostArticleAsync)
            .WithName("PostArticle")
            .WithSummary("Ingest one article.")
            .WithDescription("JSON body {text|html, title, outlet, author, url, published, language}, or a raw text/plain, text/markdown, text/html or message/rfc822 body with metadata in the query (?title=…&outlet=…) or X-Parallax-<Field> headers. Needs X-Api-Key.")
            .Describe<ArticleInput>(["application/json"], ["text/plain", "text/markdown", "text/html", "message/rfc822"])
            .ProducesIngest();
        api.MapPost("/articles/batch", PostBatchAsync)
            .WithName("PostArticleBatch")
            .WithSummary("Ingest many articles: JSON Lines or a JSON array of article objects.")
            .WithDescription("Articles are committed in body order. Outcomes are listed per article; 207 when some failed. Needs X-Api-Key.")
            .Describe<ArticleInput[]>(["application/json"], ["application/x-ndjson"])
            .ProducesIngest();
        api.MapPost("/feeds", PostFeedAsync)
            .WithName("PostFeed")
            .WithSummary("Ingest an RSS/Atom feed: the feed document as the body, or {\"url\": …} to fetch it.")
            .WithDescription("URLs on loopback, link-local or private networks are refused (PX3009) unless the server runs with --allow-private-networks. Needs X-Api-Key.")
            .Describe<FeedRequest>(["application/json"], ["application/rss+xml", "application/atom+xml", "application/xml"])
            .ProducesIngest();
    }

    private static async Task<IResult> PostArticleAsync(HttpContext context, RequestInputs inputs, IngestQueue queue, ServerOptions options)
    {
        var ct = context.RequestAborted;
        var type = RequestBody.MediaType(context.Request);
        string? file = type switch
        {
            "application/json" => "article.jsonl",
            "text/plain" => "article.txt",
            "text/markdown" => "article.md",
            "text/html" or "application/xhtml+xml" => "article.html",
            "message/rfc822" => "article.eml",
            _ => null,
        };
        if (file is null)
        {
            return Problems.UnsupportedMediaType(
                $"{Problems.Format(ApiErrorCode.UnsupportedMediaType)}: POST /api/v1/articles reads application/json, text/plain, text/markdown, text/html or message/rfc822, not {type ?? "a body without Content-Type"}; for many articles use /api/v1/articles/batch, for feeds /api/v1/feeds.");
        }
        var (body, error) = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, ct);
        if (error is not null) return error;
        if (type == "application/json")
        {
            if (!TryOneLine(body!, requireObject: true, out var line, out var problem)) return Problems.BadRequest(problem!);
            body = line;
        }
        var items = await inputs.ReadBodyAsync(file, body, SidecarOf(context.Request), ct);
        return await RunAsync(context, queue, items, single: true);
    }

    private static async Task<IResult> PostBatchAsync(HttpContext context, RequestInputs inputs, IngestQueue queue, ServerOptions options)
    {
        var ct = context.RequestAborted;
        var type = RequestBody.MediaType(context.Request);
        if (type is not null && !JsonTypes.Contains(type, StringComparer.Ordinal))
        {
            return Problems.UnsupportedMediaType(
                $"{Problems.Format(ApiErrorCode.UnsupportedMediaType)}: POST /api/v1/articles/batch reads JSON Lines (application/x-ndjson) or a JSON array (application/json), not {type}.");
        }
        var (body, error) = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, ct);
        if (error is not null) return error;
        if (FirstByte(body!) == '[')
        {
            if (!TryArrayToLines(body!, out var lines, out var problem)) return Problems.BadRequest(problem!);
            body = lines;
        }
        var items = await inputs.ReadBodyAsync("batch.jsonl", body, SidecarOf(context.Request), ct);
        return await RunAsync(context, queue, items, single: false);
    }

    private static async Task<IResult> PostFeedAsync(HttpContext context, RequestInputs inputs, IngestQueue queue, ServerOptions options)
    {
        var ct = context.RequestAborted;
        var type = RequestBody.MediaType(context.Request);
        bool json = type == "application/json";
        if (!json && (type is null || !FeedTypes.Contains(type, StringComparer.Ordinal)))
        {
            return Problems.UnsupportedMediaType(
                $"{Problems.Format(ApiErrorCode.UnsupportedMediaType)}: POST /api/v1/feeds reads a feed document (application/rss+xml, application/atom+xml, application/xml) or application/json {{\"url\": \"https://…\"}}, not {type ?? "a body without Content-Type"}.");
        }
        var (body, error) = await RequestBody.ReadAsync(context.Request, options.MaxRequestBytes, ct);
        if (error is not null) return error;
        IReadOnlyList<IngestItem> items;
        if (json)
        {
            string? url;
            try
            {
                using var doc = JsonDocument.Parse(body);
                url = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
                    ? u.GetString() : null;
            }
            catch (JsonException ex)
            {
                return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: the body is not valid JSON ({ex.Message}); send {{\"url\": \"https://…\"}}.");
            }
            if (string.IsNullOrWhiteSpace(url))
                return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: the JSON body has no \"url\" string; send {{\"url\": \"https://…\"}}, or post the feed document itself as application/rss+xml.");
            items = await inputs.ReadUrlAsync(url, ct);
        }
        else
        {
            items = await inputs.ReadBodyAsync("feed.xml", body!, SidecarOf(context.Request), ct);
        }
        return await RunAsync(context, queue, items, single: false);
    }

    private static async Task<IResult> RunAsync(HttpContext context, IngestQueue queue, IReadOnlyList<IngestItem> items, bool single)
    {
        var response = await queue.EnqueueAsync(items, context.RequestAborted);
        int status = response.Status switch
        {
            IngestStatus.Stored => StatusCodes.Status201Created,
            IngestStatus.Unchanged => StatusCodes.Status200OK,
            IngestStatus.Partial => StatusCodes.Status207MultiStatus,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        if (single && response.Articles is [{ ArticleId: { } id, Outcome: not ArticleOutcomeKind.Failed }])
            context.Response.Headers.Location = "/api/v1/articles/" + id;
        return TypedResults.Json(response, statusCode: status);
    }

    /// <summary>Metadata from ?field= and X-Parallax-Field headers (the query wins), as a sidecar's JSON; null when there is none.</summary>
    private static string? SidecarOf(HttpRequest request)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in MetadataKeys)
        {
            var value = request.Query[key].FirstOrDefault();
            if (string.IsNullOrEmpty(value)) value = request.Headers["X-Parallax-" + key].FirstOrDefault();
            if (!string.IsNullOrEmpty(value)) fields[key] = value;
        }
        return fields.Count == 0 ? null : JsonSerializer.Serialize(fields);
    }

    private static int FirstByte(byte[] body)
    {
        int i = body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < body.Length ? body[i] : -1;
    }

    /// <summary>A JSON value written on one line, so it is one JSON Lines record.</summary>
    private static bool TryOneLine(byte[] body, bool requireObject, out byte[] line, out string? problem)
    {
        line = [];
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (requireObject && doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"{Problems.Format(ApiErrorCode.BadRequest)}: the body is a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an article object; send {{\"text\": \"…\", \"title\": \"…\"}}, or use /api/v1/articles/batch for a list.";
                return false;
            }
            line = Compact(doc.RootElement);
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"{Problems.Format(ApiErrorCode.BadRequest)}: the body is not valid JSON ({ex.Message}); send one article object.";
            return false;
        }
    }

    /// <summary>A JSON array as JSON Lines: element N becomes line N, so outcomes name it "#N".</summary>
    private static bool TryArrayToLines(byte[] body, out byte[] lines, out string? problem)
    {
        lines = [];
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            using var output = new MemoryStream();
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                output.Write(Compact(element));
                output.WriteByte((byte)'\n');
            }
            lines = output.ToArray();
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"{Problems.Format(ApiErrorCode.BadRequest)}: the body starts like a JSON array but is not valid JSON ({ex.Message}); send a JSON array of article objects, or JSON Lines.";
            return false;
        }
    }

    private static byte[] Compact(JsonElement element)
    {
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            element.WriteTo(writer);
        return output.ToArray();
    }
}
