using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Quantities;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Quantities;

/// <summary>Specs for the quantity stage on hand-written sentences, after the real tokenizer, temporal and entity stages.</summary>
public sealed class QuantityStageTests
{
    private static readonly QuantityStage Stage = new();
    private static readonly EntityStage Entities = new();

    internal static Document Prepare(params string[] paragraphs)
    {
        var builder = new DocumentBuilder();
        foreach (var p in paragraphs) builder.Paragraph(p);
        builder.Meta(MetadataField.Published, "2018-06-01", MetadataSource.User);
        var doc = builder.Build();
        new TokenizationStage().Run(doc, CancellationToken.None);
        new TemporalStage().Run(doc, CancellationToken.None);
        Entities.Run(doc, CancellationToken.None);
        return doc;
    }

    private static (Document Doc, ImmutableArray<Quantity> Quantities) Run(string sentence)
    {
        var doc = Prepare(sentence);
        return (doc, Stage.Analyze(doc));
    }

    private static Quantity One(string sentence, out Document doc)
    {
        var (d, quantities) = Run(sentence);
        doc = d;
        Assert.Single(quantities);
        return quantities[0];
    }

    [Theory]
    [InlineData("The patrol stopped 12 km from the crossing.", 12, "km", "km")]
    [InlineData("The patrol stopped 12 kilometres from the crossing.", 12, "km", "kilometres")]
    [InlineData("The patrol stopped twelve kilometers from the crossing.", 12, "km", "kilometers")]
    [InlineData("The patrol stopped 800 meters from the crossing.", 0.8, "km", "meters")]
    [InlineData("Turnout reached 40 percent in the capital.", 40, "percent", "percent")]
    [InlineData("Turnout reached 40% in the capital.", 40, "percent", "%")]
    [InlineData("The talks lasted 45 minutes in the end.", 2700, "s", "minutes")]
    public void Analyze_NumberWithUnit_NormalisedValue(string sentence, double value, string unit, string original)
    {
        // Given / When
        var q = One(sentence, out _);

        // Then
        Assert.Equal(value, q.Low, 6);
        Assert.Equal(value, q.High, 6);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(original, q.OriginalUnit);
        Assert.Equal(QuantityBound.Exact, q.Bound);
    }

    [Fact]
    public void Analyze_Miles_ConvertedToKilometres()
    {
        // Given
        var q = One("The guns were pulled back 15 miles overnight.", out var doc);

        // Then
        Assert.Equal(24.14016, q.Low, 5);
        Assert.Equal("km", q.Unit);
        Assert.Equal(15, q.OriginalValue);
        Assert.Equal("miles", q.OriginalUnit);
        Assert.Equal("15 miles", q.Span.Of(doc.Text));
    }

    [Fact]
    public void Analyze_DollarsInMillions_MoneyInUsd()
    {
        // Given
        var q = One("The donors pledged $5 million for the clinics.", out _);

        // Then
        Assert.Equal(5_000_000, q.Low);
        Assert.Equal("USD", q.Unit);
    }

    [Theory]
    [InlineData("Officials counted five rebels at the gate.", 5, "rebel")]
    [InlineData("Officials counted twenty-five rebels at the gate.", 25, "rebel")]
    [InlineData("Officials counted 9,500 refugees at the gate.", 9500, "refugee")]
    [InlineData("Officials counted 1.5 million refugees across the region.", 1_500_000, "refugee")]
    [InlineData("Officials counted a dozen soldiers at the gate.", 12, "soldier")]
    public void Analyze_NumberFormsBeforeCountedNoun_CountWithLemma(string sentence, double value, string lemma)
    {
        // Given / When
        var q = One(sentence, out _);

        // Then
        Assert.Equal(value, q.Low);
        Assert.Equal(lemma, q.Unit);
        Assert.Null(q.OriginalUnit);
    }

    [Fact]
    public void Analyze_CountWithModifiers_MeasuredHoldsTheWholeNounPhrase()
    {
        // Given
        var q = One("The estimate speaks of 4,000 Iraqi militia fighters in the area.", out var doc);

        // Then
        Assert.Equal(4000, q.Low);
        Assert.Equal("fighter", q.Unit);
        Assert.Equal("Iraqi militia fighters", q.Measured);
        Assert.Equal("Iraqi militia fighters", q.MeasuredSpan!.Value.Of(doc.Text));
        Assert.Equal("4,000 Iraqi militia fighters", q.Span.Of(doc.Text));
    }

