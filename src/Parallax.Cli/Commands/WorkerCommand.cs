using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Parallax.Core.Processing;
using Parallax.Core.Queue;
using Parallax.Core.Storage;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Queue.RabbitMq;
using Parallax.Storage.Postgres;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax worker</c>: takes articles from a RabbitMQ queue, analyses them and stores them, acknowledging each
/// message only after its article is committed. Several workers (on several machines) may share one PostgreSQL store.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>
    /// Fault-injection hook for the queue tests: "before-commit:PATH" or "after-commit:PATH" makes the worker, on the
    /// first article reaching that point, write the article's id to PATH and wait there until it is stopped or killed.
    /// </summary>
    public const string StallVariable = "PARALLAX_TEST_WORKER_STALL";

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var queue = QueueOptions.Uri(ingest: false);
        var queueName = QueueOptions.Name();
        var prefetch = new Option<int>("--prefetch")
        {
            Description = "Messages taken at once and analysed in parallel (default: number of cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and the final totals, not a line per article." };
        var command = new Command("worker",
            "Take articles from a RabbitMQ queue (fed by `parallax ingest --queue`), analyse them and store them; runs until Ctrl+C or SIGTERM.");
        command.Options.Add(queue);
        command.Options.Add(queueName);
        command.Options.Add(prefetch);
        command.Options.Add(quiet);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            var uri = r.GetValue(queue);
            if (uri is null)
            {
                ctx.Fail($"worker needs a broker: --queue amqp://user:pass@host:5672/ or ${QueueOptions.QueueVariable}.");
                return ExitCodes.Usage;
            }
            int n = r.GetValue(prefetch);
            if (n is < 1 or > 1000)
            {
                ctx.Fail("--prefetch must be between 1 and 1000.");
                return ExitCodes.Usage;
            }
            return await RunAsync(ctx, uri, r.GetValue(queueName)!, n, r.GetValue(quiet), ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, string uri, string queueName, int prefetch, bool quiet, CancellationToken ct)
    {
        // Ctrl+C arrives through the token; SIGTERM (systemd, docker stop, kill) stops the same clean way.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });

        await using var store = await ctx.OpenStoreAsync(stop.Token).ConfigureAwait(false);
        if (ctx.Store is null)
            ctx.Error.WriteLine($"parallax: worker on the SQLite store {store.Location}: only this one process may write it; give --store postgres://… to run several workers.");
        await using IStoreWriteLock writeLock = ctx.Store is null ? new LocalStoreWriteLock() : PostgresStoreWriteLock.Create(ctx.Store);
        await using var broker = await RabbitMqArticleQueue.ConnectAsync(uri, queueName, stop.Token).ConfigureAwait(false);

        int stored = 0, already = 0, failed = 0;
        var gate = new Lock();
        void OnEvent(ProcessingEvent e)
        {
            lock (gate)
            {
                switch (e.Kind)
                {
                    case ProcessingEventKind.Stored:
                        stored++;
                        if (!quiet) ctx.Out.WriteLine($"stored {e.ArticleId} story {e.StoryId} {e.SourceId}");
                        break;
                    case ProcessingEventKind.AlreadyStored:
                        already++;
                        if (!quiet) ctx.Out.WriteLine($"already {e.ArticleId} {e.SourceId}");
                        break;
                    default:
                        failed++;
                        ctx.Error.WriteLine($"dead-letter {e.SourceId}: {e.Message}");
                        break;
                }
                ctx.Out.Flush();
            }
        }

        var actors = Parallax.Nlp.Entities.ActorKnowledgeBase.Load(Parallax.Nlp.Entities.ActorKnowledgeBase.UserFilesIn(ctx.DataDirectory));
        var watch = AlertsCommand.LoadWatch(ctx, actors, out bool rulesBroken);
        if (rulesBroken) return ExitCodes.Failure;
        var options = StallOptions(Environment.GetEnvironmentVariable(StallVariable), ctx) with { Watch = watch };
        if (watch is not null)
            ctx.Error.WriteLine($"parallax: checking {watch.Rules.Rules.Length.ToString(CultureInfo.InvariantCulture)} watch rules from {AlertsCommand.RulesDirectory(ctx)} on every stored article.");
        await using (var worker = new QueueWorker(DefaultPipeline.Create(actors), store, writeLock, TimeProvider.System, options, OnEvent))
        {
            ctx.Error.WriteLine($"parallax: worker taking up to {prefetch.ToString(CultureInfo.InvariantCulture)} articles at once from {broker.Location} into {store.Location}; Ctrl+C stops.");
            try
            {
                await broker.ConsumeAsync(worker.HandleAsync, prefetch, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The clean stop asked for: the articles in flight were committed or requeued.
            }
            catch (QueueException ex)
            {
                ctx.Fail($"{ex.Message} Messages not acknowledged return to the queue.");
                return ExitCodes.Failure;
            }
        }
        ctx.Error.WriteLine($"parallax: worker stopped: {stored.ToString(CultureInfo.InvariantCulture)} stored, {already.ToString(CultureInfo.InvariantCulture)} already stored, {failed.ToString(CultureInfo.InvariantCulture)} dead-lettered.");
        return ExitCodes.Success;
    }

    private static QueueWorkerOptions StallOptions(string? spec, CliContext ctx)
    {
        if (string.IsNullOrEmpty(spec)) return new QueueWorkerOptions();
        var parts = spec.Split(':', 2);
        if (parts.Length != 2 || parts[1].Length == 0 || parts[0] is not ("before-commit" or "after-commit"))
        {
            ctx.Error.WriteLine($"parallax: ignoring {StallVariable}='{spec}': expected before-commit:PATH or after-commit:PATH.");
            return new QueueWorkerOptions();
        }
        int fired = 0;
        var path = parts[1];
        async Task Stall(DocumentSource source, CancellationToken token)
        {
            if (Interlocked.Exchange(ref fired, 1) == 1) return;
            await File.WriteAllTextAsync(path, source.ContentHash, token).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
        }
        return parts[0] == "before-commit" ? new QueueWorkerOptions { BeforeCommit = Stall } : new QueueWorkerOptions { AfterCommit = Stall };
    }
}
