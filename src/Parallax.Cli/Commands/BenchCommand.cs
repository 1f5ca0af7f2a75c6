using System.CommandLine;
using System.Globalization;
using Parallax.Evaluation.Performance;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax bench</c>: ingest and clean throughput on a corpus (see bench/README.md and docs/PERFORMANCE.md).</summary>
internal static class BenchCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var corpus = new Option<string?>("--corpus") { Description = "Folder of articles to time. Without it, a corpus is generated from --samples." };
        var generate = new Option<int>("--generate-mb") { Description = "Size of the generated corpus in MB.", DefaultValueFactory = _ => 100 };
        var samples = new Option<string>("--samples") { Description = "Folder of our own articles to recombine into the generated corpus.", DefaultValueFactory = _ => "samples" };
        var runs = new Option<int>("--runs") { Description = "Timed runs; the median is reported.", DefaultValueFactory = _ => 3 };
        var stage = new Option<string>("--stage")
        {
            Description = "What to time: clean (ingest + clean, the default), nlp (tokens, sentences and named entities over the clean text of --corpus), places (gazetteer load time and memory, toponym resolution) time (temporal anchor + expressions over the clean text of --corpus) or pipeline (every stage of the standard pipeline, one thread, streaming --corpus).",
            DefaultValueFactory = _ => "clean",
        };
        stage.AcceptOnlyFromAmong("clean", "nlp", "places", "time", "pipeline");
        var command = new Command("bench", "Measure ingest and clean throughput (words per second, one thread) and peak memory.");
        command.Options.Add(corpus);
        command.Options.Add(generate);
        command.Options.Add(samples);
        command.Options.Add(runs);
        command.Options.Add(stage);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            var folder = r.GetValue(corpus);
            if (folder is null)
            {
                var from = r.GetValue(samples)!;
                if (!Directory.Exists(from))
                {
                    ctx.Fail($"samples folder '{from}' not found; pass --samples DIR or --corpus DIR.");
                    return ExitCodes.NotFound;
                }
                folder = Path.Combine(ctx.DataDirectory, "bench-corpus");
                var texts = Directory.EnumerateFiles(from, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
                if (Directory.Exists(folder)) Directory.Delete(folder, true);
                int n = ThroughputBenchmark.GenerateCorpus(texts, folder, r.GetValue(generate));
                ctx.Error.WriteLine($"generated {n} articles in {folder}");
            }
            else if (!Directory.Exists(folder))
            {
                ctx.Fail($"corpus folder '{folder}' not found.");
                return ExitCodes.NotFound;
            }
            if (string.Equals(r.GetValue(stage), "time", StringComparison.Ordinal))
                return await TimeAsync(ctx, folder, Math.Max(1, r.GetValue(runs)), ct).ConfigureAwait(false);
            if (string.Equals(r.GetValue(stage), "nlp", StringComparison.Ordinal))
                return await NlpAsync(ctx, folder, Math.Max(1, r.GetValue(runs)), ct).ConfigureAwait(false);
            if (string.Equals(r.GetValue(stage), "pipeline", StringComparison.Ordinal))
                return await PipelineAsync(ctx, folder, Math.Max(1, r.GetValue(runs)), ct).ConfigureAwait(false);
            if (string.Equals(r.GetValue(stage), "places", StringComparison.Ordinal))
                return await PlacesAsync(ctx, folder, Math.Max(1, r.GetValue(runs)), ct).ConfigureAwait(false);
            var results = new List<ThroughputRun>();
            var table = new Table().AddColumns("run", "files", "MB", "words", "ingest s", "ingest+clean s", "words/s", "MB/s", "peak MB");
            for (int i = 0; i < Math.Max(1, r.GetValue(runs)); i++)
            {
                var run = await ThroughputBenchmark.RunAsync(folder, ct).ConfigureAwait(false);
                results.Add(run);
                table.AddRow(F(i + 1), F(run.Files), F(run.Bytes / 1e6), F(run.Words), F(run.IngestSeconds), F(run.TotalSeconds),
                    F(run.WordsPerSecond), F(run.MegabytesPerSecond), F(run.PeakWorkingSetMb));
            }
            var median = results.OrderBy(x => x.WordsPerSecond).ElementAt(results.Count / 2);
            table.AddRow("median", F(median.Files), F(median.Bytes / 1e6), F(median.Words), F(median.IngestSeconds), F(median.TotalSeconds),
                F(median.WordsPerSecond), F(median.MegabytesPerSecond), F(results.Max(x => x.PeakWorkingSetMb)));
            ctx.Console.Write(table);
            ctx.Out.WriteLine($"{{\"summary\":\"parallax-ingest-clean\",\"files\":{F(median.Files)},\"words\":{F(median.Words)},\"seconds\":{median.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)},\"words_per_second\":{median.WordsPerSecond.ToString("0", CultureInfo.InvariantCulture)}}}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The whole standard pipeline on one thread, streaming the corpus; a table per stage and the median run.</summary>
    private static async Task<int> PipelineAsync(CliContext ctx, string folder, int runs, CancellationToken ct)
    {
        var pipeline = Parallax.Nlp.Pipeline.DefaultPipeline.Create();
        var results = new List<PipelineRun>();
        var table = new Table().AddColumns("run", "documents", "failed", "MB", "words", "seconds", "words/s", "peak MB", "heap MB");
        for (int i = 0; i < runs; i++)
        {
            var run = await PipelineBenchmark.RunAsync(folder, pipeline, ct).ConfigureAwait(false);
            results.Add(run);
            table.AddRow(F(i + 1), F(run.Documents), F(run.Failed), F(run.Bytes / 1e6), F(run.Words), F(run.Seconds), F(run.WordsPerSecond),
                F(run.PeakWorkingSetMb), F(run.ManagedHeapMb));
        }
        var median = results.OrderBy(x => x.WordsPerSecond).ElementAt(results.Count / 2);
        ctx.Console.Write(table);
        var stages = new Table().AddColumns("stage", "seconds (median run)", "share", "words/s alone");
        foreach (var s in median.Stages)
            stages.AddRow(s.Stage, F(s.Seconds), (s.Seconds / Math.Max(1e-9, median.Seconds)).ToString("P1", CultureInfo.InvariantCulture), F(s.Seconds > 0 ? median.Words / s.Seconds : 0));
        ctx.Console.Write(stages);
        ctx.Out.WriteLine($"{{\"summary\":\"parallax-pipeline\",\"documents\":{F(median.Documents)},\"words\":{F(median.Words)},\"seconds\":{median.Seconds.ToString("0.###", CultureInfo.InvariantCulture)},\"words_per_second\":{median.WordsPerSecond.ToString("0", CultureInfo.InvariantCulture)},\"peak_mb\":{results.Max(x => x.PeakWorkingSetMb).ToString("0", CultureInfo.InvariantCulture)}}}");
        return ExitCodes.Success;
    }

    /// <summary>Gazetteer load time and memory, then toponym resolution on one thread over the clean text of every article.</summary>
    private static async Task<int> PlacesAsync(CliContext ctx, string folder, int runs, CancellationToken ct)
    {
        var texts = await CleanTextsAsync(folder, ct).ConfigureAwait(false);
        var result = PlacesBenchmark.Run(texts, runs);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        var table = new Table().AddColumns("entries", "first load ms", "load ms (median)", "heap MB", "texts", "words", "places", "runs", "median words/s", "texts/s", "peak MB");
        table.AddRow(F(result.Entries), F(result.FirstLoadMs), F(result.LoadMedianMs), F(result.HeapMb), F(result.Texts), F(result.Words), F(result.Places),
            F(runs), F(result.WordsPerSecond), F(result.TextsPerSecond), F(self.PeakWorkingSet64 / 1e6));
        ctx.Console.Write(table);
        ctx.Out.WriteLine($"{{\"summary\":\"parallax-places\",\"first_load_ms\":{result.FirstLoadMs.ToString("0", CultureInfo.InvariantCulture)},\"load_ms\":{result.LoadMedianMs.ToString("0", CultureInfo.InvariantCulture)},\"words_per_second\":{result.WordsPerSecond.ToString("0", CultureInfo.InvariantCulture)}}}");
        return ExitCodes.Success;
    }

    private static async Task<List<string>> CleanTextsAsync(string folder, CancellationToken ct)
    {
        var texts = new List<string>();
        var clean = new Parallax.Nlp.Cleaning.CleaningStage();
        using var reader = new Parallax.Ingest.SourceReader(new Parallax.Ingest.IngestOptions());
        await foreach (var item in reader.ReadAsync([folder], ct).ConfigureAwait(false))
            if (item is Parallax.Ingest.IngestedSource s)
                texts.Add(clean.Analyze(new Parallax.Nlp.Documents.Document(s.Source), ct).Clean.Text);
        return texts;
    }

    /// <summary>Tokens + sentences + NER on one thread over the clean text of every article (read and cleaned first, untimed).</summary>
    private static async Task<int> NlpAsync(CliContext ctx, string folder, int runs, CancellationToken ct)
    {
        var texts = new List<string>();
        var clean = new Parallax.Nlp.Cleaning.CleaningStage();
        using var reader = new Parallax.Ingest.SourceReader(new Parallax.Ingest.IngestOptions());
        await foreach (var item in reader.ReadAsync([folder], ct).ConfigureAwait(false))
            if (item is Parallax.Ingest.IngestedSource s)
                texts.Add(clean.Analyze(new Parallax.Nlp.Documents.Document(s.Source), ct).Clean.Text);
        var (wordsPerSecond, words, entities) = Parallax.Nlp.Ner.NerBenchmark.Run(texts, runs);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        var table = new Table().AddColumns("texts", "words", "entities", "runs", "median words/s", "peak MB");
        table.AddRow(F(texts.Count), F(words), F(entities), F(runs), F(wordsPerSecond), F(self.PeakWorkingSet64 / 1e6));
        ctx.Console.Write(table);
        ctx.Out.WriteLine($"{{\"summary\":\"parallax-tokens-sentences-ner\",\"files\":{F(texts.Count)},\"words\":{F(words)},\"words_per_second\":{wordsPerSecond.ToString("0", CultureInfo.InvariantCulture)}}}");
        return ExitCodes.Success;
    }

    /// <summary>The temporal stage's work (anchor, then expressions) on one thread over the clean text of every .txt file. A
    /// sidecar NAME.date (yyyy-MM-dd, the layout ../shared/peers/dates.js reads) supplies the publication day.</summary>
    private static async Task<int> TimeAsync(CliContext ctx, string folder, int runs, CancellationToken ct)
    {
        var texts = new List<string>();
        var anchors = new List<DateOnly?>();
        var clean = new Parallax.Nlp.Cleaning.CleaningStage();
        using var reader = new Parallax.Ingest.SourceReader(new Parallax.Ingest.IngestOptions());
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            await foreach (var item in reader.ReadAsync([file], ct).ConfigureAwait(false))
            {
                if (item is not Parallax.Ingest.IngestedSource s) continue;
                texts.Add(clean.Analyze(new Parallax.Nlp.Documents.Document(s.Source), ct).Clean.Text);
                var side = Path.ChangeExtension(file, ".date");
                anchors.Add(File.Exists(side) && DateOnly.TryParseExact(File.ReadLines(side).FirstOrDefault()?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null);
            }
        }
        var result = Parallax.Evaluation.TimeMl.TemporalBenchmark.Run(texts, anchors, runs);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        var table = new Table().AddColumns("texts", "words", "expressions", "anchored", "runs", "median words/s", "peak MB");
        table.AddRow(F(result.Texts), F(result.Words), F(result.Expressions), F(result.Anchored), F(runs), F(result.WordsPerSecond), F(self.PeakWorkingSet64 / 1e6));
        ctx.Console.Write(table);
        ctx.Out.WriteLine($"{{\"summary\":\"parallax-time\",\"files\":{F(result.Texts)},\"words\":{F(result.Words)},\"expressions\":{F(result.Expressions)},\"words_per_second\":{result.WordsPerSecond.ToString("0", CultureInfo.InvariantCulture)}}}");
        return ExitCodes.Success;
    }

    private static string F(double v) => v.ToString(v >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);

    private static string F(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(int v) => v.ToString(CultureInfo.InvariantCulture);
}
