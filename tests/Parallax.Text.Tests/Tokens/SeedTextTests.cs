using Parallax.Testing;
using Parallax.Text.Tokens;

namespace Parallax.Text.Tests.Tokens;

public sealed class SeedTextTests
{
    [SharedFact("seeds")]
    public void Split_SeedArticles_GivesPlausibleSentences()
    {
        // Given the shared seed articles
        var files = Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        long words = 0;
        long sentenceCount = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);

            // When each is tokenised and split into sentences
            var tokens = Tokenizer.Default.Tokenize(text);
            var sentences = SentenceSplitter.Default.Split(text, tokens);

            // Then the contracts hold, and inside a line a sentence only ends at sentence punctuation,
            // never after a title, an initial or "U.S." that a name follows
            Assert.Null(TokenInvariants.Violation(text, tokens, sentences));
            int k = 0;
            for (int s = 0; s < sentences.Length - 1; s++)
            {
                while (tokens[k].End < sentences[s].End) k++;
                var last = tokens[k];
                var next = tokens[k + 1];
                if (text.AsSpan(last.End, next.Start - last.End).Contains('\n')) continue;
                var lastText = last.Of(text).ToString();
                int m = k;
                while (m > 0 && (tokens[m].Flags & TokenFlags.Closing) != 0) m--;
                char end = text[tokens[m].End - 1];
                Assert.True(end is '.' or '!' or '?' or '…' or '؟', $"{Path.GetFileName(file)}: sentence ends without punctuation: …{Tail(text, sentences[s])}");
                bool nameFollows = (next.Flags & TokenFlags.Capitalized) != 0 && next.Kind == TokenKind.Word && !IsCommonOpener(next.Of(text).ToString());
                Assert.False(last.Kind == TokenKind.Abbreviation && nameFollows,
                    $"{Path.GetFileName(file)}: sentence ends at '{lastText}' before the name '{next.Of(text).ToString()}'");
            }
            words += TokenizerBenchmark.CountWords(text);
            sentenceCount += sentences.Length;
        }

        // And sentences are of news length on average
        double mean = (double)words / sentenceCount;
        Assert.InRange(mean, 8, 40);
    }

    private static string Tail(string text, TextSpan span) => text[Math.Max(span.Start, span.End - 40)..span.End];

    private static bool IsCommonOpener(string word) => word is "The" or "He" or "She" or "It" or "They" or "In" or "This";
}
