using System.Collections.Immutable;
using Parallax.Nlp.Time;

namespace Parallax.Nlp.Tests.Time;

public sealed class TimexRangeTests
{
    private static readonly TemporalTagger Tagger = new();
    private static readonly TemporalAnchor Anchor = TemporalAnchor.Known(new DateOnly(2018, 7, 20));

    private static (ImmutableArray<Timex> Timexes, ImmutableArray<TimexRange> Ranges) Tag(string text)
    {
        var timexes = Tagger.Tag(text, Anchor);
        return (timexes, TemporalTagger.Ranges(text, timexes));
    }

    [Theory]
    [InlineData("Talks were held between June 12 and 15 in Vienna.", "between June 12 and 15", "2018-06-12", "2018-06-15", "P4D")]
    [InlineData("Talks were held June 12-15 in Vienna.", "June 12-15", "2018-06-12", "2018-06-15", "P4D")]
    [InlineData("The truce held from May to July.", "from May to July", "2018-05", "2018-07", "P3M")]
    [InlineData("He served from 2011 to 2015 as envoy.", "from 2011 to 2015", "2011", "2015", "P5Y")]
    public void Ranges_TwoDatesJoined_OneRangeWithBothEnds(string text, string surface, string begin, string end, string duration)
    {
        // Given a sentence with a range of dates
        // When it is tagged and its ranges found
        var (timexes, ranges) = Tag(text);

        // Then one range covers the words, its ends are the two dates, and its duration counts both ends
        var range = Assert.Single(ranges);
        Assert.Equal(surface, range.Span.Of(text));
        Assert.Equal(begin, timexes.Single(t => t.Id == range.BeginId).Value);
        Assert.Equal(end, timexes.Single(t => t.Id == range.EndId).Value);
        Assert.Equal(duration, range.Duration);
    }

    [Theory]
    [InlineData("Elections were held in May and July.")]
    [InlineData("On June 12 and 15 soldiers were wounded.")]
    public void Ranges_ListOfDates_NoRange(string text)
    {
        // Given two dates joined by "and" without "between"
        // When ranges are found
        var (_, ranges) = Tag(text);

        // Then there are none
        Assert.Empty(ranges);
    }

    [Fact]
    public void Tag_FollowingWeekAfterLateMonth_StepsFromTheMonthsEnd()
    {
        // Given "the following week" after "late May"
        const string text = "In late May the minister flew to Moscow. A delegation visited Israel the following week.";

        // When it is tagged
        var timexes = Tagger.Tag(text, Anchor);

        // Then the week is the one after the last week of May (2018-W23), anchored to the earlier expression
        var week = timexes.Single(t => t.Span.Of(text) == "the following week");
        Assert.Equal("2018-W23", week.Value);
        Assert.Equal(timexes.Single(t => t.Span.Of(text) == "late May").Id, week.AnchorTimexId);
    }

    [Fact]
    public void Write_Range_NonConsumingDurationWithBeginAndEndPoints()
    {
        // Given a tagged range
        const string text = "Talks were held between June 12 and 15.";
        var (timexes, ranges) = Tag(text);

        // When written as TimeML and read back
        var xml = TimeMlWriter.Write(text, Anchor, timexes, ranges);
        var read = TimeMlReader.Read(xml);

        // Then the range is an empty DURATION TIMEX3 pointing at both ends, and the text and the two dates survive
        Assert.Contains("type=\"DURATION\" value=\"P4D\" beginPoint=\"" + ranges[0].BeginId + "\" endPoint=\"" + ranges[0].EndId + "\"", xml, StringComparison.Ordinal);
        Assert.Equal(text, read.Text);
        Assert.Equal(2, read.Timexes.Length);
    }
}
