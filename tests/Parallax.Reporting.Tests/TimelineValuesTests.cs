using System.Collections.Immutable;
using Parallax.Reporting.Sections;
using Parallax.Text;

namespace Parallax.Reporting.Tests;

/// <summary>Reading TimeML values as calendar periods, and cutting excerpts around an expression.</summary>
public sealed class TimelineValuesTests
{
    [Theory]
    [InlineData("2018-05-28", "2018-05-28", "2018-05-28", "2018-05-28", "Monday 28 May 2018", null)]
    [InlineData("2018-06-13TEV", "2018-06-13", "2018-06-13", "2018-06-13", "Wednesday 13 June 2018", "evening")]
    [InlineData("2018-06-13T22:15", "2018-06-13", "2018-06-13", "2018-06-13", "Wednesday 13 June 2018", "22:15")]
    [InlineData("2017-11", "2017-11", "2017-11-01", "2017-11-30", "November 2017", null)]
    [InlineData("2018-W24", "2018-W24", "2018-06-11", "2018-06-17", "week 24 of 2018 (from Monday 11 June 2018)", null)]
    [InlineData("2018-W24-WE", "2018-W24-WE", "2018-06-16", "2018-06-17", "the weekend of Saturday 16 June 2018", null)]
    [InlineData("2018-Q3", "2018-Q3", "2018-07-01", "2018-09-30", "Q3 2018", null)]
    [InlineData("2011-H1", "2011-H1", "2011-01-01", "2011-06-30", "first half of 2011", null)]
    [InlineData("2018-SU", "2018-SU", "2018-06-01", "2018-08-31", "summer 2018", null)]
    [InlineData("1967", "1967", "1967-01-01", "1967-12-31", "1967", null)]
    [InlineData("199", "199", "1990-01-01", "1999-12-31", "the 1990s", null)]
    public void Period_CalendarValue_ReadAsItsStretchOfTheCalendar(string value, string key, string start, string end, string label, string? timeOfDay)
    {
        // Given a resolved TimeML value / When it is read
        var p = TimelineValues.Period(value);

        // Then its key, first and last day, label and time of day are as expected
        Assert.NotNull(p);
        Assert.Equal(key, p.Key);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
        Assert.Equal(label, p.Label);
        Assert.Equal(timeOfDay, p.TimeOfDay);
    }

    [Theory]
    [InlineData("P1Y")]
    [InlineData("PT1H30M")]
    [InlineData("PRESENT_REF")]
    [InlineData("PAST_REF")]
    [InlineData("XXXX-06-12")]
    [InlineData("XXXX-WXX-1TEV")]
    [InlineData("2018-13")]
    [InlineData("2018-02-30")]
    [InlineData("2018-W60")]
    [InlineData("2018-06-13TZZ")]
    [InlineData("")]
    public void Period_NotACalendarValue_Null(string value)
    {
        // Given a duration, a vague reference, an unresolved or malformed value / When read / Then it is no period
        Assert.Null(TimelineValues.Period(value));
    }

    [Fact]
    public void TimelineOrder_MixedPrecisions_ByFirstDayThenLongerFirst()
    {
        // Given periods of several precisions
        string[] values = ["2018-06-13", "2018", "2018-06", "2017-11", "2018-W24", "2018-06-01", "201"];

        // When sorted in timeline order
        var sorted = values.Select(v => TimelineValues.Period(v)!).Order(CalendarPeriod.TimelineOrder).Select(p => p.Key);

        // Then each period precedes the shorter ones starting with it
        Assert.Equal(["201", "2017-11", "2018", "2018-06", "2018-06-01", "2018-W24", "2018-06-13"], sorted);
    }

    [Fact]
    public void Excerpt_NoSentenceLayer_TakesTheSentenceAroundTheSpan()
    {
        // Given two sentences and an expression in the second
        const string text = "Crews walked out. The union said on Wednesday that talks failed. Then rain.";
        int at = text.IndexOf("Wednesday", StringComparison.Ordinal);

        // When the excerpt is cut
        var (before, match, after) = TimelineValues.Excerpt(text, new TextSpan(at, at + 9), default, 280);

        // Then it is that sentence, split around the expression
        Assert.Equal(("The union said on ", "Wednesday", " that talks failed."), (before, match, after));
    }

    [Fact]
    public void Excerpt_NoSentenceLayer_LineBreakEndsTheClause()
    {
        // Given a heading line directly above the sentence
        const string text = "STRIKE DAY\nCrews walked out on Tuesday.";
        int at = text.IndexOf("Tuesday", StringComparison.Ordinal);

        // When the excerpt is cut
        var (before, _, after) = TimelineValues.Excerpt(text, new TextSpan(at, at + 7), default, 280);

        // Then the heading line is not part of it
        Assert.Equal("Crews walked out on ", before);
        Assert.Equal(".", after);
    }

    [Fact]
    public void Excerpt_SentenceLayerGiven_UsesIt()
    {
        // Given a sentence layer that treats "St. Helen" as inside one sentence
        const string text = "Ships left St. Helen on Monday for the mainland.";
        int at = text.IndexOf("Monday", StringComparison.Ordinal);
        ImmutableArray<TextSpan> sentences = [new TextSpan(0, text.Length)];

        // When the excerpt is cut
        var (before, _, after) = TimelineValues.Excerpt(text, new TextSpan(at, at + 6), sentences, 280);

        // Then the whole sentence is kept
        Assert.Equal("Ships left St. Helen on ", before);
        Assert.Equal(" for the mainland.", after);
    }

    [Fact]
    public void Excerpt_LongSentence_CutAroundTheExpressionWithEllipses()
    {
        // Given one sentence (per the sentence layer) far longer than the limit, with a line break inside
        var text = string.Join(' ', Enumerable.Repeat("word", 60)) + " on\nMonday " + string.Join(' ', Enumerable.Repeat("tail", 60)) + ".";
        int at = text.IndexOf("Monday", StringComparison.Ordinal);
        ImmutableArray<TextSpan> sentences = [new TextSpan(0, text.Length)];

        // When cut to 60 characters
        var (before, match, after) = TimelineValues.Excerpt(text, new TextSpan(at, at + 6), sentences, 60);

        // Then the expression stays whole, both sides are cut at words with "…", the line break is folded, and the total fits
        Assert.Equal("Monday", match);
        Assert.StartsWith("…word", before, StringComparison.Ordinal);
        Assert.EndsWith(" on ", before, StringComparison.Ordinal);
        Assert.EndsWith("tail…", after, StringComparison.Ordinal);
        Assert.True(before.Length + match.Length + after.Length <= 62, $"{before.Length + match.Length + after.Length} characters");
        Assert.DoesNotContain('\n', before + after);
    }
}
