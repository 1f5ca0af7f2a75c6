using System.Collections.Immutable;
using System.Diagnostics;
using Parallax.Ingest;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Evaluation.Performance;

/// <summary>Time spent in one pipeline stage over a whole run.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Seconds">Summed wall time of the stage over every document (one thread, so it adds up to the run).</param>
public sealed record StageTime(string Stage, double Seconds);

/// <summary>One run of the whole per-document pipeline over a corpus folder.</summary>
/// <param name="Documents">Documents processed.</param>
/// <param name="Failed">Documents whose processing failed (reported, not counted in the words).</param>
/// <param name="Bytes">Input bytes (UTF-8) of the documents processed.</param>
/// <param name="Words">Whitespace-separated tokens of the clean text (the peers' rule).</param>
/// <param name="Seconds">Wall time of the pipeline alone (reading the files is excluded and timed by the clean stage benchmark).</param>
/// <param name="Stages">Per-stage time, in pipeline order.</param>
/// <param name="PeakWorkingSetMb">The process's peak working set after the run, in MB.</param>
/// <param name="ManagedHeapMb">Managed heap after a full collection at the end of the run, in MB (what a long run keeps).</param>
public sealed record PipelineRun(int Documents, int Failed, long Bytes, long Words, double Seconds, ImmutableArray<StageTime> Stages,
    double PeakWorkingSetMb, double ManagedHeapMb)
{
    /// <summary>Clean words per second through every stage.</summary>
    public double WordsPerSecond => Seconds > 0 ? Words / Seconds : 0;
}

/// <summary>
/// Measures the standard per-document pipeline (clean, language, tokens, time, entities, places, quantities, quotes,
/// events) on one thread, streaming a folder so memory stays flat whatever the corpus size. Used by
/// <c>parallax bench --stage pipeline</c>; figures go to docs/PERFORMANCE.md (never asserted in unit tests).
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>
    /// Reads each file of <paramref name="folder"/> and runs every stage of <paramref name="pipeline"/> on it in turn,
    /// timing each stage; the processed document is dropped before the next file is read. Models load before timing
    /// starts (one warm-up document). A document whose processing fails is counted in <see cref="PipelineRun.Failed"/>.
    /// </summary>
    public static async Task<PipelineRun> RunAsync(string folder, DocumentPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(pipeline);
        var reader = new SourceReader(new IngestOptions { MaxBytes = 64L * 1024 * 1024 });
        var stages = pipeline.Stages;
        var ticks = new long[stages.Length];
        bool warmed = false;
        int documents = 0, failed = 0;
        long bytes = 0, words = 0;
        var total = new Stopwatch();
        await foreach (var item in reader.ReadAsync([folder], cancellationToken).ConfigureAwait(false))
        {
            if (item is not IngestedSource s) continue;
            if (!warmed)
            {
                try { pipeline.Process(s.Source, cancellationToken); } catch (PipelineException) { }
                warmed = true;
            }
            var document = new Document(s.Source);
            total.Start();
            try
            {
                for (int i = 0; i < stages.Length; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    stages[i].Run(document, cancellationToken);
                    ticks[i] += Stopwatch.GetTimestamp() - t0;
                }
                documents++;
                bytes += System.Text.Encoding.UTF8.GetByteCount(s.Source.Raw);
                words += ThroughputBenchmark.CountWords(document.Text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
            }
            finally
            {
                total.Stop();
            }
        }
        var times = stages.Select((st, i) => new StageTime(st.Name, ticks[i] / (double)Stopwatch.Frequency)).ToImmutableArray();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        double heap = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        return new PipelineRun(documents, failed, bytes, words, total.Elapsed.TotalSeconds, times, self.PeakWorkingSet64 / 1e6, heap);
    }
}
