using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parallax.Core.Processing;
using Parallax.Ingest;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Server.Watch;
using Parallax.Core.Watch;

namespace Parallax.Server.Ingestion;

/// <summary>
/// The single writer: ingest requests are queued first come, first served, and one worker runs each through the
/// <see cref="ArticleProcessor"/> in turn, so the store sees one run at a time and every request's articles are
/// committed in the order the request gives them (the processor's own guarantee).
/// </summary>
/// <remarks>
/// Request bodies are read and URLs fetched before a job is queued, so a slow upload or download never holds the
/// writer. A job that started runs to the end even when its client goes away; one still waiting is dropped.
/// </remarks>
internal sealed partial class IngestQueue(StoreHolder store, DocumentPipeline pipeline, ServerOptions options, WatchRules watchRules, ILogger<IngestQueue> logger)
    : BackgroundService
{
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Runs the items through the processor once earlier jobs are done. The data directory's current watch rules are
    /// checked on every newly stored article; throws <see cref="WatchRuleException"/> when the rule files on disk do
    /// not load (as the CLI refuses to ingest), before anything is analysed.
    /// </summary>
    public Task<IngestResponse> EnqueueAsync(IReadOnlyList<IngestItem> items, CancellationToken requestAborted) =>
        RunExclusiveAsync(ct => RunAsync(items, ct), requestAborted);

    /// <summary>Runs <paramref name="work"/> on the single writer, after the jobs queued before it.</summary>
    public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken requestAborted)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = new Job(async ct => await work(ct), done, requestAborted);
        await _jobs.Writer.WriteAsync(job, requestAborted);
        return (T)(await done.Task.WaitAsync(requestAborted))!;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            if (job.RequestAborted.IsCancellationRequested)
            {
                job.Done.TrySetCanceled(job.RequestAborted);
                continue;
            }
            try
            {
                job.Done.TrySetResult(await job.Work(stoppingToken));
            }
            catch (OperationCanceledException ex)
            {
                job.Done.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                // Store failures reach the request as a 500 problem; the worker goes on with the next job.
                job.Done.TrySetException(ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _jobs.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task<IngestResponse> RunAsync(IReadOnlyList<IngestItem> items, CancellationToken ct)
    {
        var outcomes = new ArticleOutcome?[items.Count];
        var pending = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        var sources = new List<DocumentSource>();
        int inputFailures = 0;
        for (int i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case IngestFailure f:
                    inputFailures++;
                    outcomes[i] = new ArticleOutcome(i, f.SourceId, ArticleOutcomeKind.Failed, null, null, null, false, InputCodes.Format(f.Code), f.Message, []);
                    break;
                case IngestedSource s:
                    if (!pending.TryGetValue(s.Source.SourceId, out var q)) pending[s.Source.SourceId] = q = new Queue<int>();
                    q.Enqueue(i);
                    sources.Add(s.Source);
                    break;
            }
        }

        var gate = new Lock();
        void OnEvent(ProcessingEvent e)
        {
            lock (gate)
            {
                if (!pending.TryGetValue(e.SourceId, out var q) || !q.TryDequeue(out int i)) return;
                var warnings = ((IngestedSource)items[i]).Warnings.Select(w => new IngestWarningInfo(InputCodes.Format(w.Code), w.Message)).ToList();
                outcomes[i] = e.Kind switch
                {
                    ProcessingEventKind.Stored => new ArticleOutcome(i, e.SourceId, ArticleOutcomeKind.Stored, e.ArticleId, e.StoryId, e.DuplicateOf, e.StoryScore == 0, null, null, warnings),
                    ProcessingEventKind.AlreadyStored => new ArticleOutcome(i, e.SourceId, ArticleOutcomeKind.AlreadyStored, e.ArticleId, null, null, false, null, null, warnings),
                    _ => new ArticleOutcome(i, e.SourceId, ArticleOutcomeKind.Failed, e.ArticleId, null, null, false, CodeOf(e.Message), e.Message, warnings),
                };
            }
        }

        var summary = new ProcessingSummary(0, 0, 0, 0, 0);
        if (sources.Count > 0)
        {
            var rules = watchRules.Current();
            if (rules.Error is { } broken) throw new WatchRulesBrokenException(broken);
            summary = await new ArticleProcessor(pipeline, store.Store, options.Time, new ProcessingOptions(options.MaxParallelism, Watch: rules.Evaluator))
                .RunAsync(sources.ToAsyncEnumerable(), OnEvent, ct);
        }
        var list = new List<ArticleOutcome>(items.Count);
        for (int i = 0; i < outcomes.Length; i++)
        {
            // The processor reports every source; an outcome can only be missing if it changes that contract.
            list.Add(outcomes[i] ?? new ArticleOutcome(i, ((IngestedSource)items[i]).Source.SourceId, ArticleOutcomeKind.Failed, null, null, null, false,
                "PX4500", "PX4500: the article was not reported by the processor; ingest it again.", []));
        }
        int failed = list.Count(o => o.Outcome == ArticleOutcomeKind.Failed);
        int stored = list.Count(o => o.Outcome == ArticleOutcomeKind.Stored);
        int already = list.Count(o => o.Outcome == ArticleOutcomeKind.AlreadyStored);
        var status = failed == 0
            ? stored > 0 ? IngestStatus.Stored : already > 0 ? IngestStatus.Unchanged : IngestStatus.Failed
            : stored + already > 0 ? IngestStatus.Partial : IngestStatus.Failed;
        LogIngested(logger, stored, already, failed, summary.NewStories, summary.Alerts);
        return new IngestResponse(status, stored, already, failed, summary.Duplicates, summary.NewStories, list, summary.Alerts);
    }

    private static string? CodeOf(string? message) =>
        message is not null && CodePattern().Match(message) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"^PX\d{4}")]
    private static partial Regex CodePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested: {Stored} stored, {AlreadyStored} already stored, {Failed} failed, {NewStories} new stories, {Alerts} new alerts")]
    private static partial void LogIngested(ILogger logger, int stored, int alreadyStored, int failed, int newStories, int alerts);

    private sealed record Job(Func<CancellationToken, Task<object?>> Work, TaskCompletionSource<object?> Done, CancellationToken RequestAborted);
}

/// <summary>
/// Ingestion was refused because the data directory's rule files do not load (as the CLI refuses it); the request
/// gets 409 with the rule error's code, file and line.
/// </summary>
internal sealed class WatchRulesBrokenException(WatchRuleException error) : Exception(error.Message, error)
{
    public WatchRuleException Error { get; } = error;
}
