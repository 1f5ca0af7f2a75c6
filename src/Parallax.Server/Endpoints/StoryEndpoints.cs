using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Reporting;
using Parallax.Server.Security;

namespace Parallax.Server.Endpoints;

/// <summary>A story in a listing.</summary>
/// <param name="Id">"s-…".</param>
/// <param name="Label">Short human label.</param>
/// <param name="KeyTerms">Most characteristic terms, strongest first.</param>
/// <param name="ArticleCount">Member articles, duplicates included.</param>
/// <param name="CreatedAt">When it was opened (UTC).</param>
/// <param name="UpdatedAt">When an article last joined (UTC).</param>
public sealed record StoryItem(string Id, string Label, IReadOnlyList<string> KeyTerms, int ArticleCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An article as listed inside a story.</summary>
/// <param name="Id">Content hash.</param>
/// <param name="SourceId">Where it came from.</param>
/// <param name="Title">Chosen title.</param>
/// <param name="Outlet">Chosen outlet.</param>
/// <param name="Author">Chosen author.</param>
/// <param name="Published">Chosen publication date (ISO 8601).</param>
/// <param name="Language">Chosen language.</param>
/// <param name="Url">Chosen URL.</param>
/// <param name="DuplicateOf">The canonical article it copies, or null.</param>
/// <param name="DuplicateSimilarity">Similarity to it, or null.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
public sealed record StoryArticle(
    string Id, string SourceId, string? Title, string? Outlet, string? Author, string? Published, string? Language, string? Url,
    string? DuplicateOf, double? DuplicateSimilarity, DateTimeOffset IngestedAt);

/// <summary>A story with its articles.</summary>
/// <param name="Id">"s-…".</param>
/// <param name="Label">Short human label.</param>
/// <param name="KeyTerms">Most characteristic terms, strongest first.</param>
/// <param name="CreatedAt">When it was opened (UTC).</param>
/// <param name="UpdatedAt">When an article last joined (UTC).</param>
/// <param name="Outlets">Distinct outlets of its articles, in article order.</param>
/// <param name="Articles">Its articles in ingestion order.</param>
public sealed record StoryDetail(
    string Id, string Label, IReadOnlyList<string> KeyTerms, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Outlets, IReadOnlyList<StoryArticle> Articles);

/// <summary>GET /stories, /stories/{id}, /stories/{id}/report.</summary>
internal static class StoryEndpoints
{
    private static readonly StoryReportWriter Writer = new(ReportRegistry.CreateDefault());

    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Stories");
        api.MapGet("/stories", ListAsync)
            .WithName("ListStories")
            .WithSummary("Stories, most recently updated first; ?q= keeps those whose label or key terms contain every word; ?offset=&limit= page.")
            .Produces<Page<StoryItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/stories/{id}", GetAsync)
            .WithName("GetStory")
            .WithSummary("A story (id or unique prefix of 4+ characters) with its articles.")
            .Produces<StoryDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stories/{id}/report", ReportAsync)
            .WithName("GetStoryReport")
            .WithSummary("The story report: ?format=html (default; self-contained, all article text escaped, no scripts) or md.")
            .Produces<string>(StatusCodes.Status200OK, "text/html", "text/markdown")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, StoreHolder store, StoryCache cache, CancellationToken ct)
    {
        if (!Paging.TryRead(request, out var offset, out var limit, out var error)) return error!;
        var stories = await cache.StoriesAsync(store.Store, ct);
        var q = request.Query["q"].FirstOrDefault();
        IEnumerable<StoryRecord> matching = stories;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            matching = stories.Where(s => words.All(w =>
                s.Label.Contains(w, StringComparison.OrdinalIgnoreCase)
                || (!s.KeyTerms.IsDefault && s.KeyTerms.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase)))));
        }
        var all = matching.ToList();
        var items = all.Skip(offset).Take(limit).Select(Item).ToList();
        return TypedResults.Ok(new Page<StoryItem>(offset, limit, all.Count, items));
    }

    private static async Task<IResult> GetAsync(string id, StoreHolder store, StoryCache cache, CancellationToken ct)
    {
        // The page needs a few fields per article, but the store loads each article with all its layers: build it once
        // per store change, not once per request.
        var detail = await cache.DetailAsync(store.Store, id, async token =>
        {
            var view = await store.Store.GetStoryAsync(id, token);
            if (view is null) return null;
            var s = view.Story;
            var outlets = view.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return new StoryDetail(s.Id, s.Label, Terms(s), s.CreatedAt, s.UpdatedAt, outlets, [.. view.Articles.Select(Article)]);
        }, ct);
        return detail is null ? NoStory(id) : TypedResults.Ok(detail);
    }

    private static async Task<IResult> ReportAsync(string id, HttpContext context, StoreHolder store)
    {
        var format = context.Request.Query["format"].FirstOrDefault() ?? "html";
        if (format is not ("html" or "md"))
            return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?format={format} is not html or md.");
        var view = await store.Store.GetStoryAsync(id, context.RequestAborted);
        if (view is null) return NoStory(id);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        if (format == "html")
        {
            Writer.WriteHtml(view, writer);
            // The report is the one HTML the API renders: its own policy allows its inline styles and nothing else.
            context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ReportPolicy;
            return TypedResults.Text(writer.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
        }
        Writer.WriteMarkdown(view, writer);
        return TypedResults.Text(writer.ToString(), "text/markdown; charset=utf-8", Encoding.UTF8);
    }

    internal static IResult NoStory(string id) =>
        Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: no story matches '{id}' (or the prefix is ambiguous); GET /api/v1/stories lists them.");

    internal static StoryItem Item(StoryRecord s) =>
        new(s.Id, s.Label, Terms(s), s.ArticleIds.IsDefault ? 0 : s.ArticleIds.Length, s.CreatedAt, s.UpdatedAt);

    private static IReadOnlyList<string> Terms(StoryRecord s) => s.KeyTerms.IsDefault ? [] : s.KeyTerms;

    private static StoryArticle Article(ArticleRecord a)
    {
        var m = a.Document.Metadata;
        return new StoryArticle(a.Id, a.Document.Source.SourceId, a.Title, a.Outlet, m.Value(MetadataField.Author), m.Value(MetadataField.Published),
            m.Value(MetadataField.Language), m.Value(MetadataField.Url), a.DuplicateOf, a.DuplicateOf is null ? null : a.DuplicateSimilarity, a.IngestedAt);
    }
}
