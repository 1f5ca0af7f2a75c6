using Parallax.Core.Articles;
using Parallax.Core.Processing;
using Parallax.Core.Storage;
using Parallax.Core.Stories;
using Parallax.Core.Watch;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Core.Queue;

/// <summary>Options for <see cref="QueueWorker"/>.</summary>
/// <param name="SnapshotEvery">Save the story index after this many articles stored by this worker (and on dispose).</param>
public sealed record QueueWorkerOptions(int SnapshotEvery = 200)
{
    /// <summary>
    /// Called after an article is analysed and before its story assignment and save; a fault-injection point for
    /// tests (a worker that stalls here holds an unacknowledged, unstored message). Null: nothing.
    /// </summary>
    public Func<DocumentSource, CancellationToken, Task>? BeforeCommit { get; init; }

    /// <summary>Called after an article is saved and before its message is acknowledged. Null: nothing.</summary>
    public Func<DocumentSource, CancellationToken, Task>? AfterCommit { get; init; }

    /// <summary>
    /// Watch rules checked on the events of each article this worker stores; each match is stored as an
    /// <see cref="Alert"/> before the message is acknowledged. A redelivered message whose article is already stored
    /// has its alerts checked again (alert ids are stable, so nothing is doubled), so a worker killed between the
    /// article and its alerts loses none. Null: no rules.
    /// </summary>
    public WatchEvaluator? Watch { get; init; }
}

/// <summary>
/// Handles queued articles for <c>parallax worker</c>: reads the message, runs the pipeline, assigns the story and
/// saves, and answers whether the message may be acknowledged. Many handler calls may run at once (analysis runs in
/// parallel); story assignment and saving run one at a time under an <see cref="IStoreWriteLock"/> that every worker
/// of the store shares.
/// </summary>
/// <remarks>
/// <para>Story assignment over a shared store: the worker keeps a story index in memory. Under the write lock it first
/// catches up, replaying every article stored after the last one it has seen (by other workers), then adds the new
/// article and saves it. So decisions are made one at a time in commit (sequence) order, exactly as replaying the store
/// would make them: the index any process later rebuilds from the store agrees with the stored story ids, and no two
/// workers can open two stories for what one index would group together.</para>
/// <para>Exactly once: an article already in the store (same content hash: a redelivery after a crash, or the same
/// text published twice) is acknowledged without a second copy. A message that can never succeed (unreadable, altered,
/// or an analysis error) is answered <see cref="DeliveryAction.DeadLetter"/> with the error; a store failure
/// propagates, so the queue requeues the message. Thread-safe. Events are raised one at a time.</para>
/// </remarks>
public sealed class QueueWorker : IAsyncDisposable
{
    private readonly DocumentPipeline _pipeline;
    private readonly IStore _store;
    private readonly IStoreWriteLock _writeLock;
    private readonly TimeProvider _time;
    private readonly QueueWorkerOptions _options;
    private readonly Action<ProcessingEvent>? _onEvent;
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly Lock _eventGate = new();
    private StoryIndex? _index;
    private long _sequence;
    private int _sinceSnapshot;

    /// <summary>Creates a worker over a pipeline, the shared store and the store's write lock.</summary>
    public QueueWorker(DocumentPipeline pipeline, IStore store, IStoreWriteLock writeLock, TimeProvider? time = null,
        QueueWorkerOptions? options = null, Action<ProcessingEvent>? onEvent = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _writeLock = writeLock ?? throw new ArgumentNullException(nameof(writeLock));
        _time = time ?? TimeProvider.System;
        _options = options ?? new QueueWorkerOptions();
        _onEvent = onEvent;
    }

    /// <summary>
    /// Processes one delivery. Returns <see cref="DeliveryVerdict.Ack"/> once the article is committed (or was already
    /// stored), and a dead-letter verdict for bad input. Throws <see cref="OperationCanceledException"/> when cancelled
    /// before the commit started (a started commit always finishes), and <see cref="StoreException"/> when the store
    /// fails; the queue then requeues the message.
    /// </summary>
    public async Task<DeliveryVerdict> HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        DocumentSource source;
        try
        {
            source = ArticleMessage.Deserialize(delivery.Body.Span);
        }
        catch (ArticleMessageException ex)
        {
            Report(new ProcessingEvent(ProcessingEventKind.Failed, "(queue message)", null, null, null, ex.Message));
            return new DeliveryVerdict(DeliveryAction.DeadLetter, ex.Message);
        }

        // A cheap check before the costly analysis: most redeliveries after a crash are already stored.
        if (await _store.ContainsAsync(source.ContentHash, cancellationToken).ConfigureAwait(false))
        {
            if (delivery.Redelivered && _options.Watch is not null
                && await _store.GetArticleAsync(source.ContentHash, cancellationToken).ConfigureAwait(false) is { } stored)
                await SaveAlertsAsync(stored.Document, cancellationToken).ConfigureAwait(false);
            Report(new ProcessingEvent(ProcessingEventKind.AlreadyStored, source.SourceId, source.ContentHash, null, null, null));
            return DeliveryVerdict.Ack;
        }

