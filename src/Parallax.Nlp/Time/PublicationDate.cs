using System.Globalization;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Time;

/// <summary>
/// Turns the temporal stage's inferred anchor into a publication-date metadata candidate, so an article whose date no
/// reader, page tag or text cue supplied still carries one, marked <see cref="MetadataSource.Inferred"/> with the
/// anchor's confidence and explanation. A date from any other source wins over it by source preference.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class PublicationDate
{
    /// <summary>Inferred dates with a confidence below this are shown as uncertain (the anchor's own threshold).</summary>
    public const double UncertainBelow = 0.5;

    /// <summary>
    /// The <see cref="MetadataField.Published"/> candidate for an anchor: the anchor day as ISO 8601 (yyyy-MM-dd), source
    /// <see cref="MetadataSource.Inferred"/>, the anchor's confidence, and its explanation as evidence (no raw span: the
    /// evidence is a reasoning, not a snippet of the input).
    /// </summary>
    /// <param name="anchor">The anchor from <see cref="TimeLayers.Anchor"/>.</param>
    /// <returns>The candidate, or null when the anchor was not inferred: a <see cref="AnchorSource.Known"/> anchor came from
    /// the metadata already, and an <see cref="AnchorSource.Unknown"/> one fixes no day.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="anchor"/> is null.</exception>
    public static MetadataCandidate? Candidate(TemporalAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        if (anchor.Source != AnchorSource.Inferred) return null;
        return new MetadataCandidate(
            MetadataField.Published,
            anchor.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MetadataSource.Inferred,
            Math.Clamp(anchor.Confidence, 0, 1),
            "inferred from the text: " + anchor.Explanation);
    }

    /// <summary>
    /// The chosen publication date as an instant when a reader, the page or a text cue supplied it; null when it is unknown,
    /// unparseable, or only inferred. Story clustering uses this for its recency decay: an inference from a weekday or the
    /// latest date mentioned is evidence for the report, too weak to pull articles of one story apart.
    /// </summary>
    /// <param name="metadata">The resolved metadata (<see cref="Document.Metadata"/>).</param>
    /// <returns>The instant; a date without a time is midnight UTC.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="metadata"/> is null.</exception>
    public static DateTimeOffset? Supplied(ArticleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var chosen = metadata[MetadataField.Published];
        if (chosen is null || chosen.Source == MetadataSource.Inferred) return null;
        return DateTimeOffset.TryParse(chosen.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    /// <summary>True when a publication-date candidate is an inference too weak to rely on (inferred, confidence below
    /// <see cref="UncertainBelow"/>).</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="candidate"/> is null.</exception>
    public static bool IsUncertain(MetadataCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Source == MetadataSource.Inferred && candidate.Confidence < UncertainBelow;
    }
}
