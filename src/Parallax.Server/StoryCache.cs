using System.Collections.Concurrent;
using Parallax.Core.Analysis;
using Parallax.Core.Articles;
using Parallax.Core.Storage;
using Parallax.Server.Endpoints;

namespace Parallax.Server;

/// <summary>
/// Keeps the story list, recently read story pages and story analyses between requests, for as long as the store's newest ingestion
/// sequence number is unchanged. Every write that can change a story (a save, by this server, the CLI or a worker on
/// another machine) stores an article and so raises that number; one cheap query per request (the newest sequence)
/// tells whether the cached answer still holds. Thread-safe.
/// </summary>
internal sealed class StoryCache
{
    // Story pages kept per sequence; when more are read the oldest half is not worth tracking: start over.
    private const int MaxStories = 512;

    private readonly Lock _gate = new();
    private long _sequence = -1;
    private IReadOnlyList<StoryRecord>? _stories;
    private ConcurrentDictionary<string, StoryDetail?> _details = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, StoryAnalysis?> _analyses = new(StringComparer.Ordinal);

    /// <summary>Every story, most recently updated first, as <see cref="IStore.ListStoriesAsync"/> returns it.</summary>
    public async Task<IReadOnlyList<StoryRecord>> StoriesAsync(IStore store, CancellationToken ct)
    {
        long seq = await CurrentAsync(store, ct);
        lock (_gate)
        {
            if (_sequence == seq && _stories is not null) return _stories;
        }
        var stories = await store.ListStoriesAsync(ct);
        lock (_gate)
        {
            // Kept only when no newer write was seen meanwhile.
            if (_sequence == seq) _stories = stories;
        }
        return stories;
    }

    /// <summary>A story page by id or prefix, built by <paramref name="build"/> on a miss; null when there is no such story.</summary>
    public async Task<StoryDetail?> DetailAsync(IStore store, string id, Func<CancellationToken, Task<StoryDetail?>> build, CancellationToken ct)
    {
        long seq = await CurrentAsync(store, ct);
        ConcurrentDictionary<string, StoryDetail?>? details;
        lock (_gate) details = _sequence == seq ? _details : null;
        if (details is not null && details.TryGetValue(id, out var hit)) return hit;
        var detail = await build(ct);
        lock (_gate)
        {
            if (_sequence == seq)
            {
                if (_details.Count >= MaxStories) _details = new(StringComparer.Ordinal);
                _details[id] = detail;
            }
        }
        return detail;
    }

    /// <summary>
    /// A story's cross-outlet analysis by id or prefix, built by <paramref name="build"/> on a miss; null when there is
    /// no such story. Dropped with everything else when an article is stored (ingest, CLI or worker).
    /// </summary>
    public async Task<StoryAnalysis?> AnalysisAsync(IStore store, string id, Func<CancellationToken, Task<StoryAnalysis?>> build, CancellationToken ct)
    {
        long seq = await CurrentAsync(store, ct);
        ConcurrentDictionary<string, StoryAnalysis?>? analyses;
        lock (_gate) analyses = _sequence == seq ? _analyses : null;
        if (analyses is not null && analyses.TryGetValue(id, out var hit)) return hit;
        var analysis = await build(ct);
        lock (_gate)
        {
            if (_sequence == seq)
            {
                if (_analyses.Count >= MaxStories) _analyses = new(StringComparer.Ordinal);
                _analyses[id] = analysis;
            }
        }
        return analysis;
    }

    private async Task<long> CurrentAsync(IStore store, CancellationToken ct)
    {
        long seq = await store.GetLastSequenceAsync(ct);
        lock (_gate)
        {
            if (seq != _sequence)
            {
                _sequence = seq;
                _stories = null;
                _details = new(StringComparer.Ordinal);
                _analyses = new(StringComparer.Ordinal);
            }
        }
        return seq;
    }
}
