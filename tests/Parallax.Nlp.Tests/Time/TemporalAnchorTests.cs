using Parallax.Nlp.Time;

namespace Parallax.Nlp.Tests.Time;

public sealed class TemporalAnchorTests
{
    private static readonly DateOnly Now = new(2026, 1, 1);

    [Fact]
    public void InferAnchor_WeekdayWithDate_FixesYear()
    {
        // Given a weekday paired with a date and an earlier year mentioned
        const string text = "The deal of July 2017 held. Late on Wednesday, June 13, the president spoke.";

        // When the anchor is inferred
        var anchor = TemporalAnchor.InferAnchor(text, Now);

        // Then 2018 is chosen (June 13 fell on a Wednesday)
        Assert.NotNull(anchor);
        Assert.Equal(new DateOnly(2018, 6, 13), anchor.Date);
        Assert.Equal(AnchorSource.Inferred, anchor.Source);
    }

    [Fact]
    public void InferAnchor_Dateline_IsThePublicationDay()
    {
        // Given a dateline line with a two-digit year
        const string text = "Headline\nNewsdesk/July 05/18\n\nStrikes resumed late Wednesday, July 4.";

        // When the anchor is inferred
        var anchor = TemporalAnchor.InferAnchor(text, Now);

        // Then the dateline wins with high confidence
        Assert.Equal(new DateOnly(2018, 7, 5), anchor!.Date);
        Assert.True(anchor.Confidence >= 0.9);
    }

    [Fact]
    public void InferAnchor_NoDatedCue_ReturnsNull()
    {
        // Given a text with only a weekday
        const string text = "Officials met on Monday.";

        // When / Then nothing fixes the day
        Assert.Null(TemporalAnchor.InferAnchor(text, null));
    }
}
