using System.Collections.Immutable;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Pipeline;

/// <summary>
/// Assembles stages in an explicit order and validates it. Not thread-safe; the <see cref="DocumentPipeline"/>
/// it builds is immutable and thread-safe.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineStage> _stages = [];

    /// <summary>Appends a stage.</summary>
    public PipelineBuilder Add(IPipelineStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Inserts a stage just before the first stage of type <typeparamref name="TAnchor"/>; throws PX1005 when absent.</summary>
    public PipelineBuilder InsertBefore<TAnchor>(IPipelineStage stage) where TAnchor : IPipelineStage
    {
        _stages.Insert(IndexOf<TAnchor>(), stage);
        return this;
    }

    /// <summary>Inserts a stage just after the first stage of type <typeparamref name="TAnchor"/>; throws PX1005 when absent.</summary>
    public PipelineBuilder InsertAfter<TAnchor>(IPipelineStage stage) where TAnchor : IPipelineStage
    {
        _stages.Insert(IndexOf<TAnchor>() + 1, stage);
        return this;
    }

    /// <summary>Removes every stage of type <typeparamref name="TStage"/>.</summary>
    public PipelineBuilder Remove<TStage>() where TStage : IPipelineStage
    {
        _stages.RemoveAll(s => s is TStage);
        return this;
    }

    /// <summary>
    /// Validates and freezes the order: throws <see cref="PipelineException"/> PX1001 when a stage requires a
    /// layer that no earlier stage assigns, and PX1002 when two stages assign the same layer.
    /// </summary>
    public DocumentPipeline Build()
    {
        var assigned = new Dictionary<AnnotationKey, IPipelineStage>();
        foreach (var stage in _stages)
        {
            foreach (var need in stage.Requires)
            {
                if (!assigned.ContainsKey(need))
                    throw new PipelineException(PipelineErrorCode.RequirementNotMet,
                        $"Stage '{stage.Name}' requires layer '{need.Name}', which no earlier stage assigns. Add or move the stage that assigns it.");
            }
            foreach (var key in stage.Assigns)
            {
                if (assigned.TryGetValue(key, out var other))
                    throw new PipelineException(PipelineErrorCode.AssignedTwice,
                        $"Stages '{other.Name}' and '{stage.Name}' both assign layer '{key.Name}'. Remove one of them.");
                assigned[key] = stage;
            }
        }
        return new DocumentPipeline([.. _stages]);
    }

    private int IndexOf<TAnchor>()
    {
        int i = _stages.FindIndex(s => s is TAnchor);
        return i >= 0 ? i : throw new PipelineException(PipelineErrorCode.StageNotFound,
            $"No stage of type {typeof(TAnchor).Name} to insert relative to; add it first.");
    }
}
