using Parallax.Nlp.Documents;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Tokens;

namespace Parallax.Nlp.Tests.Quotes;

/// <summary>Invariants of the quote layer on paragraphs composed at random (fixed seeds) from quoting patterns.</summary>
public sealed class QuotePropertyTests
{
    private static readonly string[] Speakers = ["Lavrov", "Netanyahu", "the minister", "he", "she", "A senior official", "Israeli sources", "Our sources", "Assad"];
    private static readonly string[] Verbs = ["said", "told reporters", "added", "stressed", "warned", "denied"];
    private static readonly string[] Words = ["the", "border", "talks", "will", "never", "continue", "quiet", "army", "agreement", "south", "is", "not", "over"];
    private static readonly string[] Open = ["“", "\"", "‘", "«", ""];
    private static readonly string[] Close = ["”", "\"", "’", "»", ""];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 25; seed++) data.Add(seed);
        return data;
    }

    private static string Phrase(Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));

    private static string Paragraph(Random random)
    {
        var parts = new List<string>();
        for (int s = 0; s < random.Next(1, 4); s++)
        {
            var speaker = Speakers[random.Next(Speakers.Length)];
            var verb = Verbs[random.Next(Verbs.Length)];
            int mark = random.Next(Open.Length);
            parts.Add(random.Next(5) switch
            {
                0 => $"{Open[mark]}{Phrase(random, 3, 9)},{Close[random.Next(Close.Length)]} {speaker} {verb}.",
                1 => $"{speaker} {verb} that {Phrase(random, 3, 9)}.",
                2 => $"According to {speaker}, {Phrase(random, 3, 9)}.",
                3 => $"{speaker} {verb}: {Open[mark]}{Phrase(random, 2, 12)}",
                _ => $"{char.ToUpperInvariant(Phrase(random, 1, 2)[0])}{Phrase(random, 4, 10)[1..]}.",
            });
        }

        return string.Join(' ', parts);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_RandomParagraphs_SpansInsideTextOrderedAndConsistent(int seed)
    {
        // Given a few paragraphs mixing quote marks, missing marks, speakers and verbs
        var random = new Random(seed);
        var paragraphs = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Paragraph(random)).ToArray();
        var doc = QuoteStageTests.Prepare("DEBKAfile", null, paragraphs);

        // When
        var quotes = new QuoteStage().Analyze(doc);

        // Then every span lies in the text, parts are ordered inside the content, quotes are ordered with sequential ids
        var text = doc.Text;
        var sentences = doc.Get(TokenLayers.Sentences);
        for (int i = 0; i < quotes.Length; i++)
        {
            var q = quotes[i];
            Assert.Equal("q" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), q.Id);
            Assert.InRange(q.Content.End, q.Content.Start, text.Length);
            Assert.False(q.Parts.IsDefaultOrEmpty);
            Assert.Equal(q.Content.Start, q.Parts[0].Start);
            Assert.Equal(q.Content.End, q.Parts[^1].End);
            for (int p = 1; p < q.Parts.Length; p++) Assert.True(q.Parts[p - 1].End <= q.Parts[p].Start);
            if (i > 0) Assert.True(quotes[i - 1].Content.Start <= q.Content.Start);
            if (q.Cue is { } cue) Assert.InRange(cue.End, cue.Start, text.Length);
            if (q.Speaker?.Span is { } sp) Assert.InRange(sp.End, sp.Start, text.Length);
            Assert.InRange(q.Confidence, 0, 1);
            Assert.NotEmpty(q.Sentences);
            Assert.All(q.Sentences, s => Assert.Contains(s, sentences));
            Assert.All(q.Parts, part => Assert.Contains(q.Sentences, s => s.Overlaps(part)));
            if (q.Kind == QuoteKind.Indirect) Assert.NotNull(q.Speaker);
        }
    }
}
