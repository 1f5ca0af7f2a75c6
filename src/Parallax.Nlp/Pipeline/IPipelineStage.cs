using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Pipeline;

/// <summary>
/// One step of the per-document pipeline. A stage must be stateless across documents (or hold only
/// immutable state such as a loaded model) so that one instance can serve many threads.
/// </summary>
public interface IPipelineStage
{
    /// <summary>Short stable name, used in errors and progress output.</summary>
    string Name { get; }

    /// <summary>Layers that must be assigned before this stage runs.</summary>
    IReadOnlyList<AnnotationKey> Requires { get; }

    /// <summary>Layers this stage assigns. No two stages of one pipeline may assign the same layer.</summary>
    IReadOnlyList<AnnotationKey> Assigns { get; }

    /// <summary>Analyses the document and writes this stage's layers. Must honour <paramref name="cancellationToken"/>.</summary>
    void Run(Document document, CancellationToken cancellationToken);
}

/// <summary>
/// A stage split into a pure <see cref="Analyze"/> (testable on hand-built documents, writes nothing)
/// and an <see cref="Apply"/> that writes the result's layers.
/// </summary>
/// <typeparam name="TResult">What the analysis computes.</typeparam>
public abstract class PipelineStage<TResult> : IPipelineStage
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<AnnotationKey> Requires { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<AnnotationKey> Assigns { get; }

    /// <summary>Computes the result from the document's existing layers without changing the document.</summary>
    public abstract TResult Analyze(Document document, CancellationToken cancellationToken = default);

    /// <summary>Writes the result as the layers named in <see cref="Assigns"/>.</summary>
    public abstract void Apply(Document document, TResult result);

    /// <inheritdoc />
    public void Run(Document document, CancellationToken cancellationToken) =>
        Apply(document, Analyze(document, cancellationToken));
}
