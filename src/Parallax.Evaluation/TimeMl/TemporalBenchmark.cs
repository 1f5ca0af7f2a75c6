using System.Diagnostics;
using Parallax.Nlp.Time;
using Parallax.Text.Tokens;

namespace Parallax.Evaluation.TimeMl;

/// <summary>The outcome of <see cref="TemporalBenchmark.Run"/>.</summary>
/// <param name="Texts">Documents per pass.</param>
/// <param name="Words">Whitespace-separated words per pass (the peers' word rule).</param>
/// <param name="Expressions">Temporal expressions found per pass.</param>
/// <param name="WordsPerSecond">Median over the timed passes, one thread.</param>
/// <param name="Anchored">Documents whose anchor was known or inferred (the rest stayed unknown).</param>
public sealed record TemporalBenchmarkResult(int Texts, long Words, long Expressions, double WordsPerSecond, int Anchored);

/// <summary>
/// Times the temporal stage's work on one thread: for each clean text, the anchor (the supplied date when given, else
/// inferred from the text, as <see cref="TemporalStage"/> does) and the tagging and normalisation of every expression.
/// </summary>
/// <remarks>Thread-safe (no shared state); not for unit tests (it measures wall time).</remarks>
public static class TemporalBenchmark
{
    /// <summary>Runs one untimed warm-up pass and <paramref name="repetitions"/> timed passes; reports the median rate.</summary>
    /// <param name="texts">The clean texts.</param>
    /// <param name="anchors">Per text, its known publication day or null (same length as <paramref name="texts"/>), or null for none.</param>
    /// <param name="repetitions">Timed passes (at least 1).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="repetitions"/> is below 1.</exception>
    public static TemporalBenchmarkResult Run(IReadOnlyList<string> texts, IReadOnlyList<DateOnly?>? anchors, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var tagger = new TemporalTagger();
        long words = texts.Sum(TokenizerBenchmark.CountWords);
        var (expressions, anchored) = Pass(tagger, texts, anchors);
        var rates = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            Pass(tagger, texts, anchors);
            rates[r] = words / Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-9);
        }
        Array.Sort(rates);
        return new TemporalBenchmarkResult(texts.Count, words, expressions, rates[repetitions / 2], anchored);
    }

    private static (long Expressions, int Anchored) Pass(TemporalTagger tagger, IReadOnlyList<string> texts, IReadOnlyList<DateOnly?>? anchors)
    {
        long found = 0;
        int anchored = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            var anchor = anchors?[i] is { } day ? TemporalAnchor.Known(day) : TemporalAnchor.InferAnchor(texts[i], null, TimeProvider.System);
            if (anchor is not null) anchored++;
            found += tagger.Tag(texts[i], anchor ?? new TemporalAnchor(DateOnly.MinValue, AnchorSource.Unknown, 0, "none")).Length;
        }
        return (found, anchored);
    }
}
