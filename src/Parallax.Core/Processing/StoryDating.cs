using Parallax.Core.Storage;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Time;

namespace Parallax.Core.Processing;

/// <summary>
/// The cross-document temporal step: after an article is assigned to a story and before it is stored, an article whose
/// own text fixed no publication day (anchor unknown or uncertain) is re-anchored against the articles already in its story
/// (<see cref="StoryAnchoring.Reanchor"/>), and the result is written to <see cref="TimeLayers.StoryAnchor"/> and
/// <see cref="TimeLayers.StoryTimexes"/>. Incremental: only the incoming article is touched; the stored ones are read.
/// </summary>
/// <remarks>Stateless; safe to call from one commit at a time per document.</remarks>
public static class StoryDating
{
    /// <summary>At most this many story articles (the most recently added) are read as evidence, bounding the cost per article.</summary>
    public const int MaxNeighbours = 50;

    private static readonly TemporalTagger Tagger = new();

    /// <summary>
    /// Re-anchors <paramref name="document"/> against its story when it needs it and the story helps.
    /// </summary>
    /// <param name="document">The analysed article, not yet stored.</param>
    /// <param name="storyId">The story it was assigned to.</param>
    /// <param name="store">The store holding the story's other articles.</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <returns>True when the story layers were written.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static async Task<bool> ApplyAsync(Document document, string storyId, IStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(store);
        if (document.Has(TimeLayers.StoryAnchor) || !document.TryGet(TimeLayers.Anchor, out var own) || !StoryAnchoring.NeedsHelp(own)) return false;
        var story = await store.GetStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
        if (story is null) return false;
        var neighbours = new List<StoryNeighbour>();
        foreach (var article in story.Articles.Reverse().Take(MaxNeighbours))
        {
            var doc = article.Document;
            if (string.Equals(doc.Id, document.Id, StringComparison.Ordinal) || !doc.Has(Layers.Clean)) continue;
            if (!TimeLayers.TryGetAnchor(doc, out var anchor) || !TimeLayers.TryGetTimexes(doc, out var timexes)) continue;
            neighbours.Add(new StoryNeighbour(article.Outlet ?? doc.Id[..Math.Min(8, doc.Id.Length)], doc.Text, anchor, timexes));
        }
        var result = StoryAnchoring.Reanchor(document.Text, own, neighbours, Tagger);
        if (result is null) return false;
        document.Set(TimeLayers.StoryAnchor, result.Anchor);
        document.Set(TimeLayers.StoryTimexes, result.Timexes);
        return true;
    }
}
