using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Analysis;
using Parallax.Nlp.Events;

namespace Parallax.Server.Endpoints;

/// <summary>A story event in the store-wide listing, with the story it belongs to.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="StoryLabel">The story's label.</param>
/// <param name="Event">The merged event with every supporting report (as <c>GET /stories/{id}/events</c> gives it).</param>
public sealed record StoreEventItem(string StoryId, string StoryLabel, StoryEvent Event);

/// <summary>The body of <c>GET /events</c>.</summary>
/// <param name="Offset">Events skipped.</param>
/// <param name="Limit">Most events asked for.</param>
/// <param name="Total">Events matching the filters.</param>
/// <param name="Events">This page: stories most recently updated first, each story's events in timeline order.</param>
public sealed record StoreEventPage(int Offset, int Limit, int Total, IReadOnlyList<StoreEventItem> Events);

/// <summary>A claim slot in the store-wide listing, with the story it belongs to.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="StoryLabel">The story's label.</param>
/// <param name="Claim">The slot with its verdict and every cited value.</param>
public sealed record StoreClaimItem(string StoryId, string StoryLabel, ClaimSlot Claim);

/// <summary>The body of <c>GET /claims</c>.</summary>
/// <param name="Offset">Claims skipped.</param>
/// <param name="Limit">Most claims asked for.</param>
/// <param name="Total">Claims matching the filters.</param>
/// <param name="Claims">This page: disagreements (contradictions, then discrepancies) first, then by story recency.</param>
public sealed record StoreClaimPage(int Offset, int Limit, int Total, IReadOnlyList<StoreClaimItem> Claims);

/// <summary>
/// GET /events and GET /claims: the story view's events and claim slots across every story of the store, filtered
/// and paged. Each story's analysis comes from the <see cref="StoryCache"/> (computed once per story until an article
/// is stored), so the first call after an ingest analyses every story and later calls are cheap.
/// </summary>
internal static class StoreAnalysisEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Stories");
        api.MapGet("/events", EventsAsync)
            .WithName("ListEvents")
            .WithSummary("Merged events of every story. Filters: ?story= (id), ?type= (PLOVER type), ?actor= (actor id or name, source or target), ?modality= (of any report), ?outlet=; ?offset=&limit= page.")
            .Produces<StoreEventPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/claims", ClaimsAsync)
            .WithName("ListClaims")
            .WithSummary("Claim slots of every story, disagreements first. Filters: ?story=, ?verdict= (contradiction, discrepancy, agreement, unique), ?kind= (quantity, event); ?offset=&limit= page.")
            .Produces<StoreClaimPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> EventsAsync(HttpRequest request, StoreHolder store, StoryCache cache, CancellationToken ct)
    {
        if (!Paging.TryRead(request, out var offset, out var limit, out var error)) return error!;
        string? type = Query(request, "type")?.ToUpperInvariant();
        string? actor = Query(request, "actor");
        string? outlet = Query(request, "outlet");
        EventModality? modality = null;
        if (Query(request, "modality") is { } m)
        {
            if (!Enum.TryParse<EventModality>(m, ignoreCase: true, out var parsed) || int.TryParse(m, CultureInfo.InvariantCulture, out _))
                return BadFilter("modality", m, string.Join(", ", Enum.GetNames<EventModality>().Select(n => n.ToLowerInvariant())));
            modality = parsed;
        }
        var items = new List<StoreEventItem>();
        await foreach (var (id, label, analysis) in AnalysesAsync(request, store, cache, ct))
        {
            foreach (var e in analysis.Events)
            {
                if (type is not null && !string.Equals(e.PloverType, type, StringComparison.Ordinal)) continue;
                if (actor is not null && !Names(e.Actor, actor) && !Names(e.Target, actor)) continue;
                if (modality is { } want && !e.Reports.Any(r => r.Modality == want)) continue;
                if (outlet is not null && !e.Reports.Any(r => string.Equals(r.Source.Outlet, outlet, StringComparison.OrdinalIgnoreCase))) continue;
                items.Add(new StoreEventItem(id, label, e));
            }
        }
        return TypedResults.Ok(new StoreEventPage(offset, limit, items.Count, [.. items.Skip(offset).Take(limit)]));
    }

    private static async Task<IResult> ClaimsAsync(HttpRequest request, StoreHolder store, StoryCache cache, CancellationToken ct)
    {
        if (!Paging.TryRead(request, out var offset, out var limit, out var error)) return error!;
        ClaimVerdict? verdict = null;
        if (Query(request, "verdict") is { } v)
        {
            if (!Enum.TryParse<ClaimVerdict>(v, ignoreCase: true, out var parsed) || int.TryParse(v, CultureInfo.InvariantCulture, out _))
                return BadFilter("verdict", v, "contradiction, discrepancy, agreement, unique");
            verdict = parsed;
        }
        ClaimKind? kind = null;
        if (Query(request, "kind") is { } k)
        {
            if (!Enum.TryParse<ClaimKind>(k, ignoreCase: true, out var parsed) || int.TryParse(k, CultureInfo.InvariantCulture, out _))
                return BadFilter("kind", k, "quantity, event");
            kind = parsed;
        }
        var items = new List<(int Story, StoreClaimItem Item)>();
        int storyOrder = 0;
        await foreach (var (id, label, analysis) in AnalysesAsync(request, store, cache, ct))
        {
            foreach (var c in analysis.Claims)
            {
                if (verdict is { } want && c.Verdict != want) continue;
                if (kind is { } wantKind && c.Kind != wantKind) continue;
                items.Add((storyOrder, new StoreClaimItem(id, label, c)));
            }
            storyOrder++;
        }
        // Stable: disagreements first across the store, then story recency, then the story's own order.
        var ordered = items.OrderBy(x => x.Item.Claim.Verdict).ThenBy(x => x.Story).Select(x => x.Item).ToList();
        return TypedResults.Ok(new StoreClaimPage(offset, limit, ordered.Count, [.. ordered.Skip(offset).Take(limit)]));
    }

    /// <summary>Every story's analysis (or only ?story='s), most recently updated story first.</summary>
    private static async IAsyncEnumerable<(string Id, string Label, StoryAnalysis Analysis)> AnalysesAsync(HttpRequest request, StoreHolder store,
        StoryCache cache, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? only = Query(request, "story");
        foreach (var story in await cache.StoriesAsync(store.Store, ct))
        {
            if (only is not null && !story.Id.StartsWith(only, StringComparison.Ordinal)) continue;
            var analysis = await StoryAnalysisEndpoints.AnalysisAsync(story.Id, store, cache, ct);
            if (analysis is not null) yield return (story.Id, story.Label, analysis);
        }
    }

    private static bool Names(StoryActor? who, string wanted) =>
        who is not null && (string.Equals(who.Key, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(who.Name, wanted, StringComparison.OrdinalIgnoreCase));

    private static string? Query(HttpRequest request, string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;

    private static IResult BadFilter(string name, string value, string allowed) =>
        Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?{name}={value} is not one of {allowed}.");
}
