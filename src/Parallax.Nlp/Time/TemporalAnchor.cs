using System.Collections.Immutable;
namespace Parallax.Nlp.Time;

/// <summary>Where a document's temporal anchor came from.</summary>
public enum AnchorSource
{
    /// <summary>The document creation time was supplied (metadata, TimeML DCT).</summary>
    Known,
    /// <summary>Inferred from cues in the text (dateline, weekday paired with a date, latest dated event).</summary>
    Inferred,
    /// <summary>No cue fixes the day: <see cref="TemporalAnchor.Date"/> is only a lower bound or a guess, and relative
    /// expressions are left unresolved (XXXX-…).</summary>
    Unknown,
}

/// <summary>
/// The reference date that relative expressions ("yesterday", "on Monday", "last year") are resolved against: normally
/// the publication day (the TimeML document creation time).
/// </summary>
/// <param name="Date">The anchor day.</param>
/// <param name="Source">Known, inferred, or unknown.</param>
/// <param name="Confidence">In [0, 1]: 1 for a supplied date; below 0.5 means the inference is uncertain.</param>
/// <param name="Explanation">How the date was found, for the report.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TemporalAnchor(DateOnly Date, AnchorSource Source, double Confidence, string Explanation)
{
    /// <summary>True when relative expressions may be resolved against <see cref="Date"/>.</summary>
    public bool IsUsable => Source != AnchorSource.Unknown;

    /// <summary>A supplied document creation time.</summary>
    public static TemporalAnchor Known(DateOnly date, string explanation = "document creation time supplied") =>
        new(date, AnchorSource.Known, 1.0, explanation);

    /// <summary>
    /// Infers the publication day from the text when it is not supplied: a dateline ("July 05/18") fixes it; a weekday
    /// paired with a date ("Wednesday, June 13") fixes the year (the most recent fitting year not after now and not before
    /// the latest year the text mentions); the latest past event date mentioned is a lower bound.
    /// </summary>
    /// <param name="text">The clean text.</param>
    /// <param name="hint">An approximate date known from elsewhere (crawl or story date): it bounds "now" and is the fallback.</param>
    /// <returns>The anchor, or null when no cue fixes a day and no hint was given (the caller should treat the date as unknown).
    /// Thread-safe.</returns>
    public static TemporalAnchor? InferAnchor(string text, DateOnly? hint) => InferAnchor(text, hint, TimeProvider.System);

    /// <summary>As <see cref="InferAnchor(string, DateOnly?)"/>, with "now" read from <paramref name="time"/>.</summary>
    public static TemporalAnchor? InferAnchor(string text, DateOnly? hint, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(time);
        var now = hint ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return AnchorInference.Infer(text, hint, now);
    }

    /// <summary>As <see cref="InferAnchor(string, DateOnly?, TimeProvider)"/>, over already recognised expressions.</summary>
    internal static TemporalAnchor? InferAnchor(string text, ImmutableArray<Mention> mentions, DateOnly? hint, TimeProvider time)
    {
        var now = hint ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return AnchorInference.Infer(text, mentions, hint, now);
    }
}
