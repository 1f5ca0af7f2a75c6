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
        anchor ??= TemporalAnchor.InferAnchor(text, null);
        return new TimexResolver(text, anchor).Resolve(TimexGrammar.Recognize(text));
    }
}
