using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Storage;
using Parallax.Core.Watch;
using Parallax.Server.Ingestion;
using Parallax.Server.Watch;

namespace Parallax.Server.Endpoints;

/// <summary>One stored alert with its evidence, and where its article is.</summary>
/// <param name="Id">The stable alert key (rule, article, event).</param>
/// <param name="RuleId">The rule that matched.</param>
/// <param name="RuleTitle">The rule's title when it matched.</param>
/// <param name="ArticleId">The article.</param>
/// <param name="StoryId">The article's story, when known.</param>
/// <param name="Outlet">The article's outlet, when known.</param>
/// <param name="Title">The article's headline, when known.</param>
/// <param name="EventId">The event within the article ("e3").</param>
/// <param name="PloverType">The event's PLOVER type.</param>
/// <param name="Predicate">The event's trigger lemma.</param>
/// <param name="SentenceText">The sentence of the event.</param>
/// <param name="Sentence">That sentence as [start, end) UTF-16 offsets into the article's clean text.</param>
/// <param name="PlaceName">The event's place as written, or null.</param>
/// <param name="Latitude">The place's latitude, or null.</param>
/// <param name="Longitude">The place's longitude, or null.</param>
/// <param name="ZoneId">The zone of the first spatial condition met, or null.</param>
/// <param name="DistanceKm">The place's distance to that zone's shape (0 inside), or null.</param>
/// <param name="SourceActorId">The acting participant's actor id, or null.</param>
/// <param name="TargetActorId">The target's actor id, or null.</param>
/// <param name="EventDate">The event's date (TimeML), or null.</param>
/// <param name="Matched">One line per condition met.</param>
/// <param name="RaisedAt">When the alert was raised (UTC).</param>
public sealed record AlertItem(
    string Id, string RuleId, string RuleTitle, string ArticleId, string? StoryId, string? Outlet, string? Title, string EventId,
    string PloverType, string Predicate, string SentenceText, int[] Sentence, string? PlaceName, double? Latitude, double? Longitude,
    string? ZoneId, double? DistanceKm, string? SourceActorId, string? TargetActorId, string? EventDate, IReadOnlyList<string> Matched,
    DateTimeOffset RaisedAt);

/// <summary>The body of <c>GET /alerts</c>: one page of the alerts matching the filters.</summary>
/// <param name="Offset">Alerts skipped.</param>
/// <param name="Limit">Most alerts asked for.</param>
/// <param name="Total">Alerts matching the filters.</param>
/// <param name="Order">"newest" (default) or "oldest" first, by the time raised.</param>
/// <param name="Alerts">This page.</param>
public sealed record AlertPage(int Offset, int Limit, int Total, string Order, IReadOnlyList<AlertItem> Alerts);

/// <summary>The body of <c>POST /alerts/recheck</c>.</summary>
/// <param name="Articles">Stored articles checked.</param>
/// <param name="Rules">Rules checked.</param>
/// <param name="NewAlerts">Alerts stored by this run (alerts already stored are kept once).</param>
public sealed record AlertRecheck(int Articles, int Rules, int NewAlerts);

