using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Ner;

namespace Parallax.Server.Endpoints;

/// <summary>A surface form and how often it was written.</summary>
/// <param name="Name">The mention text as it appears in the clean text.</param>
/// <param name="Count">Mentions written this way.</param>
public sealed record NameCount(string Name, int Count);

/// <summary>One entity: every mention sharing a cluster key (the same referent) across stored articles.</summary>
/// <param name="Key">The cluster key ("actor:person:…" when linked, else a type letter and the normalised name).</param>
/// <param name="Name">The most frequent surface form (ties: ordinal order).</param>
/// <param name="Type">The most frequent entity type.</param>
/// <param name="ActorId">The knowledge-base actor, when linked.</param>
/// <param name="Mentions">Mentions across all articles.</param>
/// <param name="Articles">Articles mentioning it.</param>
/// <param name="Outlets">Distinct outlets of those articles, ordinal order.</param>
/// <param name="Names">Surface forms, most frequent first.</param>
public sealed record EntityItem(string Key, string Name, EntityType Type, string? ActorId, int Mentions, int Articles, IReadOnlyList<string> Outlets, IReadOnlyList<NameCount> Names);

/// <summary>One mention of an entity, with where it sits.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="StoryId">Its story.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Title">Its title.</param>
/// <param name="Start">Start offset in the article's clean text (UTF-16, inclusive).</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The mention text.</param>
/// <param name="Type">Entity type.</param>
/// <param name="Confidence">The tagger's confidence.</param>
/// <param name="LinkReason">How the link was decided.</param>
public sealed record EntityMentionItem(
    string ArticleId, string? StoryId, string? Outlet, string? Title, int Start, int End, string Text, EntityType Type, double Confidence, string LinkReason);

/// <summary>An entity with its mentions across outlets.</summary>
/// <param name="Entity">The aggregate.</param>
/// <param name="Mentions">Every mention, in ingestion order then text order.</param>
public sealed record EntityDetail(EntityItem Entity, IReadOnlyList<EntityMentionItem> Mentions);

/// <summary>
/// GET /entities and /entities/{key}: aggregates of the "mentions" layer (<see cref="EntityLayers.Mentions"/>) over
/// every stored article that has it. Articles analysed without the entity stage contribute nothing.
/// </summary>
internal static class EntityEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api = api.MapGroup("").WithTags("Entities");
        api.MapGet("/entities", ListAsync)
            .WithName("ListEntities")
            .WithSummary("Entities aggregated from the mentions layer, most mentioned first; ?q= filters by name, ?type= by type (person, organisation, location, norp, other); ?offset=&limit= page.")
            .Produces<Page<EntityItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/entities/{key}", GetAsync)
            .WithName("GetEntity")
            .WithSummary("One entity by cluster key (URL-encoded) with all its mentions across articles and outlets.")
            .Produces<EntityDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, StoreHolder store, CancellationToken ct)
    {
        if (!Paging.TryRead(request, out var offset, out var limit, out var error)) return error!;
        EntityType? type = null;
        var typeText = request.Query["type"].FirstOrDefault();
        if (!string.IsNullOrEmpty(typeText))
        {
            if (!Enum.TryParse<EntityType>(typeText, ignoreCase: true, out var t) || !Enum.IsDefined(t))
                return Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: ?type={typeText} is not person, organisation, location, norp or other.");
            type = t;
        }
        var q = request.Query["q"].FirstOrDefault();
        var all = (await CollectAsync(store, null, ct)).Values
            .Select(e => e.ToItem())
            .Where(e => type is null || e.Type == type)
            .Where(e => string.IsNullOrWhiteSpace(q) || e.Names.Any(n => n.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                || e.Key.Contains(q, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new Page<EntityItem>(offset, limit, all.Count, [.. all.Skip(offset).Take(limit)]));
    }

    private static async Task<IResult> GetAsync(string key, StoreHolder store, CancellationToken ct)
    {
        var found = await CollectAsync(store, key, ct);
        if (!found.TryGetValue(key, out var entity))
            return Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: no entity has the key '{key}'; GET /api/v1/entities lists them.");
        return TypedResults.Ok(new EntityDetail(entity.ToItem(), entity.Mentions));
    }

    /// <summary>Every entity (or only <paramref name="onlyKey"/>), read in one pass over the stored articles.</summary>
    private static async Task<Dictionary<string, Aggregate>> CollectAsync(StoreHolder store, string? onlyKey, CancellationToken ct)
    {
        var result = new Dictionary<string, Aggregate>(StringComparer.Ordinal);
        await foreach (var (_, article) in store.Store.ReadArticlesAsync(0, ct))
        {
            var doc = article.Document;
            if (!doc.TryGet(EntityLayers.Mentions, out var mentions) || !doc.Has(Layers.Clean)) continue;
            var text = doc.Text;
            foreach (var m in mentions)
            {
                if (m.ClusterKey is null || (onlyKey is not null && !string.Equals(m.ClusterKey, onlyKey, StringComparison.Ordinal))) continue;
                if (m.Span.Start < 0 || m.Span.End > text.Length || m.Span.End < m.Span.Start) continue;
                if (!result.TryGetValue(m.ClusterKey, out var agg)) result[m.ClusterKey] = agg = new Aggregate(m.ClusterKey);
                agg.Add(new EntityMentionItem(article.Id, article.StoryId, article.Outlet, article.Title, m.Span.Start, m.Span.End,
                    text[m.Span.Start..m.Span.End], m.Type, m.Confidence, m.LinkReason), m.ActorId);
            }
        }
        return result;
    }

    private sealed class Aggregate(string key)
    {
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<EntityType, int> _types = [];
        private readonly HashSet<string> _articles = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _outlets = new(StringComparer.Ordinal);
        private string? _actorId;

        public List<EntityMentionItem> Mentions { get; } = [];

        public void Add(EntityMentionItem mention, string? actorId)
        {
            Mentions.Add(mention);
            _names[mention.Text] = _names.GetValueOrDefault(mention.Text) + 1;
            _types[mention.Type] = _types.GetValueOrDefault(mention.Type) + 1;
            _articles.Add(mention.ArticleId);
            if (mention.Outlet is not null) _outlets.Add(mention.Outlet);
            _actorId ??= actorId;
        }

        public EntityItem ToItem()
        {
            var names = _names.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new NameCount(p.Key, p.Value)).ToList();
            var type = _types.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
            return new EntityItem(key, names[0].Name, type, _actorId, Mentions.Count, _articles.Count, [.. _outlets], names);
        }
    }
}
