using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Articles;
using Parallax.Core.Storage;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;

namespace Parallax.Server.Endpoints;

/// <summary>An article with every annotation. All text is a JSON string; offsets are UTF-16 code units into <see cref="Text"/>.</summary>
/// <param name="Id">Content hash.</param>
/// <param name="SourceId">Where it came from.</param>
/// <param name="Kind">How the raw text was cleaned ("plainText", "html").</param>
/// <param name="Encoding">The character encoding its bytes were decoded with.</param>
/// <param name="StoryId">Its story.</param>
/// <param name="DuplicateOf">The canonical article it copies, or null.</param>
/// <param name="DuplicateSimilarity">Similarity to it, or null.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
/// <param name="Metadata">{"chosen": {field: {value, source, confidence, evidence, rawSpan}}, "candidates": […]}: every value with its provenance.</param>
/// <param name="Text">The clean text, or null when the article was never cleaned.</param>
/// <param name="Paragraphs">Paragraph spans of the clean text.</param>
/// <param name="Removed">Blocks cleaning removed (reason, text, raw span, clean offset, detail).</param>
/// <param name="OffsetMap">Maps clean offsets back to raw offsets.</param>
/// <param name="Layers">Every other layer by name, as stored (docs/schema.md).</param>
public sealed record ArticleDetail(
    string Id, string SourceId, string Kind, string Encoding, string? StoryId, string? DuplicateOf, double? DuplicateSimilarity,
    DateTimeOffset IngestedAt, JsonObject Metadata, string? Text, JsonNode? Paragraphs, JsonNode? Removed, JsonNode? OffsetMap, JsonObject Layers);

/// <summary>An article's raw input, as a JSON string (never served as HTML).</summary>
/// <param name="Id">Content hash.</param>
/// <param name="SourceId">Where it came from.</param>
/// <param name="Kind">"plainText" or "html".</param>
/// <param name="Encoding">The encoding its bytes were decoded with.</param>
/// <param name="Raw">The decoded raw input.</param>
public sealed record ArticleRaw(string Id, string SourceId, string Kind, string Encoding, string Raw);

/// <summary>GET /articles, /articles/{id}, /articles/{id}/raw.</summary>
internal static class ArticleEndpoints
{
    /// <summary>
    /// The store's JSON contract (converters, names) with the default encoder, so markup in article text leaves the
    /// server escaped (\u003C) even inside layers: nothing in a response reads as HTML if it ends up in a page.
    /// </summary>
    private static readonly JsonSerializerOptions LayerOptions = new(DocumentJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Articles");
        api.MapGet("/articles", ListAsync)
            .WithName("ListArticles")
            .WithSummary("Articles in ingestion order (?offset=&limit=), or with ?q= full-text search results, best first (FTS syntax: \"phrase\", OR, NOT, prefix*).")
            .Produces<Page<ArticleSummary>>()
            .Produces<Page<SearchHit>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/articles/{id}", GetAsync)
            .WithName("GetArticle")
            .WithSummary("An article (id or unique prefix of 4+ characters) with clean text, paragraphs, removed blocks, metadata with provenance and every layer.")
            .Produces<ArticleDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/articles/{id}/raw", GetRawAsync)
            .WithName("GetArticleRaw")
            .WithSummary("The article's raw input as a JSON string.")
            .Produces<ArticleRaw>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, StoreHolder store, CancellationToken ct)
    {
        if (!Paging.TryRead(request, out var offset, out var limit, out var error)) return error!;
        var q = request.Query["q"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(q))
        {
            var stats = await store.Store.GetStatsAsync(ct);
            var page = await store.Store.ListArticlesAsync(offset, limit, ct);
            return TypedResults.Ok(new Page<ArticleSummary>(offset, limit, stats.Articles, page));
        }
        // The store ranks the best hits first; a page past the first asks for more and skips.
        var hits = await store.Store.SearchAsync(q, checked(offset + limit), ct);
        return TypedResults.Ok(new Page<SearchHit>(offset, limit, null, [.. hits.Skip(offset)]));
    }

    private static async Task<IResult> GetAsync(string id, StoreHolder store, CancellationToken ct)
    {
        var article = await store.Store.GetArticleAsync(id, ct);
        return article is null ? NoArticle(id) : TypedResults.Ok(Detail(article));
    }

    private static async Task<IResult> GetRawAsync(string id, StoreHolder store, CancellationToken ct)
    {
        var article = await store.Store.GetArticleAsync(id, ct);
        if (article is null) return NoArticle(id);
        var source = article.Document.Source;
        return TypedResults.Ok(new ArticleRaw(article.Id, source.SourceId, Camel(source.Kind.ToString()), source.Encoding, source.Raw));
    }

    internal static IResult NoArticle(string id) =>
        Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: no article matches '{id}' (or the prefix is ambiguous); GET /api/v1/articles lists them.");

    internal static ArticleDetail Detail(ArticleRecord article)
    {
        var doc = article.Document;
        var o = LayerOptions;
        var chosen = new JsonObject();
        foreach (var c in doc.Metadata.Chosen)
        {
            chosen[Camel(c.Field.ToString())] = new JsonObject
            {
                ["value"] = c.Value,
                ["source"] = JsonSerializer.SerializeToNode(c.Source, o),
                ["confidence"] = c.Confidence,
                ["evidence"] = c.Evidence,
                ["rawSpan"] = JsonSerializer.SerializeToNode(c.RawSpan, o),
            };
        }
        var metadata = new JsonObject
        {
            ["chosen"] = chosen,
            ["candidates"] = JsonSerializer.SerializeToNode(doc.Metadata.Candidates, o),
        };
        CleanedText? clean = doc.TryGet(Layers.Clean, out var c0) ? c0 : null;
        var layers = new JsonObject();
        foreach (var key in doc.LayerKeys.Where(k => !ReferenceEquals(k, Layers.Clean)).OrderBy(k => k.Name, StringComparer.Ordinal))
            layers[key.Name] = JsonSerializer.SerializeToNode(doc.GetUntyped(key), key.ValueType, o);
        return new ArticleDetail(
            article.Id, doc.Source.SourceId, Camel(doc.Source.Kind.ToString()), doc.Source.Encoding, article.StoryId, article.DuplicateOf,
            article.DuplicateOf is null ? null : article.DuplicateSimilarity, article.IngestedAt, metadata,
            clean?.Text,
            clean is null ? null : JsonSerializer.SerializeToNode(clean.Paragraphs, o),
            clean is null ? null : JsonSerializer.SerializeToNode(clean.Removed, o),
            clean is null ? null : JsonSerializer.SerializeToNode(clean.Map, o),
            layers);
    }

    internal static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
