using System.Text;
using Parallax.Core.Processing;
using Parallax.Core.Queue;
using Parallax.Core.Stories;
using Parallax.Core.Watch;
using Parallax.Ingest;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Pipeline;
using Parallax.Storage.Sqlite;

namespace Parallax.Queue.RabbitMq.Tests;

/// <summary>The worker's handling of single deliveries, in process over a SQLite store (no broker needed).</summary>
public sealed class QueueWorkerTests : IAsyncLifetime
{
    private readonly string _dataDir = TestArticles.NewFolder("store");
    private SqliteStore _store = null!;
    private readonly LocalStoreWriteLock _lock = new();
    private static readonly DocumentPipeline Pipeline = CreatePipeline();

    private static DocumentPipeline CreatePipeline()
    {
        DefaultPipeline.RegisterLayers();
        return DefaultPipeline.Create();
    }

    public async Task InitializeAsync() => _store = await SqliteStore.OpenAsync(_dataDir);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _lock.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }

    private static async Task<List<DocumentSource>> ReadSamplesAsync()
    {
        var list = new List<DocumentSource>();
        await foreach (var item in new SourceReader(new IngestOptions()).ReadAsync([TestArticles.Samples], CancellationToken.None))
            if (item is IngestedSource ok) list.Add(ok.Source);
        return list;
    }

    private static QueueDelivery Delivery(DocumentSource s, bool redelivered = false) => new(ArticleMessage.Serialize(s), redelivered);

    /// <summary>A rule that every event matches (all eight modalities), so the alerts follow the sample's events.</summary>
    private WatchEvaluator AnyEventRule()
    {
        var set = WatchRuleSet.Parse("[rule any]\nmodality = asserted, reported, alleged, denied, planned, threatened, hypothetical, negated\n",
            "any.rules", _dataDir);
        return WatchEvaluator.Create(set, ActorKnowledgeBase.LoadDefault());
    }

    [Fact]
    public async Task HandleAsync_WithWatchRules_StoresTheArticlesAlerts()
    {
        // Given a worker with a rule every event matches
        var source = (await ReadSamplesAsync())[0];
        await using var worker = new QueueWorker(Pipeline, _store, _lock, options: new QueueWorkerOptions { Watch = AnyEventRule() });

        // When it handles a sample
        var verdict = await worker.HandleAsync(Delivery(source), CancellationToken.None);

        // Then the article's events were checked and their alerts stored with the article's id
        Assert.Equal(DeliveryAction.Ack, verdict.Action);
        var alerts = await _store.ListAlertsAsync();
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal(source.ContentHash, a.ArticleId));
    }

    [Fact]
    public async Task HandleAsync_RedeliveryAfterCrashBeforeAlerts_RaisesThemOnce()
    {
        // Given an article stored by a worker that died before its alerts (simulated: a worker without rules stored it)
        var source = (await ReadSamplesAsync())[0];
        await using (var crashed = new QueueWorker(Pipeline, _store, _lock))
            await crashed.HandleAsync(Delivery(source), CancellationToken.None);
        Assert.Empty(await _store.ListAlertsAsync());

        // When the broker redelivers it to a worker with rules, twice
        await using var worker = new QueueWorker(Pipeline, _store, _lock, options: new QueueWorkerOptions { Watch = AnyEventRule() });
        await worker.HandleAsync(Delivery(source, redelivered: true), CancellationToken.None);
        int afterFirst = (await _store.ListAlertsAsync()).Count;
        await worker.HandleAsync(Delivery(source, redelivered: true), CancellationToken.None);

        // Then the alerts are raised, once, and the article is still stored once
        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, (await _store.ListAlertsAsync()).Count);
        Assert.Equal(1, (await _store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task HandleAsync_UnreadableMessage_DeadLetterWithCode()
    {
        // Given a worker and a body that is not an article message
        var events = new List<ProcessingEvent>();
        await using var worker = new QueueWorker(Pipeline, _store, _lock, onEvent: events.Add);

        // When it is handled
        var verdict = await worker.HandleAsync(new QueueDelivery(Encoding.UTF8.GetBytes("<html>oops</html>"), false), CancellationToken.None);

        // Then it goes to the dead letters with the coded error, and nothing is stored
        Assert.Equal(DeliveryAction.DeadLetter, verdict.Action);
        Assert.StartsWith("PX3701", verdict.Error, StringComparison.Ordinal);
        Assert.Equal(ProcessingEventKind.Failed, Assert.Single(events).Kind);
        Assert.Equal(0, (await _store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task HandleAsync_RedeliveredStoredArticle_AckedWithoutSecondCopy()
    {
        // Given a sample handled once
        var source = (await ReadSamplesAsync())[0];
        var events = new List<ProcessingEvent>();
        await using var worker = new QueueWorker(Pipeline, _store, _lock, onEvent: events.Add);
        var first = await worker.HandleAsync(Delivery(source), CancellationToken.None);

        // When the broker delivers it again (a worker died before its ack)
        var again = await worker.HandleAsync(Delivery(source, redelivered: true), CancellationToken.None);

        // Then both are acknowledged, and the store holds one copy
        Assert.Equal(DeliveryAction.Ack, first.Action);
        Assert.Equal(DeliveryAction.Ack, again.Action);
        Assert.Equal([ProcessingEventKind.Stored, ProcessingEventKind.AlreadyStored], events.Select(e => e.Kind));
        Assert.Equal(1, (await _store.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task HandleAsync_TwoWorkersAlternating_StoriesAgreeWithReplayAndSequentialRun()
    {
        // Given two workers with their own story indexes over one store, and the samples (one story plus a repost)
        var sources = await ReadSamplesAsync();
        await using var a = new QueueWorker(Pipeline, _store, _lock);
        await using var b = new QueueWorker(Pipeline, _store, _lock);

        // When they take the articles in turn
        for (int i = 0; i < sources.Count; i++)
            Assert.Equal(DeliveryAction.Ack, (await (i % 2 == 0 ? a : b).HandleAsync(Delivery(sources[i]), CancellationToken.None)).Action);

        // Then each saw the other's commits: the stored stories are what one index adding the articles in commit order
        // decides, and the same as a single ingest run over the same inputs in the same order
        var replay = StoryIndex.Create();
        var stored = new List<(string Id, string? Story, string? DuplicateOf)>();
        await foreach (var (_, article) in _store.ReadArticlesAsync())
        {
            var decision = replay.Add(ArticleProcessor.ToStoryInput(article.Document));
            Assert.Equal(decision.StoryId, article.StoryId);
            Assert.Equal(decision.DuplicateOf, article.DuplicateOf);
            stored.Add((article.Document.Id, article.StoryId, article.DuplicateOf));
        }
        Assert.Equal(sources.Count, stored.Count);

        var otherDir = TestArticles.NewFolder("sequential");
        try
        {
            await using var sequential = await SqliteStore.OpenAsync(otherDir);
            await new ArticleProcessor(Pipeline, sequential, options: new ProcessingOptions(1)).RunAsync(sources.ToAsyncEnumerable());
            var expected = new List<(string Id, string? Story, string? DuplicateOf)>();
            await foreach (var (_, article) in sequential.ReadArticlesAsync())
                expected.Add((article.Document.Id, article.StoryId, article.DuplicateOf));
            Assert.Equal(expected, stored);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(otherDir, true); } catch (IOException) { }
        }
    }
}
