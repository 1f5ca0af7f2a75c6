using System.Collections.Immutable;

namespace Parallax.Nlp.Time;

/// <summary>
/// Finds temporal expressions (TimeML TIMEX3) in English text and normalises them against an anchor date.
/// </summary>
/// <remarks>
/// Thread-safe: holds no mutable state; patterns are compiled once per process. Spans are UTF-16 code units into the text
/// passed to <see cref="Tag"/>. Recognition is rule-based (compiled patterns over the raw characters, no tokenizer).
/// </remarks>
public sealed class TemporalTagger
{
    /// <summary>
    /// Tags the text. Relative expressions are resolved against <paramref name="anchor"/>; when it is null the anchor is
    /// inferred from the text (<see cref="TemporalAnchor.InferAnchor(string, DateOnly?)"/>), and when none can be inferred
    /// they keep unknown parts (XXXX-06-12, XXXX-WXX-1).
    /// </summary>
    /// <param name="text">The clean text.</param>
    /// <param name="anchor">The document creation time, or null.</param>
    /// <returns>The expressions in text order, none overlapping.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public ImmutableArray<Timex> Tag(string text, TemporalAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = TimexGrammar.Recognize(text);
        return Resolve(text, anchor ?? TemporalAnchor.InferAnchor(text, mentions, null, TimeProvider.System), mentions);
    }

    /// <summary>Resolves already recognised expressions (<see cref="TimexGrammar.Recognize"/>) against the anchor.</summary>
    internal ImmutableArray<Timex> Resolve(string text, TemporalAnchor? anchor, ImmutableArray<Mention> mentions) =>
        new TimexResolver(text, anchor).Resolve(mentions);

    /// <summary>
    /// The ranges among expressions this tagger returned for <paramref name="text"/>: two dates of one granularity joined
    /// by "-", "between … and", "from … to/until/through" ("June 12-15", "from May to July").
    /// </summary>
    /// <param name="text">The text the expressions were tagged in.</param>
    /// <param name="timexes">The expressions, in text order, as <see cref="Tag"/> returned them.</param>
    /// <returns>The ranges in text order (ids r1, r2, …); none share an expression.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public static ImmutableArray<TimexRange> Ranges(string text, ImmutableArray<Timex> timexes)
    {
        ArgumentNullException.ThrowIfNull(text);
        return timexes.IsDefaultOrEmpty ? [] : TimexRanges.Find(text, timexes);
    }
}