        Document doc;
        try
        {
            doc = await Task.Run(() => _pipeline.Process(source, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Report(new ProcessingEvent(ProcessingEventKind.Failed, source.SourceId, source.ContentHash, null, null, ex.Message));
            return new DeliveryVerdict(DeliveryAction.DeadLetter, ex.Message);
        }

        if (_options.BeforeCommit is { } before) await before(source, cancellationToken).ConfigureAwait(false);
        var verdict = await CommitAsync(source, doc, cancellationToken).ConfigureAwait(false);
        // Alerts follow their article in a second transaction, before the acknowledgement: a crash in between
        // redelivers the message and the already-stored path above raises them again.
        await SaveAlertsAsync(doc, CancellationToken.None).ConfigureAwait(false);
        if (_options.AfterCommit is { } after) await after(source, cancellationToken).ConfigureAwait(false);
        return verdict;
    }

    private async Task<DeliveryVerdict> CommitAsync(DocumentSource source, Document doc, CancellationToken ct)
    {
        // One commit at a time in this process; then the lock that orders commits across processes.
        await _commitGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var held = await _writeLock.AcquireAsync(ct).ConfigureAwait(false);
            // From here on the commit is not cancelled midway: a started commit finishes so the store stays consistent.
            var none = CancellationToken.None;
            var index = await CatchUpAsync(none).ConfigureAwait(false);
            if (index.Contains(doc.Id) || await _store.ContainsAsync(doc.Id, none).ConfigureAwait(false))
            {
                Report(new ProcessingEvent(ProcessingEventKind.AlreadyStored, source.SourceId, doc.Id, null, null, null));
                return DeliveryVerdict.Ack;
            }
            long before = _sequence;
            StoryDecision decision;
            bool saved;
            try
            {
                decision = index.Add(ArticleProcessor.ToStoryInput(doc));
                var now = _time.GetUtcNow();
                var summary = index.Stories.First(s => string.Equals(s.Id, decision.StoryId, StringComparison.Ordinal));
                var story = new StoryRecord(decision.StoryId, summary.Label, [], summary.KeyTerms, now, now);
                saved = await _store.SaveAsync(new ArticleRecord(doc, decision.StoryId, decision.DuplicateOf, decision.DuplicateSimilarity, now), story, none)
                    .ConfigureAwait(false);
            }
            catch
            {
                // The index may now hold an article the store does not: rebuild it from the store next time.
                _index = null;
                throw;
            }
            if (!saved)
            {
                // A writer outside the lock stored it meanwhile; the index added it out of order, so reload it.
                _index = null;
                Report(new ProcessingEvent(ProcessingEventKind.AlreadyStored, source.SourceId, doc.Id, null, null, null));
                return DeliveryVerdict.Ack;
            }
            // When the newest sequence is the next one, it is this article's and the index already holds it; otherwise
            // (a gap left by a rolled-back insert) the next catch-up replays it, which the index treats as a no-op.
            long last = await _store.GetLastSequenceAsync(none).ConfigureAwait(false);
            if (last == before + 1) _sequence = last;
            Report(new ProcessingEvent(ProcessingEventKind.Stored, source.SourceId, doc.Id, decision.StoryId, decision.DuplicateOf, null,
                decision.NewStory ? 0 : decision.Score));
            if (++_sinceSnapshot >= _options.SnapshotEvery) await SnapshotCoreAsync(none).ConfigureAwait(false);
            return DeliveryVerdict.Ack;
        }
        finally
        {
            _commitGate.Release();
        }
    }

    private async Task SaveAlertsAsync(Document doc, CancellationToken ct)
    {
        if (_options.Watch is { } watch && watch.Evaluate(doc, _time.GetUtcNow()) is { IsEmpty: false } alerts)
            await _store.SaveAlertsAsync(alerts, ct).ConfigureAwait(false);
    }

    /// <summary>Brings the in-memory index up to the store's newest article; call with the write lock held.</summary>
    private async Task<StoryIndex> CatchUpAsync(CancellationToken ct)
    {
        if (_index is null)
        {
            var (loaded, seq) = await ArticleProcessor.LoadIndexAsync(_store, ct).ConfigureAwait(false);
            _index = loaded;
            _sequence = seq;
            return loaded;
        }
        await foreach (var (seq, article) in _store.ReadArticlesAsync(_sequence, ct).ConfigureAwait(false))
        {
            _index.Add(ArticleProcessor.ToStoryInput(article.Document));
            _sequence = seq;
        }
        return _index;
    }

    private async Task SnapshotCoreAsync(CancellationToken ct)
    {
        if (_index is null) return;
        // The index holds every article up to _sequence (and perhaps this worker's newest beyond it, which replaying
        // after the snapshot re-adds as a no-op), so the snapshot is valid for _sequence.
        await _store.SaveIndexSnapshotAsync(_index.Save(), _sequence, CancellationToken.None).ConfigureAwait(false);
        _sinceSnapshot = 0;
    }

    private void Report(ProcessingEvent e)
    {
        if (_onEvent is null) return;
        lock (_eventGate) _onEvent(e);
    }

    /// <summary>Saves a snapshot of the story index when this worker stored articles since the last one (under the write lock).</summary>
    public async ValueTask DisposeAsync()
    {
        await _commitGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_sinceSnapshot > 0 && _index is not null)
            {
                await using var held = await _writeLock.AcquireAsync().ConfigureAwait(false);
                await CatchUpAsync(CancellationToken.None).ConfigureAwait(false);
                await SnapshotCoreAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _commitGate.Release();
        }
    }
}
