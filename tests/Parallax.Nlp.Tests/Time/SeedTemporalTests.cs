using System.Collections.Immutable;
using Parallax.Nlp.Time;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Nlp.Tests.Time;

/// <summary>The temporal layer on the shared seed articles (read at run time from ../shared/seeds).</summary>
public sealed class SeedTemporalTests(ITestOutputHelper output)
{
    private static readonly TemporalTagger Tagger = new();
    private static readonly DateOnly Now = new(2026, 1, 1);

    private static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(SharedData.PathOf("seeds")!, prefix + "_*.txt").Single());

    private static Timex At(ImmutableArray<Timex> timexes, string text, string context, string surface)
    {
        int at = text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{context}' not in the seed");
        return timexes.First(t => t.Span.Start >= at && t.Span.Of(text).Contains(surface, StringComparison.Ordinal));
    }

    [SharedTheory("seeds")]
    [InlineData("000", "2018-06-14")]
    [InlineData("001", "2018-05-31")]
    [InlineData("002", "2018-06-03")]
    [InlineData("003", "2018-06-16")]
    [InlineData("004", "2018-07-05")]
    public void InferAnchor_Seed_WithinADayOrFlaggedUncertain(string seed, string publishedAround)
    {
        // Given a seed article with no publication date supplied
        var text = Seed(seed);

        // When the anchor is inferred
        var anchor = TemporalAnchor.InferAnchor(text, null, new FixedClock(Now));

        output.WriteLine($"{seed}: {anchor}");
        foreach (var t in Tagger.Tag(text, anchor)) output.WriteLine($"  {t.Span.Of(text)} => {t.Type} {t.Value} {t.Modifier} {t.Role} ({t.Resolution})");

        // Then it is within a day of the publication day, or flagged uncertain (null or confidence below one half)
        var expected = DateOnly.Parse(publishedAround, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(anchor is null || anchor.Confidence < 0.5 || Math.Abs(anchor.Date.DayNumber - expected.DayNumber) <= 1,
            $"inferred {anchor}");
    }

    [SharedFact("seeds")]
    public void Tag_Seed000_LateOnWednesdayKeepsTheEvening()
    {
        // Given seed 000 with its anchor inferred from the text
        var text = Seed("000");
        var timexes = Tagger.Tag(text, TemporalAnchor.InferAnchor(text, null, new FixedClock(Now)));

        // When the interview date is looked up
        var t = At(timexes, text, "late on Wednesday", "Wednesday, June 13");

        // Then it is 2018-06-13 with the lateness kept as the END mod
        Assert.Equal("2018-06-13", t.Value);
        Assert.Equal("END", t.Modifier);
        foreach (var year in (string[])["1944", "1967", "1981"])
            Assert.Contains(timexes, x => x.Value == year);
    }

    [SharedFact("seeds")]
    public void Tag_Seed001_WeekdaysAndLastNovember()
    {
        // Given seed 001 published on Thursday 2018-05-31
        var text = Seed("001");
        var timexes = Tagger.Tag(text, TemporalAnchor.Known(new DateOnly(2018, 5, 31)));

        // When / Then "Lavrov said on Monday" is the Monday before and "Last November" the previous year's
        var monday = At(timexes, text, "Lavrov said on Monday", "Monday");
        Assert.Equal("2018-05-28", monday.Value);
        Assert.Equal(TimexRole.Reported, monday.Role);
        Assert.Equal("2017-11", At(timexes, text, "Last November", "Last November").Value);
        var duration = At(timexes, text, "lasted over", "hour");
        Assert.Equal("PT1H30M", duration.Value);
        Assert.Equal("MORE_THAN", duration.Modifier);
    }

    [SharedFact("seeds")]
    public void Tag_Seed004_DatelineAndPlannedDates()
    {
        // Given seed 004 with its anchor inferred from its dateline
        var text = Seed("004");
        var anchor = TemporalAnchor.InferAnchor(text, null, new FixedClock(Now));
        var timexes = Tagger.Tag(text, anchor);

        // When / Then the truncated "Tuesday, July" is 2018-07-03, and July 16 / July 11 are planned future dates
        Assert.Equal("2018-07-03", At(timexes, text, "on Tuesday, July", "Tuesday").Value);
        var summit = At(timexes, text, "summit on July 16", "July 16");
        Assert.Equal("2018-07-16", summit.Value);
        Assert.Equal(TimexRole.ClaimedOrPlanned, summit.Role);
        var invite = At(timexes, text, "Moscow on July 11", "July 11");
        Assert.Equal("2018-07-11", invite.Value);
        Assert.Equal(TimexRole.ClaimedOrPlanned, invite.Role);
    }

    [SharedFact("seeds")]
    public void Tag_Seeds_AllBareYearsFound()
    {
        // Given the seeds that mention bare years
        var years = new[] { ("000", "1944"), ("000", "1967"), ("000", "1981"), ("002", "2011"), ("003", "2015") };

        foreach (var (seed, year) in years)
        {
            // When the seed is tagged
            var text = Seed(seed);
            var timexes = Tagger.Tag(text, TemporalAnchor.Known(new DateOnly(2018, 6, 1)));

            // Then the year is among the values (alone or as the year of a month)
            Assert.Contains(timexes, t => t.Value.StartsWith(year, StringComparison.Ordinal));
        }
    }

    /// <summary>The seeds in their order as one story, each anchored on its own and then, when uncertain, against the seeds
    /// before it (what the processor's story step does), with no dates supplied.</summary>
    private static List<(string Seed, string Text, TemporalAnchor Anchor, ImmutableArray<Timex> Timexes)> AnchorAsOneStory()
    {
        var done = new List<(string Seed, string Text, TemporalAnchor Anchor, ImmutableArray<Timex> Timexes)>();
        foreach (var seed in (string[])["000", "001", "002", "003", "004"])
        {
            var text = Seed(seed);
            var own = TemporalAnchor.InferAnchor(text, null, new FixedClock(Now))
                ?? new TemporalAnchor(DateOnly.MinValue, AnchorSource.Unknown, 0, "none");
            var neighbours = done.Select(d => new StoryNeighbour(d.Seed, d.Text, d.Anchor, d.Timexes)).ToList();
            var story = StoryAnchoring.Reanchor(text, own, neighbours, Tagger);
            done.Add(story is null ? (seed, text, own, Tagger.Tag(text, own)) : (seed, text, story.Anchor, story.Timexes));
        }
        return done;
    }

    [SharedTheory("seeds")]
    [InlineData("000", "2018-06-14")]
    [InlineData("001", "2018-05-31")]
    [InlineData("002", "2018-06-03")]
    [InlineData("003", "2018-06-16")]
    [InlineData("004", "2018-07-05")]
    public void Reanchor_SeedsAsOneStory_WithinADayOrFlaggedUncertain(string seed, string publishedAround)
    {
        // Given the five seeds as one story, no dates supplied
        // When each is anchored on its own and then with the story's help
        var (_, _, anchor, _) = AnchorAsOneStory().Single(d => d.Seed == seed);
        output.WriteLine(anchor.ToString());

        // Then every anchor is usable, and within a day of the publication day or flagged uncertain
        var expected = DateOnly.Parse(publishedAround, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(anchor.IsUsable, anchor.Explanation);
        Assert.True(anchor.Confidence < PublicationDate.UncertainBelow || Math.Abs(anchor.Date.DayNumber - expected.DayNumber) <= 1, anchor.ToString());
    }

    [SharedFact("seeds")]
    public void Reanchor_Seed001InItsStory_LavrovMondayAndLastNovember()
    {
        // Given the seeds as one story with no dates supplied
        var (_, text, anchor, timexes) = AnchorAsOneStory().Single(d => d.Seed == "001");
        output.WriteLine(anchor.ToString());

        // When / Then the Haaretz article is pinned to its day, and its relative dates follow
        Assert.True(anchor.Confidence >= PublicationDate.UncertainBelow, anchor.Explanation);
        var monday = At(timexes, text, "Lavrov said on Monday", "Monday");
        Assert.Equal("2018-05-28", monday.Value);
        Assert.Equal(TimexRole.Reported, monday.Role);
        Assert.Equal("2017-11", At(timexes, text, "Last November", "Last November").Value);
    }

    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
