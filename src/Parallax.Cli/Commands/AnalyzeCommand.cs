using System.CommandLine;
using System.Globalization;
using Parallax.Core.Processing;
using Parallax.Ingest;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax analyze</c> (ingest, process, report) and <c>parallax ingest</c> (ingest and process).</summary>
internal static class AnalyzeCommand
{
    public static Command Create(Func<ParseResult, CliContext> context, bool report)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively), http(s) URLs, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var parallel = new Option<int>("--parallel") { Description = "Articles analysed at once (default: number of cores)." };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Largest input file accepted, in bytes (default 10 MB); larger ones are reported and skipped.",
            DefaultValueFactory = _ => 10L * 1024 * 1024,
        };
        var allowPrivate = new Option<bool>("--allow-private-networks") { Description = "Allow fetching URLs on loopback and private address ranges." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every article as it is stored." };
        var command = new Command(report ? "analyze" : "ingest", report
            ? "Ingest articles, analyse them, group them into stories and write a report for each story touched."
            : "Ingest and analyse articles into the store, without writing reports.");
        command.Arguments.Add(paths);
        command.Options.Add(parallel);
        command.Options.Add(maxBytes);
        command.Options.Add(allowPrivate);
        command.Options.Add(verbose);
        // Only ingest feeds the queue: analyze writes reports, which need the analysis done here.
        var queue = report ? null : QueueOptions.Uri(ingest: true);
        var queueName = report ? null : QueueOptions.Name();
        if (queue is not null) command.Options.Add(queue);
        if (queueName is not null) command.Options.Add(queueName);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            var options = new IngestOptions { MaxBytes = r.GetValue(maxBytes), AllowPrivateNetworks = r.GetValue(allowPrivate) };
            if (queue is not null && r.GetValue(queue) is { } uri)
                return await QueueIngest.RunAsync(ctx, uri, r.GetValue(queueName!)!, r.GetValue(paths)!, options, r.GetValue(verbose), ct).ConfigureAwait(false);
            return await RunAsync(ctx, r.GetValue(paths)!, options, r.GetValue(parallel), r.GetValue(verbose), report, ct).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(CliContext ctx, IReadOnlyList<string> inputs, IngestOptions ingestOptions, int parallelism,
        bool verbose, bool writeReports, CancellationToken ct)
    {
        await using var store = await ctx.OpenStoreAsync(ct).ConfigureAwait(false);
        using var http = new HttpClient();
        var reader = new SourceReader(ingestOptions, http);
        var problems = new List<string>();
        int inputFailures = 0;
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        int seen = 0;

        async IAsyncEnumerable<DocumentSource> Sources()
        {
            await foreach (var item in reader.ReadAsync(inputs, ct).ConfigureAwait(false))
            {
                switch (item)
                {
                    case IngestedSource ok:
                        foreach (var w in ok.Warnings)
                            lock (gate) problems.Add($"warning {ok.Source.SourceId}: {w.Message}");
                        yield return ok.Source;
                        break;
                    case IngestFailure f:
                        lock (gate)
                        {
                            inputFailures++;
                            problems.Add($"error   {f.SourceId}: {f.Message}");
                        }
                        break;
                }
            }
        }

        void OnEvent(ProcessingEvent e)
        {
            lock (gate)
            {
                seen++;
                if (e.Kind == ProcessingEventKind.Failed) problems.Add($"error   {e.SourceId}: {e.Message}");
                if (e.StoryId is not null) touched.Add(e.StoryId);
                if (verbose && e.Kind == ProcessingEventKind.Stored)
                    ctx.Error.WriteLine($"stored  {e.SourceId} → {e.ArticleId} story {e.StoryId} ({(e.StoryScore > 0 ? "match " + e.StoryScore.ToString("0.000", CultureInfo.InvariantCulture) : "new story")}){(e.DuplicateOf is null ? "" : $" duplicate of {e.DuplicateOf}")}");
            }
        }

        var actors = Parallax.Nlp.Entities.ActorKnowledgeBase.Load(Parallax.Nlp.Entities.ActorKnowledgeBase.UserFilesIn(ctx.DataDirectory));
        var watch = AlertsCommand.LoadWatch(ctx, actors, out bool brokenRules);
        if (brokenRules) return ExitCodes.Failure;
        var processor = new ArticleProcessor(DefaultPipeline.Create(actors), store, TimeProvider.System, new ProcessingOptions(parallelism, Watch: watch));
        ProcessingSummary summary;
        if (ctx.Interactive && !verbose)
        {
            // A progress bar over the files named; feeds and JSON Lines hold several articles, so the total grows as they are read.
            int estimate = Math.Max(1, EstimateInputs(inputs));
            summary = await ctx.ErrorConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Analysing", maxValue: estimate);
                    using var timer = new Timer(_ =>
                    {
                        int done = Volatile.Read(ref seen);
                        if (done > task.MaxValue) task.MaxValue = done;
                        task.Value = done;
                        task.Description = $"Analysing ({done.ToString(CultureInfo.InvariantCulture)} articles)";
                    }, null, 200, 200);
                    var result = await processor.RunAsync(Sources(), OnEvent, ct).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    return result;
                }).ConfigureAwait(false);
        }
        else
        {
            summary = await processor.RunAsync(Sources(), OnEvent, ct).ConfigureAwait(false);
        }

        foreach (var p in problems) ctx.Error.WriteLine(p);
        int failed = summary.Failed + inputFailures;
        var table = new Table().AddColumns("stored", "already stored", "failed", "duplicates", "new stories");
        table.AddRow(I(summary.Stored), I(summary.AlreadyStored), I(failed), I(summary.Duplicates), I(summary.NewStories));
        ctx.Console.Write(table);
        if (watch is not null)
            ctx.Out.WriteLine($"alerts: {I(summary.Alerts)} new from {I(watch.Rules.Rules.Length)} watch rules in {AlertsCommand.RulesDirectory(ctx)}; list them with `parallax alerts`.");

        if (writeReports && touched.Count > 0)
        {
            Directory.CreateDirectory(ctx.ReportDirectory);
            var zones = ReportFiles.Zones(ctx);
            var stories = new Table().AddColumns("story", "articles", "outlets", "label", "report");
            foreach (var id in touched)
            {
                var view = await store.GetStoryAsync(id, ct).ConfigureAwait(false);
                if (view is null) continue;
                var md = Path.Combine(ctx.ReportDirectory, id + ".md");
                var html = Path.Combine(ctx.ReportDirectory, id + ".html");
                await ReportFiles.WriteAsync(view, md, html, zones, ct).ConfigureAwait(false);
                var outlets = view.Articles.Select(a => a.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).Count();
                stories.AddRow(Markup.Escape(id), I(view.Articles.Length), I(outlets), Markup.Escape(view.Story.Label), Markup.Escape(html));
            }
            ctx.Console.Write(stories);
        }

        if (failed == 0) return ExitCodes.Success;
        return summary.Stored + summary.AlreadyStored > 0 ? ExitCodes.Partial : ExitCodes.Failure;
    }

    /// <summary>Files below the local inputs (sidecars and hidden files left out); URLs and standard input count one.</summary>
    private static int EstimateInputs(IReadOnlyList<string> inputs)
    {
        int n = 0;
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input))
            {
                n++;
                continue;
            }
            try
            {
                n += Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Count(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                n++;
            }
        }
        return n;
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
