using System.Diagnostics;
using System.Runtime.InteropServices;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Ner;

/// <summary>
/// Times tokenisation, sentence splitting and named-entity tagging together on one thread, for the performance notes
/// (docs/PERFORMANCE.md); never used by tests as an assertion. Words are whitespace-separated runs, the rule the peer
/// tools use. Linking to the knowledge base is not included: it is measured by the pipeline benchmark.
/// </summary>
public static class NerBenchmark
{
    /// <summary>
    /// One untimed warm-up pass over <paramref name="texts"/>, then <paramref name="repetitions"/> timed passes; returns
    /// the median pass's words per second, the words in one pass and the entities found in one pass. Single-threaded.
    /// Throws <see cref="ArgumentNullException"/> and <see cref="ArgumentOutOfRangeException"/> (repetitions below 1).
    /// </summary>
    public static (double WordsPerSecond, long Words, long Entities) Run(IReadOnlyList<string> texts, int repetitions, NerModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        model ??= NerModel.Default;
        long words = texts.Sum(TokenizerBenchmark.CountWords);
        var tokens = new List<Token>(4096);
        var sentences = new List<TextSpan>(256);
        long entities = Pass(model, texts, tokens, sentences);
        var rates = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            Pass(model, texts, tokens, sentences);
            rates[r] = words / Math.Max(Stopwatch.GetElapsedTime(start).TotalSeconds, 1e-9);
        }

        Array.Sort(rates);
        return (rates[repetitions / 2], words, entities);
    }

    private static long Pass(NerModel model, IReadOnlyList<string> texts, List<Token> tokens, List<TextSpan> sentences)
    {
        long entities = 0;
        foreach (var text in texts)
        {
            tokens.Clear();
            sentences.Clear();
            Tokenizer.Default.Tokenize(text, tokens);
            var tokenSpan = CollectionsMarshal.AsSpan(tokens);
            SentenceSplitter.Default.Split(text, tokenSpan, sentences);
            entities += model.Tag(text, tokenSpan, CollectionsMarshal.AsSpan(sentences)).Count;
        }

        return entities;
    }
}
