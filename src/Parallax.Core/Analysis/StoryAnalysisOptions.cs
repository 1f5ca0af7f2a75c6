namespace Parallax.Core.Analysis;

/// <summary>Thresholds of the story analysis. Immutable.</summary>
public sealed record StoryAnalysisOptions
{
    /// <summary>The default options.</summary>
    public static StoryAnalysisOptions Default { get; } = new();

    /// <summary>How many days before its report an event whose text gives no date can have happened (default 21).</summary>
    public int RecentDays { get; init; } = 21;

    /// <summary>How many days after its report a planned event with no date can happen (default 60).</summary>
    public int PlannedDays { get; init; } = 60;

    /// <summary>Relative tolerance on each side of a number before two values count as different (default 0.05: 5 %);
    /// approximate values ("about", "some") get twice this.</summary>
    public double QuantityTolerance { get; init; } = 0.05;

    /// <summary>How many sentences back a denial cue ("denied the report") looks for the reported event it denies (default 3).</summary>
    public int DenialWindowSentences { get; init; } = 3;

    /// <summary>Most sentences in the multi-source summary (default 6).</summary>
    public int SummarySentences { get; init; } = 6;
}