/// <summary>GET /alerts and POST /alerts/recheck.</summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Alerts");
        api.MapGet("/alerts", ListAsync)
            .WithName("ListAlerts")
            .WithSummary("Stored alerts, newest first (?order=oldest for oldest first), filtered by ?rule=, ?story=, ?article= (id or prefix) and ?since= (ISO 8601), paged by ?offset= and ?limit=.")
            .Produces<AlertPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/alerts/recheck", RecheckAsync)
            .WithName("RecheckAlerts")
            .WithSummary("Check the current watch rules against every stored article and store the new alerts once (as `parallax alerts --recheck`). Needs X-Api-Key.")
            .WithDescription("409 with the PX5xxx code when the rule files on disk do not load.")
            .Produces<AlertRecheck>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequiresKey();
    }

    private static async Task<IResult> ListAsync(HttpContext context, StoreHolder holder)
    {
        var ct = context.RequestAborted;
        var query = context.Request.Query;
        if (!Paging.TryRead(context.Request, out int offset, out int limit, out var error)) return error!;
        var order = query["order"].FirstOrDefault() ?? "newest";
        if (order is not ("newest" or "oldest"))
            return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?order={order} is not newest or oldest.");
        DateTimeOffset? since = null;
        if (query["since"].FirstOrDefault() is { Length: > 0 } s)
        {
            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?since={s} is not an ISO 8601 date or date-time (2026-11-23 or 2026-11-23T10:00:00Z).");
            since = parsed;
        }
        var store = holder.Store;
        string? articleId = null;
        if (query["article"].FirstOrDefault() is { Length: > 0 } a)
        {
            var found = await store.GetArticleAsync(a, ct);
            if (found is null) return ArticleEndpoints.NoArticle(a);
            articleId = found.Id;
        }
        HashSet<string>? storyArticles = null;
        string? storyId = query["story"].FirstOrDefault();
        if (!string.IsNullOrEmpty(storyId))
        {
            var view = await store.GetStoryAsync(storyId, ct);
            if (view is null) return StoryEndpoints.NoStory(storyId);
            storyArticles = view.Articles.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        }
        var rule = query["rule"].FirstOrDefault();

        // The store lists oldest first; the filters it lacks (story, since) and the page are applied here.
        var all = await store.ListAlertsAsync(new AlertQuery(string.IsNullOrEmpty(rule) ? null : rule, articleId), ct);
        IEnumerable<Alert> selected = all;
        if (storyArticles is not null) selected = selected.Where(x => storyArticles.Contains(x.ArticleId));
        if (since is { } from) selected = selected.Where(x => x.RaisedAt >= from);
        var matching = selected.ToList();
        if (order == "newest") matching.Reverse();
        var page = matching.Skip(offset).Take(limit).ToList();

        var summaries = page.Count == 0
            ? new Dictionary<string, ArticleSummary>(StringComparer.Ordinal)
            : (await store.ListArticlesAsync(0, int.MaxValue, ct)).ToDictionary(x => x.Id, StringComparer.Ordinal);
        var items = page.Select(x =>
        {
            summaries.TryGetValue(x.ArticleId, out var art);
            return new AlertItem(x.Id, x.RuleId, x.RuleTitle, x.ArticleId, art?.StoryId, art?.Outlet, art?.Title, x.EventId, x.PloverType, x.Predicate,
                x.SentenceText, [x.Sentence.Start, x.Sentence.End], x.PlaceName, x.Latitude, x.Longitude, x.ZoneId, x.DistanceKm, x.SourceActorId,
                x.TargetActorId, x.EventDate, x.Matched.IsDefault ? [] : [.. x.Matched], x.RaisedAt);
        }).ToList();
        return TypedResults.Ok(new AlertPage(offset, limit, matching.Count, order, items));
    }

    private static async Task<IResult> RecheckAsync(HttpContext context, IngestQueue queue, StoreHolder holder, WatchRules rules, ServerOptions options)
    {
        var loaded = rules.Current();
        if (loaded.Error is { } broken) return BrokenRules(broken);
        var watch = loaded.Evaluator;
        // Through the single writer, so the alerts are stored between ingest runs, never inside one.
        var result = await queue.RunExclusiveAsync(async ct =>
        {
            int articles = 0, added = 0;
            if (watch is null) return new AlertRecheck(await CountAsync(holder.Store, ct), 0, 0);
            var now = options.Time.GetUtcNow();
            await foreach (var (_, article) in holder.Store.ReadArticlesAsync(0, ct))
            {
                articles++;
                var alerts = watch.Evaluate(article.Document, now);
                if (!alerts.IsEmpty) added += await holder.Store.SaveAlertsAsync(alerts, ct);
            }
            return new AlertRecheck(articles, watch.Rules.Rules.Length, added);
        }, context.RequestAborted);
        return TypedResults.Ok(result);
    }

    private static async Task<int> CountAsync(IStore store, CancellationToken ct) => (await store.GetStatsAsync(ct)).Articles;

    /// <summary>409: the rule files on disk do not load, so nothing can be checked until they are fixed.</summary>
    internal static IResult BrokenRules(WatchRuleException ex) =>
        TypedResults.Problem(
            detail: ex.Message + " (fix the file with PUT /api/v1/watches/{id}, or on disk)",
            statusCode: StatusCodes.Status409Conflict,
            title: "Watch rules do not load",
            type: "urn:parallax:error:PX" + ((int)ex.Code).ToString(CultureInfo.InvariantCulture),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = "PX" + ((int)ex.Code).ToString(CultureInfo.InvariantCulture),
                ["file"] = Path.GetFileName(ex.File),
                ["line"] = ex.Line,
            });
}
