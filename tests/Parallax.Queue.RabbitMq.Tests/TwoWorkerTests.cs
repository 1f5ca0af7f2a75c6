using System.Text;
using Parallax.Core.Processing;
using Parallax.Core.Stories;
using Parallax.Storage.Postgres;
using RabbitMQ.Client;

namespace Parallax.Queue.RabbitMq.Tests;

/// <summary>
/// Real `parallax worker` processes over one RabbitMQ queue into one PostgreSQL database (issue 7, "Must show": the
/// two-worker test). Each test has its own database and queue. The waits below are upper bounds against a hang, not
/// speed assertions: each ends as soon as the condition holds.
/// </summary>
public sealed class TwoWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);
    private readonly string _queue = "parallax.test." + Guid.NewGuid().ToString("N");
    private readonly string _dataDir = TestArticles.NewFolder("data");
    private readonly List<string> _folders = [];
    private readonly List<CliProcess> _processes = [];
    private string? _database;

    public async Task InitializeAsync()
    {
        if (Servers.SkipReason is not null) return;
        _database = await Servers.CreateDatabaseAsync();
        // Migrations run once here, so the workers that start together do not wait on each other.
        await using var store = await PostgresStore.OpenAsync(_database);
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _processes) p.Dispose();
        if (_database is not null)
        {
            await Servers.DeleteQueuesAsync(_queue);
            await Servers.DropDatabaseAsync(_database);
        }
        foreach (var f in _folders.Append(_dataDir))
            try { Directory.Delete(f, true); } catch (IOException) { }
    }

    private CliProcess Worker(int prefetch, IReadOnlyDictionary<string, string>? environment = null)
    {
        var p = CliProcess.Worker(_dataDir, Servers.RabbitMq, _queue, _database!, prefetch, environment);
        _processes.Add(p);
        return p;
    }

    /// <summary>Publishes samples/ and <paramref name="generated"/> generated articles with `parallax ingest --queue`; returns the count.</summary>
    private async Task<int> PublishAsync(int generated, int seed)
    {
        var folder = TestArticles.Generate(generated, seed);
        _folders.Add(folder);
        using var ingest = CliProcess.Start(_dataDir, null, "ingest", "--queue", Servers.RabbitMq, "--queue-name", _queue, TestArticles.Samples, folder);
        int code = await ingest.WaitAsync(Patience);
        Assert.True(code == 0, "ingest --queue failed:\n" + ingest.Log);
        // samples/ has 8 articles (one with a sidecar); every generated article is distinct.
        return 8 + generated;
    }

    private async Task<long> CountAsync()
    {
        await using var store = await PostgresStore.OpenAsync(_database!);
        return (await store.GetStatsAsync()).Articles;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Waited {Patience} for {what}.\n" + string.Join("\n---\n", _processes.Select(p => p.Log)));
            foreach (var p in _processes.Where(p => p.HasExited && p.ExitCode != 0 && p.ExitCode != 137))
                Assert.Fail($"A worker ended with exit code {p.ExitCode} while waiting for {what}:\n{p.Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>Every stored article's story and duplicate link is what replaying the store in commit order decides.</summary>
    private async Task AssertStoriesAgreeWithReplayAsync()
    {
        await using var store = await PostgresStore.OpenAsync(_database!);
        var index = StoryIndex.Create();
        await foreach (var (_, article) in store.ReadArticlesAsync())
        {
            var decision = index.Add(ArticleProcessor.ToStoryInput(article.Document));
            Assert.Equal(decision.StoryId, article.StoryId);
            Assert.Equal(decision.DuplicateOf, article.DuplicateOf);
        }
    }

    private async Task<uint> MessageCountAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    [ServerFact]
    public async Task Worker_TwoWorkersOneQueue_EveryArticleStoredExactlyOnce()
    {
        // Given samples/ and generated articles published to one queue
        int n = await PublishAsync(generated: 24, seed: 1);

        // When two worker processes consume it into one database
        var a = Worker(prefetch: 2);
        var b = Worker(prefetch: 3);
        await WaitForAsync(async () => await CountAsync() >= n, $"{n} stored articles");
        Assert.Equal(0, await a.InterruptAsync(Patience));
        Assert.Equal(0, await b.InterruptAsync(Patience));

        // Then every article was stored once, by exactly one of the workers, and the queue is empty
        Assert.Equal(n, await CountAsync());
        var storedBy = a.Ids("stored").Concat(b.Ids("stored")).ToList();
        Assert.Equal(n, storedBy.Count);
        Assert.Equal(n, storedBy.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0u, await MessageCountAsync(_queue));
        Assert.Equal(0u, await MessageCountAsync(_queue + ".dead"));
        // And story assignment is consistent across the two processes
        await AssertStoriesAgreeWithReplayAsync();
    }

    [ServerFact]
    public async Task Worker_KilledMidArticle_ArticleRedeliveredToOtherWorkerAndStoredOnce()
    {
        // Given published articles and worker A, which stalls after analysing its first article, before committing it
        int n = await PublishAsync(generated: 10, seed: 2);
        var marker = Path.Combine(_dataDir, "stalled-before-commit");
        var a = Worker(prefetch: 2, new Dictionary<string, string> { ["PARALLAX_TEST_WORKER_STALL"] = "before-commit:" + marker });
        await WaitForAsync(() => Task.FromResult(File.Exists(marker) && new FileInfo(marker).Length > 0), "worker A to stall");
        var held = File.ReadAllText(marker).Trim();

        // When worker B takes everything else, and then A is killed with SIGKILL while holding its article
        var b = Worker(prefetch: 2);
        await WaitForAsync(async () => await CountAsync() >= n - 1, $"{n - 1} stored articles");
        Assert.DoesNotContain(held, a.Ids("stored"));
        Assert.DoesNotContain(held, b.Ids("stored"));
        a.KillHard();

        // Then the broker redelivers A's article to B, which stores it once
        await WaitForAsync(async () => await CountAsync() >= n, $"{n} stored articles");
        Assert.Equal(0, await b.InterruptAsync(Patience));
        Assert.Equal(n, await CountAsync());
        Assert.Contains(held, b.Ids("stored"));
        var storedBy = a.Ids("stored").Concat(b.Ids("stored")).ToList();
        Assert.Equal(n, storedBy.Count);
        Assert.Equal(n, storedBy.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0u, await MessageCountAsync(_queue));
        await AssertStoriesAgreeWithReplayAsync();
    }

    [ServerFact]
    public async Task Worker_KilledAfterCommitBeforeAck_RedeliveryAckedWithoutSecondCopy()
    {
        // Given published articles and worker A, which stalls after committing its first article, before acknowledging it
        int n = await PublishAsync(generated: 4, seed: 3);
        var marker = Path.Combine(_dataDir, "stalled-after-commit");
        var a = Worker(prefetch: 1, new Dictionary<string, string> { ["PARALLAX_TEST_WORKER_STALL"] = "after-commit:" + marker });
        await WaitForAsync(() => Task.FromResult(File.Exists(marker) && new FileInfo(marker).Length > 0), "worker A to stall");
        var held = File.ReadAllText(marker).Trim();

        // When A is killed and worker B consumes the queue
        a.KillHard();
        var b = Worker(prefetch: 2);
        await WaitForAsync(async () => await CountAsync() >= n && await MessageCountAsync(_queue) == 0 && b.Ids("already").Contains(held),
            "every article stored and the redelivery acknowledged");
        Assert.Equal(0, await b.InterruptAsync(Patience));

        // Then B acknowledged the redelivered message as already stored, and the article exists once
        Assert.Contains(held, a.Ids("stored"));
        Assert.DoesNotContain(held, b.Ids("stored"));
        Assert.Equal(n, await CountAsync());
        await AssertStoriesAgreeWithReplayAsync();
    }

    [ServerFact]
    public async Task Worker_PoisonMessages_DeadLetteredWithErrorAndWorkerCarriesOn()
    {
        // Given a queue holding an unreadable message, an altered one, then the samples
        await using (var queue = await RabbitMqArticleQueue.ConnectAsync(Servers.RabbitMq, _queue))
        {
            var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.BasicPublishAsync("", _queue, Encoding.UTF8.GetBytes("this is not json"));
            var good = Core.Queue.ArticleMessage.Serialize(new Nlp.Documents.DocumentSource("x.txt", Nlp.Documents.ContentKind.PlainText, "Original text.", []));
            var altered = Encoding.UTF8.GetString(good).Replace("Original", "Altered", StringComparison.Ordinal);
            await channel.BasicPublishAsync("", _queue, Encoding.UTF8.GetBytes(altered));
        }
        int n = await PublishAsync(generated: 0, seed: 4);

        // When a worker consumes the queue
        var worker = Worker(prefetch: 2);
        await WaitForAsync(async () => await CountAsync() >= n && await MessageCountAsync(_queue + ".dead") >= 2, "the samples stored and two dead letters");
        Assert.Equal(0, await worker.InterruptAsync(Patience));

        // Then both bad messages are in the dead-letter queue with their errors, and every good article was stored
        var errors = new List<string>();
        var factory2 = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
        await using (var connection = await factory2.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            while (await channel.BasicGetAsync(_queue + ".dead", autoAck: true) is { } dead)
                errors.Add(Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers![RabbitMqArticleQueue.ErrorHeader]!));
        }
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("PX3701", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("PX3702", StringComparison.Ordinal));
        Assert.Equal(n, await CountAsync());
        Assert.Equal(0u, await MessageCountAsync(_queue));
    }
}
