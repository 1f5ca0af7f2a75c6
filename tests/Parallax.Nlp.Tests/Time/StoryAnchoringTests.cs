using System.Collections.Immutable;
using Parallax.Nlp.Time;

namespace Parallax.Nlp.Tests.Time;

public sealed class StoryAnchoringTests
{
    private static readonly TemporalTagger Tagger = new();
    private static readonly TemporalAnchor Unknown = new(DateOnly.MinValue, AnchorSource.Unknown, 0, "none");

    private static StoryNeighbour Dated(string text, DateOnly published)
    {
        var anchor = TemporalAnchor.Known(published);
        return new StoryNeighbour("wire", text, anchor, Tagger.Tag(text, anchor));
    }

    [Fact]
    public void Reanchor_WeekdayOfAnEventAnotherArticleDates_PinsTheDay()
    {
        // Given a dated article naming the talks of March 8 2023 (a Wednesday), and an undated one reporting them by weekday
        var neighbour = Dated("After the March 8 talks in Vienna, negotiator Maria Olsen praised the ceasefire framework.", new DateOnly(2023, 3, 20));
        const string text = "Headline\nNegotiator Maria Olsen met delegates in Vienna on Wednesday to discuss the ceasefire framework, officials said Wednesday.\nMore text follows here, with nothing else dated.";

        // When the undated one is re-anchored with the story's help
        var result = StoryAnchoring.Reanchor(text, Unknown, [neighbour], Tagger);

        // Then it is pinned to that Wednesday with a confidence above the uncertainty threshold, and its weekday follows
        Assert.NotNull(result);
        Assert.Equal(new DateOnly(2023, 3, 8), result.Anchor.Date);
        Assert.True(result.Anchor.Confidence >= PublicationDate.UncertainBelow, result.Anchor.Explanation);
        Assert.Contains(result.Timexes, t => t.Value == "2023-03-08");
    }

    [Fact]
    public void Reanchor_DateWithoutYearAndLaterWeekday_YearFromStoryDayFromWeekday()
    {
        // Given a story dated around mid-October 2021 and an article naming October 5 and, in its lead, "late Friday"
        var neighbour = Dated("The summit ended on Thursday with no agreement on the border.", new DateOnly(2021, 10, 14));
        const string text = "Title line\nThe envoy arrived in the capital late Friday to discuss the border dispute with the ministers there.\nOn October 5 the government had warned the rebels to accept the offer.";

        // When it is re-anchored
        var result = StoryAnchoring.Reanchor(text, Unknown, [neighbour], Tagger);

        // Then the year is the story's, and the day the first Friday after October 5 (2021-10-08)
        Assert.NotNull(result);
        Assert.Equal(new DateOnly(2021, 10, 8), result.Anchor.Date);
        Assert.Contains(result.Timexes, t => t.Value == "2021-10-05");
    }

    [Fact]
    public void Reanchor_OnlyAWeekdayOutsideTheLead_FlaggedUncertain()
    {
        // Given a story article and an undated one whose only weekday is deep in the text, on no shared event
        var neighbour = Dated("Talks resumed in Geneva.", new DateOnly(2020, 2, 10));
        const string text = "Title\nThe long opening paragraph talks about the wider conflict and its history without naming any day at all here.\nA second paragraph adds more background about the region and its many parties, also undated.\nA spokesman said on Tuesday that the talks would go on.";

        // When it is re-anchored
        var result = StoryAnchoring.Reanchor(text, Unknown, [neighbour], Tagger);

        // Then the best guess is the story's own day, flagged uncertain
        Assert.NotNull(result);
        Assert.True(result.Anchor.Confidence < PublicationDate.UncertainBelow);
        Assert.Equal(new DateOnly(2020, 2, 10), result.Anchor.Date);
    }

    [Fact]
    public void Reanchor_KnownAnchor_ReturnsNull()
    {
        // Given an article whose date is known
        var neighbour = Dated("Talks resumed in Geneva.", new DateOnly(2020, 2, 10));

        // When / Then the story is not consulted
        Assert.Null(StoryAnchoring.Reanchor("Anything on Monday.", TemporalAnchor.Known(new DateOnly(2020, 2, 12)), [neighbour], Tagger));
    }

    [Fact]
    public void Reanchor_NoUsableNeighbour_ReturnsNull()
    {
        // Given only an uncertain neighbour
        var weak = new StoryNeighbour("x", "Talks.", new TemporalAnchor(new DateOnly(2020, 2, 10), AnchorSource.Inferred, 0.3, "guess"), ImmutableArray<Timex>.Empty);

        // When / Then nothing is inferred
        Assert.Null(StoryAnchoring.Reanchor("He spoke on Monday.", Unknown, [weak], Tagger));
    }
}
