using Parallax.Core.Articles;
using Parallax.Core.Storage;
using Parallax.Core.Stories;
using Parallax.Core.Watch;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Time;

namespace Parallax.Core.Processing;

/// <summary>What happened to one input.</summary>
public enum ProcessingEventKind
{
    /// <summary>Analysed and stored.</summary>
    Stored,
    /// <summary>Already in the store (same content hash); nothing changed.</summary>
    AlreadyStored,
    /// <summary>Could not be analysed; the message says why.</summary>
    Failed,
}

/// <summary>One progress event, raised in input order for stored articles.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="SourceId">The input.</param>
/// <param name="ArticleId">Content hash, when known.</param>
/// <param name="StoryId">The story it joined, when stored.</param>
/// <param name="DuplicateOf">The canonical article it copies, when it is a duplicate.</param>
/// <param name="Message">Error text for failures.</param>
/// <param name="StoryScore">How strongly the article matched its story (0 when it opened a new one).</param>
public sealed record ProcessingEvent(ProcessingEventKind Kind, string SourceId, string? ArticleId, string? StoryId, string? DuplicateOf, string? Message, double StoryScore = 0);

/// <summary>Totals of one run; <paramref name="Alerts"/> counts the watch-rule alerts newly stored.</summary>
public sealed record ProcessingSummary(int Stored, int AlreadyStored, int Failed, int Duplicates, int NewStories, int Alerts = 0);

/// <summary>Options for <see cref="ArticleProcessor"/>.</summary>
/// <param name="MaxParallelism">Documents analysed at once (default: processor count).</param>
/// <param name="SnapshotEvery">Save the story index after this many stored articles (and at the end).</param>
/// <param name="Watch">Watch rules checked on the events of each newly stored article; each match is stored as an
/// <see cref="Alert"/> right after its article (null: no rules).</param>
public sealed record ProcessingOptions(int MaxParallelism = 0, int SnapshotEvery = 200, WatchEvaluator? Watch = null)
{
    internal int EffectiveParallelism => MaxParallelism > 0 ? MaxParallelism : Environment.ProcessorCount;
}

/// <summary>
/// Runs the per-document pipeline over a stream of sources and commits the results to the store: analysis runs in
/// parallel, while story assignment and storing happen one article at a time in input order, so the same inputs
/// always give the same store. Interrupted runs resume: articles already stored are skipped by content hash, and the
/// story index is rebuilt from its last snapshot plus the articles stored after it.
/// </summary>
/// <remarks>One run at a time per store. Failures of single documents are reported as events, never thrown;
/// cancellation throws <see cref="OperationCanceledException"/> after the articles committed so far are safely stored.</remarks>
public sealed class ArticleProcessor
{
    private readonly DocumentPipeline _pipeline;
    private readonly IStore _store;
    private readonly TimeProvider _time;
    private readonly ProcessingOptions _options;

    /// <summary>Creates a processor over a pipeline and a store.</summary>
    public ArticleProcessor(DocumentPipeline pipeline, IStore store, TimeProvider? time = null, ProcessingOptions? options = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? TimeProvider.System;
        _options = options ?? new ProcessingOptions();
    }

    /// <summary>Loads the story index: the last snapshot, then every article stored after it replayed in order.</summary>
    public static async Task<(StoryIndex Index, long Sequence)> LoadIndexAsync(IStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (snapshot, seq) = await store.LoadIndexSnapshotAsync(cancellationToken).ConfigureAwait(false);
        StoryIndex index;
        try
        {
            index = snapshot is null ? StoryIndex.Create() : StoryIndex.Load(snapshot);
        }
        catch (InvalidDataException)
        {
            // A snapshot this build cannot read (damaged, or from another version) is rebuilt by replaying every article.
            index = StoryIndex.Create();
            seq = 0;
        }
        await foreach (var (s, article) in store.ReadArticlesAsync(seq, cancellationToken).ConfigureAwait(false))
        {
            index.Add(ToStoryInput(article.Document));
            seq = s;
        }
        return (index, seq);
    }

