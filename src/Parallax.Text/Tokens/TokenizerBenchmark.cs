using System.Diagnostics;

namespace Parallax.Text.Tokens;

/// <summary>
/// Times tokenisation plus sentence splitting on one thread, for the performance notes; never used by tests as
/// an assertion. Words are counted as whitespace-separated runs, the rule the peer tools use.
/// </summary>
public static class TokenizerBenchmark
{
    /// <summary>
    /// Runs one untimed warm-up pass over <paramref name="texts"/>, then <paramref name="repetitions"/> timed passes,
    /// and returns the median passes' words per second and the words in one pass. Single-threaded; throws
    /// <see cref="ArgumentNullException"/> for null texts and <see cref="ArgumentOutOfRangeException"/> when
    /// <paramref name="repetitions"/> is below 1.
    /// </summary>
    public static (double WordsPerSecond, long Words) Run(IReadOnlyList<string> texts, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        long words = 0;
        foreach (var t in texts) words += CountWords(t);
        var tokens = new List<Token>(4096);
        var sentences = new List<TextSpan>(256);
        Pass(texts, tokens, sentences);
        var rates = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            Pass(texts, tokens, sentences);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            rates[r] = words / Math.Max(seconds, 1e-9);
        }
        Array.Sort(rates);
        return (rates[repetitions / 2], words);
    }

    /// <summary>Whitespace-separated runs in <paramref name="text"/>.</summary>
    public static long CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        long n = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }

    private static void Pass(IReadOnlyList<string> texts, List<Token> tokens, List<TextSpan> sentences)
    {
        foreach (var text in texts)
        {
            tokens.Clear();
            sentences.Clear();
            Tokenizer.Default.Tokenize(text, tokens);
            SentenceSplitter.Default.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
        }
    }
}
