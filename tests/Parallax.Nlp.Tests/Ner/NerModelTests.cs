using Parallax.Nlp.Ner;
using Parallax.Text;
using Parallax.Text.Tokens;

namespace Parallax.Nlp.Tests.Ner;

public sealed class NerModelTests
{
    private static (string Text, List<NerSpan> Spans) Tag(string text)
    {
        var tokens = Tokenizer.Default.Tokenize(text);
        var sentences = SentenceSplitter.Default.Split(text, tokens);
        return (text, [.. NerModel.Default.Tag(text, tokens.AsSpan(), sentences.AsSpan())]);
    }

    [Fact]
    public void Tag_NewsSentence_FindsPeoplePlacesAndDemonyms()
    {
        // Given an invented news sentence
        var (text, spans) = Tag("Syrian President Bashar al-Assad met Vladimir Putin in Moscow on Monday, officials in Damascus said.");

        // When / Then the names, places and the adjective are found with their types
        var found = spans.Select(s => (s.Span.Of(text), s.Type)).ToList();
        Assert.Contains(("Vladimir Putin", EntityType.Person), found);
        Assert.Contains(("Moscow", EntityType.Location), found);
        Assert.Contains(("Damascus", EntityType.Location), found);
        Assert.Contains(("Syrian", EntityType.Norp), found);
        Assert.Contains(found, f => f.Item1.EndsWith("Bashar al-Assad", StringComparison.Ordinal));
    }

    [Fact]
    public void Tag_ProAdjective_IsNorp()
    {
        // Given a hyphenated "pro-" adjective
        var (text, spans) = Tag("Fighters from pro-Iranian militias withdrew from the town.");

        // When / Then
        Assert.Contains(spans, s => s.Span.Of(text) == "pro-Iranian" && s.Type == EntityType.Norp);
    }

    [Fact]
    public void Tag_RandomTexts_SpansOrderedInsideTextOnTokenBoundaries()
    {
        // Given texts assembled from a fixed seed out of names, words and punctuation
        string[] pieces = ["Assad", "said", "the", "Hezbollah", "al-Quds", "—", "Jordan", "“", "”", ".", ",", "Putin", "of", "Russia", "3", "in", "UN", "Gen.", "Syrian", "\n\n", "(", ")"];
        var random = new Random(4242);
        for (int round = 0; round < 200; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));

            // When tagged
            var tokens = Tokenizer.Default.Tokenize(text);
            var (_, spans) = Tag(text);

            // Then spans are ordered, disjoint, non-empty, inside the text and start and end on token edges
            int previousEnd = 0;
            foreach (var s in spans)
            {
                Assert.True(s.Span.Start >= previousEnd && s.Span.End > s.Span.Start && s.Span.End <= text.Length, text);
                Assert.Contains(tokens, t => t.Start == s.Span.Start);
                Assert.Contains(tokens, t => t.End == s.Span.End);
                Assert.InRange(s.Confidence, 0, 1);
                previousEnd = s.Span.End;
            }
        }
    }

    [Fact]
    public void Default_ShippedModel_IsSmallAndHasTheBenchTypes()
    {
        // Given / When the shipped model
        var model = NerModel.Default;

        // Then it knows PER, ORG and LOC
        Assert.Contains("B-PER", model.Labels);
        Assert.Contains("B-ORG", model.Labels);
        Assert.Contains("B-LOC", model.Labels);
        Assert.Equal("O", model.Labels[0]);
    }
}
