using System.Collections.Immutable;
using Parallax.Nlp.Time;

namespace Parallax.Nlp.Tests.Time;

public sealed class TemporalTaggerTests
{
    private static readonly TemporalTagger Tagger = new();
    private static readonly TemporalAnchor Thursday = TemporalAnchor.Known(new DateOnly(2018, 5, 31));

    private static Timex Find(ImmutableArray<Timex> timexes, string text, string surface) =>
        timexes.Single(t => t.Span.Of(text) == surface);

    [Theory]
    [InlineData("The minister said on Monday that talks would go on.", "Monday", "2018-05-28")]
    [InlineData("The ministers will meet on Monday in Vienna.", "Monday", "2018-06-04")]
    [InlineData("Last November the two sides forged an agreement.", "Last November", "2017-11")]
    [InlineData("Officials met yesterday.", "yesterday", "2018-05-30")]
    [InlineData("The army has been there since 1944.", "1944", "1944")]
    [InlineData("Prices rose in early 2011.", "early 2011", "2011")]
    [InlineData("The deal was signed on 12 June 2018.", "12 June 2018", "2018-06-12")]
    [InlineData("The file is dated 2018-06-13.", "2018-06-13", "2018-06-13")]
    [InlineData("Fighting resumed last week.", "last week", "2018-W21")]
    [InlineData("The talks lasted five years.", "five years", "P5Y")]
    [InlineData("Officials now say otherwise.", "now", "PRESENT_REF")]
    [InlineData("Tensions have risen in recent weeks.", "recent weeks", "PAST_REF")]
    [InlineData("The patrols run every week.", "every week", "P1W")]
    [InlineData("The paper is printed daily.", "daily", "P1D")]
    [InlineData("Russia intervened in September 2015.", "September 2015", "2015-09")]
    [InlineData("The vote will be held Thursday.", "Thursday", "2018-05-31")]
    [InlineData("The siege lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M")]
    [InlineData("Sales beat last year's third quarter.", "last year's third quarter", "2017-Q3")]
    [InlineData("Profit fell from the 2016 fourth quarter.", "the 2016 fourth quarter", "2016-Q4")]
    public void Tag_KnownAnchor_NormalisesValue(string sentence, string surface, string value)
    {
        // Given a sentence and a known publication day (Thursday 2018-05-31)
        // When it is tagged
        var timexes = Tagger.Tag(sentence, Thursday);

        // Then the expression has the expected TimeML value
        Assert.Equal(value, Find(timexes, sentence, surface).Value);
    }

    [Fact]
    public void Tag_OverAnHourAndAHalf_DurationWithMoreThan()
    {
        // Given a duration with an approximation word
        const string text = "The meeting lasted over an hour and a half.";

        // When it is tagged
        var t = Find(Tagger.Tag(text, Thursday), text, "over an hour and a half");

        // Then the value carries the half hour and the mod says "more than"
        Assert.Equal(TimexType.Duration, t.Type);
        Assert.Equal("PT1H30M", t.Value);
        Assert.Equal("MORE_THAN", t.Modifier);
    }

    [Fact]
    public void Tag_TwoDaysLater_ResolvesAgainstPreviousDate()
    {
        // Given an expression anchored to an earlier date rather than to the publication day
        const string text = "The envoys arrived on March 3. Two days later they left.";

        // When it is tagged
        var timexes = Tagger.Tag(text, Thursday);
        var later = Find(timexes, text, "Two days later");

        // Then it counts from March 3 and names that expression as its anchor
        Assert.Equal("2018-03-05", later.Value);
        Assert.Equal(Find(timexes, text, "March 3").Id, later.AnchorTimexId);
    }

    [Fact]
    public void Tag_FutureDateAfterAnchor_IsClaimedOrPlanned()
    {
        // Given a planned event after the publication day
        const string text = "The leaders will hold a summit on July 16 in Helsinki.";

        // When it is tagged against 2018-07-05
        var t = Find(Tagger.Tag(text, TemporalAnchor.Known(new DateOnly(2018, 7, 5))), text, "July 16");

        // Then it is dated this year and marked planned
        Assert.Equal("2018-07-16", t.Value);
        Assert.Equal(TimexRole.ClaimedOrPlanned, t.Role);
    }

    [Fact]
    public void Tag_NoAnchorAndNoCue_LeavesYearUnknown()
    {
        // Given a month and day with nothing to fix the year
        const string text = "The offer expired on June 12.";

        // When it is tagged without an anchor
        var t = Find(Tagger.Tag(text), text, "June 12");

        // Then the year is left unknown
        Assert.Equal("XXXX-06-12", t.Value);
    }

    [Fact]
    public void Tag_RandomText_SpansOrderedInsideAndNonOverlapping()
    {
        // Given texts assembled from date-like fragments with a fixed seed
        string[] parts = ["on Monday", "June 12", "last year", "two days later", "in 1981", "every week", "now", "the", "said", ",", "3 p.m.", "May", "early 2011", "the following week"];
        var random = new Random(42);
        for (int i = 0; i < 200; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 12).Select(_ => parts[random.Next(parts.Length)]));

            // When it is tagged
            var timexes = Tagger.Tag(text, Thursday);

            // Then the spans are inside the text, ordered and disjoint
            int end = 0;
            foreach (var t in timexes)
            {
                Assert.True(t.Span.Start >= end && t.Span.End <= text.Length && !t.Span.IsEmpty);
                end = t.Span.End;
            }
        }
    }
}
