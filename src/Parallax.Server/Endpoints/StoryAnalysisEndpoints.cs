using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Core.Analysis;

namespace Parallax.Server.Endpoints;

/// <summary>
/// GET /stories/{id}/analysis, /events, /claims, /framing and /network: the cross-outlet story view
/// (<see cref="StoryAnalyzer"/>) over the story's stored articles. The analysis is a pure function of the story's
/// articles (near-duplicates are left out), so it is computed once and kept in the <see cref="StoryCache"/> until
/// an article is stored.
/// </summary>
internal static class StoryAnalysisEndpoints
{
    // The analyzer holds only the shipped knowledge base and lexicon, and is thread-safe to share.
    private static readonly Lazy<StoryAnalyzer> Analyzer = new(() => new StoryAnalyzer(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Stories");
        api.MapGet("/stories/{id}/analysis", (string id, StoreHolder store, StoryCache cache, CancellationToken ct) => Get(id, store, cache, a => a, ct))
            .WithName("GetStoryAnalysis")
            .WithSummary("The story view: merged events with their reports, claim slots (disagreements first), framing per article, actor network and a cited summary.")
            .Produces<StoryAnalysis>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stories/{id}/events", (string id, StoreHolder store, StoryCache cache, CancellationToken ct) => Get(id, store, cache, a => new { events = a.Events }, ct))
            .WithName("GetStoryEvents").WithSummary("Merged story events, each with every supporting report.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stories/{id}/claims", (string id, StoreHolder store, StoryCache cache, CancellationToken ct) => Get(id, store, cache, a => new { claims = a.Claims }, ct))
            .WithName("GetStoryClaims").WithSummary("Claim slots with their verdicts, disagreements first, each value cited.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stories/{id}/framing", (string id, StoreHolder store, StoryCache cache, CancellationToken ct) => Get(id, store, cache, a => new { framing = a.Framing }, ct))
            .WithName("GetStoryFraming").WithSummary("Labels, loaded verbs, hedge rate and sources per article.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stories/{id}/network", (string id, StoreHolder store, StoryCache cache, CancellationToken ct) => Get(id, store, cache, a => a.Network, ct))
            .WithName("GetStoryNetwork").WithSummary("Actors and the events between them, by PLOVER type.").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Get<T>(string id, StoreHolder store, StoryCache cache, Func<StoryAnalysis, T> pick, CancellationToken ct)
    {
        var analysis = await AnalysisAsync(id, store, cache, ct);
        return analysis is null ? StoryEndpoints.NoStory(id) : TypedResults.Ok(pick(analysis));
    }

    /// <summary>The story's analysis from the cache, computed on a miss; null when there is no such story.</summary>
    internal static Task<StoryAnalysis?> AnalysisAsync(string id, StoreHolder store, StoryCache cache, CancellationToken ct) =>
        cache.AnalysisAsync(store.Store, id, async c =>
        {
            var view = await store.Store.GetStoryAsync(id, c);
            return view is null ? null : Analyzer.Value.Analyze(view);
        }, ct);
}
