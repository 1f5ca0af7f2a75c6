using System.Collections.Immutable;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Pipeline;

/// <summary>The outcome of one document in a batch: the processed document, or the error that stopped it.</summary>
/// <param name="Source">The source that was processed.</param>
/// <param name="Document">The processed document, or null when it failed.</param>
/// <param name="Error">The failure, or null on success.</param>
public sealed record DocumentOutcome(DocumentSource Source, Document? Document, Exception? Error)
{
    /// <summary>True when the document was processed completely.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>
/// An immutable, validated sequence of stages. Thread-safe: many threads may process different documents
/// with one instance. Built by <see cref="PipelineBuilder"/>.
/// </summary>
public sealed class DocumentPipeline
{
    internal DocumentPipeline(ImmutableArray<IPipelineStage> stages) => Stages = stages;

    /// <summary>The stages in the order they run.</summary>
    public ImmutableArray<IPipelineStage> Stages { get; }

    /// <summary>
    /// Runs every stage on one document. A stage's exception is wrapped in <see cref="PipelineException"/>
    /// PX1006 naming the stage and the source; cancellation propagates as <see cref="OperationCanceledException"/>.
    /// </summary>
    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                stage.Run(document, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (PipelineException)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw new PipelineException(PipelineErrorCode.StageFailed,
                    $"Stage '{stage.Name}' failed on {document.Source.SourceId}: {ex.Message}", ex);
            }
        }
        return document;
    }

    /// <summary>Creates a document from the source and processes it.</summary>
    public Document Process(DocumentSource source, CancellationToken cancellationToken = default) =>
        Process(new Document(source), cancellationToken);

    /// <summary>
    /// Processes a batch with at most <paramref name="maxParallelism"/> documents in flight. Each outcome,
    /// success or failure, is passed to <paramref name="onOutcome"/> (called concurrently; it must be thread-safe).
    /// One document's failure never stops the batch; cancellation does, with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task RunBatchAsync(
        IAsyncEnumerable<DocumentSource> sources,
        Func<DocumentOutcome, CancellationToken, ValueTask> onOutcome,
        int maxParallelism,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(onOutcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sources, options, async (source, ct) =>
        {
            DocumentOutcome outcome;
            try
            {
                outcome = new DocumentOutcome(source, Process(source, ct), null);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                outcome = new DocumentOutcome(source, null, ex);
            }
            await onOutcome(outcome, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