    [Theory]
    [InlineData("Shelling killed at least nine people in the town.", QuantityBound.AtLeast, 9)]
    [InlineData("Shelling killed more than 30 people in the town.", QuantityBound.AtLeast, 30)]
    [InlineData("The camp can hold up to 500 people at a time.", QuantityBound.AtMost, 500)]
    [InlineData("Shelling killed nearly 40 people in the town.", QuantityBound.AtMost, 40)]
    [InlineData("The group has some 3,000 fighters in the south.", QuantityBound.Approximate, 3000)]
    [InlineData("The group has about 3,000 fighters in the south.", QuantityBound.Approximate, 3000)]
    public void Analyze_BoundWords_Bound(string sentence, QuantityBound bound, double value)
    {
        // Given / When
        var q = One(sentence, out _);

        // Then
        Assert.Equal(bound, q.Bound);
        Assert.Equal(value, q.Low);
    }

    [Theory]
    [InlineData("The zone would stretch five to 20 kilometers east of the river.", "five to 20 kilometers")]
    [InlineData("The zone would stretch 5-20 km east of the river.", "5-20 km")]
    [InlineData("The zone would stretch between 5 and 20 km east of the river.", "between 5 and 20 km")]
    public void Analyze_RangeForms_RangeInKilometres(string sentence, string words)
    {
        // Given / When
        var q = One(sentence, out var doc);

        // Then
        Assert.Equal(QuantityBound.Range, q.Bound);
        Assert.Equal(5, q.Low);
        Assert.Equal(20, q.High);
        Assert.Equal("km", q.Unit);
        Assert.Equal(words, q.Span.Of(doc.Text));
    }

    [Fact]
    public void Analyze_OverAnHourAndAHalf_LowerBoundDurationInSeconds()
    {
        // Given
        var q = One("The phone call went on for over an hour and a half.", out var doc);

        // Then
        Assert.Equal(QuantityBound.AtLeast, q.Bound);
        Assert.Equal(5400, q.Low);
        Assert.Equal("s", q.Unit);
        Assert.Equal("over an hour and a half", q.Span.Of(doc.Text));
    }

    [Fact]
    public void Analyze_DistanceFromAPlace_ReferenceAndHolder()
    {
        // Given a distance with what it is measured from and whom it applies to
        var q = One("Moscow agreed to keep Iranian-backed militias 20 miles from the occupied Golan Heights.", out _);

        // Then
        Assert.Equal("the Golan Heights", q.Reference);
        Assert.Equal("Iranian-backed militias", q.Holder);
        Assert.Equal(32.18688, q.Low, 5);
    }

    [Fact]
    public void Analyze_HolderBeforeStayVerb_SubjectIsTheHolder()
    {
        // Given
        var q = One("Under the plan the militias would remain about ten kilometers from the frontier.", out _);

        // Then
        Assert.Equal("the militias", q.Holder);
        Assert.Equal("the frontier", q.Reference);
        Assert.Equal(QuantityBound.Approximate, q.Bound);
    }

    [Theory]
    [InlineData("The town was taken in 1967 and never returned.")]
    [InlineData("Talks on the 1967 lines resumed quietly.")]
    [InlineData("The envoy arrived on June 12 with a new offer.")]
    [InlineData("The envoy arrived at 10:30 with a new offer.")]
    [InlineData("The 4th Division withdrew from the hills.")]
    [InlineData("The text is on page 5 of the report.")]
    [InlineData("The council cited Resolution 2254 again.")]
    [InlineData("One of the envoys left early.")]
    public void Analyze_YearsDatesTimesOrdinalsIdentifiers_NoQuantity(string sentence)
    {
        // Given / When
        var (_, quantities) = Run(sentence);

        // Then
        Assert.Empty(quantities);
    }

    [Fact]
    public void Analyze_ConversionInBrackets_SharesTheReference()
    {
        // Given
        var (_, quantities) = Run("The demand was to keep the militias at least 40 kilometers (25 miles) from the border.");

        // Then
        Assert.Equal(2, quantities.Length);
        Assert.Equal(QuantityBound.AtLeast, quantities[0].Bound);
        Assert.Equal("the border", quantities[0].Reference);
        Assert.Equal("the border", quantities[1].Reference);
        Assert.Equal(["n1", "n2"], quantities.Select(q => q.Id));
    }
}
