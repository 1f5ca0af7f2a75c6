using Parallax.Nlp.Quantities;

namespace Parallax.Nlp.Tests.Quantities;

/// <summary>Invariants of the quantity layer on sentences composed at random (fixed seeds).</summary>
public sealed class QuantityPropertyTests
{
    private static readonly string[] Bounds = ["", "at least ", "up to ", "about ", "more than ", "nearly ", "some ", "between "];
    private static readonly string[] Numbers = ["5", "9,000", "1.5 million", "five", "twenty-five", "a dozen", "an", "1967", "12"];
    private static readonly string[] Units = ["km", "miles", "kilometres", "people", "Hezbollah fighters", "hours", "percent", "", "lines"];
    private static readonly string[] Tails = [" from the Golan Heights", " in 2018", " on May 31", ".", " near the border", " (37 miles) from the river"];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 25; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_RandomSentences_SpansInsideSentenceOrderedAndBoundsConsistent(int seed)
    {
        // Given sentences mixing bounds, number forms, units, counts, dates and references
        var random = new Random(seed);
        string Pick(string[] xs) => xs[random.Next(xs.Length)];
        var paragraphs = Enumerable.Range(0, random.Next(1, 4)).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var bound = Pick(Bounds);
            var number = bound == "between " ? $"{Pick(Numbers)} and {Pick(Numbers)}" : Pick(Numbers);
            return $"The report put it at {bound}{number} {Pick(Units)}{Pick(Tails)}.".Replace("..", ".", StringComparison.Ordinal);
        }))).ToArray();
        var doc = QuantityStageTests.Prepare(paragraphs);

        // When
        var quantities = new QuantityStage().Analyze(doc);

        // Then
        var text = doc.Text;
        for (int i = 0; i < quantities.Length; i++)
        {
            var q = quantities[i];
            Assert.Equal("n" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), q.Id);
            Assert.InRange(q.Span.End, q.Span.Start + 1, text.Length);
            Assert.True(q.Sentence.Contains(q.Span));
            if (i > 0) Assert.True(quantities[i - 1].Span.End <= q.Span.Start);
            Assert.True(q.Low <= q.High);
            if (q.Bound != QuantityBound.Range) Assert.Equal(q.Low, q.High);
            if (q.MeasuredSpan is { } m)
            {
                Assert.True(q.Span.Contains(m));
                Assert.Equal(q.Measured, m.Of(text));
            }

            Assert.False(string.IsNullOrEmpty(q.Unit));
            Assert.InRange(q.Confidence, 0, 1);
        }
    }
}
