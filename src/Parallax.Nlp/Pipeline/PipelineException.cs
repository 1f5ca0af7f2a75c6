namespace Parallax.Nlp.Pipeline;

/// <summary>Stable codes for pipeline errors (PX1xxx). The numbers never change meaning.</summary>
public enum PipelineErrorCode
{
    /// <summary>PX1001: a stage requires a layer no earlier stage assigns.</summary>
    RequirementNotMet = 1001,
    /// <summary>PX1002: two stages assign the same layer.</summary>
    AssignedTwice = 1002,
    /// <summary>PX1003: a layer was written twice on one document.</summary>
    LayerWrittenTwice = 1003,
    /// <summary>PX1004: a layer was read before it was assigned.</summary>
    LayerMissing = 1004,
    /// <summary>PX1005: InsertBefore/InsertAfter named a stage that is not in the builder.</summary>
    StageNotFound = 1005,
    /// <summary>PX1006: a stage failed on a document.</summary>
    StageFailed = 1006,
}

/// <summary>A pipeline error with a stable code ("PX1001") and a message that says what to do.</summary>
public sealed class PipelineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PipelineException(PipelineErrorCode code, string message, Exception? inner = null)
        : base($"PX{(int)code}: {message}", inner) => Code = code;

    /// <summary>The stable error code.</summary>
    public PipelineErrorCode Code { get; }
}