    /// <summary>Processes the sources; see the class remarks for ordering and resume guarantees.</summary>
    public async Task<ProcessingSummary> RunAsync(
        IAsyncEnumerable<DocumentSource> sources,
        Action<ProcessingEvent>? onEvent = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var (index, _) = await LoadIndexAsync(_store, cancellationToken).ConfigureAwait(false);
        var committer = new OrderedCommitter(this, index, onEvent);
        var numbered = Number(sources, committer, cancellationToken);
        try
        {
            await _pipeline.RunBatchAsync(numbered, (o, ct) => committer.OnOutcomeAsync(o, ct), _options.EffectiveParallelism, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            // Save what was committed, even when cancelled, so the next run replays less.
            await committer.SnapshotAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return committer.Summary();
    }

    private async IAsyncEnumerable<DocumentSource> Number(IAsyncEnumerable<DocumentSource> sources, OrderedCommitter committer,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var source in sources.WithCancellation(ct).ConfigureAwait(false))
        {
            if (!seen.Add(source.ContentHash) || await _store.ContainsAsync(source.ContentHash, ct).ConfigureAwait(false))
            {
                committer.Report(new ProcessingEvent(ProcessingEventKind.AlreadyStored, source.SourceId, source.ContentHash, null, null, null));
                continue;
            }
            committer.Register(source);
            yield return source;
        }
    }

    /// <summary>
    /// What story clustering sees of an analysed document: its clean text (raw text before cleaning), title and outlet,
    /// and the publication date only when a reader, the page or a text cue supplied it (an inferred date stays out).
    /// </summary>
    public static StoryInput ToStoryInput(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var meta = doc.Metadata;
        // Only a supplied date drives the recency decay; a date the temporal stage inferred stays out of clustering.
        var published = PublicationDate.Supplied(meta);
        return new StoryInput(doc.Id, doc.Has(Layers.Clean) ? doc.Text : doc.Raw, meta.Value(MetadataField.Title), published, meta.Value(MetadataField.Outlet));
    }

    /// <summary>Commits outcomes strictly in input order, whatever order analysis finishes in.</summary>
    private sealed class OrderedCommitter(ArticleProcessor owner, StoryIndex index, Action<ProcessingEvent>? onEvent)
    {
        private readonly Dictionary<DocumentSource, long> _numbers = new(ReferenceEqualityComparer.Instance);
        private readonly SortedDictionary<long, DocumentOutcome> _ready = [];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Lock _eventGate = new();
        private long _next;
        private long _registered;
        private int _sinceSnapshot;
        private int _stored, _already, _failed, _duplicates, _newStories, _alerts;

        public void Register(DocumentSource source)
        {
            lock (_numbers) _numbers[source] = _registered++;
        }

        public void Report(ProcessingEvent e)
        {
            lock (_eventGate)
            {
                if (e.Kind == ProcessingEventKind.AlreadyStored) _already++;
                onEvent?.Invoke(e);
            }
        }

        public async ValueTask OnOutcomeAsync(DocumentOutcome outcome, CancellationToken ct)
        {
            long n;
            lock (_numbers) n = _numbers[outcome.Source];
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                _ready[n] = outcome;
                while (_ready.Remove(_next, out var o))
                {
                    // Storing is not cancelled midway: a started commit finishes so the store stays consistent.
                    await CommitAsync(o, CancellationToken.None).ConfigureAwait(false);
                    lock (_numbers) _numbers.Remove(o.Source);
                    _next++;
                    ct.ThrowIfCancellationRequested();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task CommitAsync(DocumentOutcome o, CancellationToken ct)
        {
            if (!o.Succeeded)
            {
                _failed++;
                Report(new ProcessingEvent(ProcessingEventKind.Failed, o.Source.SourceId, o.Source.ContentHash, null, null, o.Error!.Message));
                return;
            }
            var doc = o.Document!;
            var decision = index.Add(ToStoryInput(doc));
            if (!decision.NewStory) await StoryDating.ApplyAsync(doc, decision.StoryId, owner._store, ct).ConfigureAwait(false);
            var now = owner._time.GetUtcNow();
            var summary = index.Stories.First(s => string.Equals(s.Id, decision.StoryId, StringComparison.Ordinal));
            var story = new StoryRecord(decision.StoryId, summary.Label, [], summary.KeyTerms, now, now);
            var record = new ArticleRecord(doc, decision.StoryId, decision.DuplicateOf, decision.DuplicateSimilarity, now);
            bool saved = await owner._store.SaveAsync(record, story, ct).ConfigureAwait(false);
            if (!saved)
            {
                Report(new ProcessingEvent(ProcessingEventKind.AlreadyStored, o.Source.SourceId, doc.Id, null, null, null));
                return;
            }
            _stored++;
            // Alerts follow their article in a second transaction; were the process killed in between,
            // `parallax alerts --recheck` raises them again (alert ids are stable, so nothing is doubled).
            if (owner._options.Watch is { } watch && watch.Evaluate(doc, now) is { IsEmpty: false } alerts)
                _alerts += await owner._store.SaveAlertsAsync(alerts, ct).ConfigureAwait(false);
            if (decision.DuplicateOf is not null) _duplicates++;
            if (decision.NewStory) _newStories++;
            Report(new ProcessingEvent(ProcessingEventKind.Stored, o.Source.SourceId, doc.Id, decision.StoryId, decision.DuplicateOf, null,
                decision.NewStory ? 0 : decision.Score));
            if (++_sinceSnapshot >= owner._options.SnapshotEvery) await SnapshotCoreAsync(ct).ConfigureAwait(false);
        }

        public async Task SnapshotAsync(CancellationToken ct)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (_sinceSnapshot > 0) await SnapshotCoreAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task SnapshotCoreAsync(CancellationToken ct)
        {
            // The snapshot covers every stored article: take the store's latest sequence rather than counting here.
            long latest = await owner._store.GetLastSequenceAsync(ct).ConfigureAwait(false);
            await owner._store.SaveIndexSnapshotAsync(index.Save(), latest, ct).ConfigureAwait(false);
            _sinceSnapshot = 0;
        }

        public ProcessingSummary Summary() => new(_stored, _already, _failed, _duplicates, _newStories, _alerts);
    }
}
