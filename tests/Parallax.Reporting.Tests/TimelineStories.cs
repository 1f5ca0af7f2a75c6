using System.Collections.Immutable;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Time;
using Parallax.Text;

namespace Parallax.Reporting.Tests;

/// <summary>Hand-written stories with temporal layers, for the timeline and date specs. All text is invented here.</summary>
internal static class TimelineStories
{
    private static readonly DateTimeOffset Opened = new(2024, 3, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly TemporalStage Stage = new(new TemporalTagger(), new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    /// <summary>
    /// A ferry strike told by two outlets with known dates and a third article with no date at all, every one run
    /// through the real temporal stage: both outlets report the strike on Tuesday 5 March 2024, and one of them names a
    /// planned vote on 18 March; one names a month before and one inside the strike's month; a fourth has no date in its
    /// metadata but one in its text (so the publication date is inferred), and a fifth is a near copy of the second.
    /// </summary>
    public static StoryView FerryStrike()
    {
        const string story = "s-ferry01";
        var gazette = Analysed(new ArticleBuilder("gazette/ferry.html")
            .Paragraph("PORT ALDER — Ferry crews walked out on Tuesday, stranding hundreds of passengers at the terminal.")
            .Paragraph("The union said on Wednesday that members will vote on March 18 on the operator's new offer.")
            .Meta(MetadataField.Title, "Ferry crews strike", MetadataSource.HtmlMeta, 0.9)
            .Meta(MetadataField.Outlet, "Alder Gazette", MetadataSource.OpenGraph, 0.9)
            .Meta(MetadataField.Published, "2024-03-07", MetadataSource.JsonLd, 0.9)
            .Language("en", "Latin", 0.98)
            .InStory(story));
        var courier = Analysed(new ArticleBuilder("courier/strike.txt")
            .Paragraph("Passengers slept in the terminal after the strike began on March 5, 2024, the Courier has learned.")
            .Paragraph("The operator first cut crew pay last November, and talks stalled earlier this month.")
            .Meta(MetadataField.Title, "Night in the terminal", MetadataSource.Feed, 0.9)
            .Meta(MetadataField.Outlet, "Coast Courier", MetadataSource.Feed, 0.9)
            .Meta(MetadataField.Published, "2024-03-06", MetadataSource.Feed, 0.9)
            .Language("en", "Latin", 0.98)
            .InStory(story));
        var undated = Analysed(new ArticleBuilder("blog/ferry-notes.txt")
            .Paragraph("Crews have been unhappy for months and talks are continuing.")
            .Meta(MetadataField.Outlet, "Harbour Notes", MetadataSource.User)
            .Language("en", "Latin", 0.97)
            .InStory(story));
        var dispatch = Analysed(new ArticleBuilder("dispatch/day-three.txt")
            .Paragraph("The ferry strike entered its third day on Thursday, March 7, 2024, with no sailings from Port Alder.")
            .Meta(MetadataField.Outlet, "Island Dispatch", MetadataSource.User)
            .Language("en", "Latin", 0.97)
            .InStory(story));
        var copy = Analysed(new ArticleBuilder("wire/ferry-copy.txt")
            .Paragraph("Passengers slept in the terminal after the strike began on March 5, 2024, the Courier has learned.")
            .Meta(MetadataField.Outlet, "Wire Reprints", MetadataSource.User)
            .Meta(MetadataField.Published, "2024-03-06", MetadataSource.User)
            .InStory(story)
            .DuplicateOf(courier.Id, 0.98));
        var record = new StoryRecord(story, "Ferry crews strike", [gazette.Id, courier.Id, undated.Id, dispatch.Id, copy.Id], ["ferry", "strike"], Opened, Opened);
        return new StoryView(record, [gazette, courier, undated, dispatch, copy]);
    }

    /// <summary>One article whose only date is given by hand, with hostile text around it and an inferred anchor.</summary>
    public static StoryView HostileDate()
    {
        const string body = "On June 12 <script>alert('t')</script> the \"><img src=x onerror=alert(9)> gate closed.";
        int at = body.IndexOf("June 12", StringComparison.Ordinal);
        var timex = new Timex("t1", new TextSpan(at, at + "June 12".Length), TimexType.Date, "2018-06-12", null, null, TimexRole.Happened,
            "month and day in the anchor year <b>", 0.9);
        var anchor = new TemporalAnchor(new DateOnly(2018, 6, 14), AnchorSource.Inferred, 0.75, "'Thursday, June 14' falls on that weekday in 2018 <i>");
        var article = new ArticleBuilder("evil/date.html")
            .Paragraph(body)
            .Meta(MetadataField.Outlet, "Evil <b>Outlet</b>", MetadataSource.OpenGraph, 0.9)
            .Language("en", "Latin", 0.9)
            .Layer(TimeLayers.Timexes, ImmutableArray.Create(timex))
            .Layer(TimeLayers.Anchor, anchor)
            .InStory("s-evil")
            .Build();
        return new StoryView(new StoryRecord("s-evil", "Gate", [article.Id], [], Opened, Opened), [article]);
    }

    private static ArticleRecord Analysed(ArticleBuilder builder)
    {
        var article = builder.Build();
        Stage.Run(article.Document, CancellationToken.None);
        return article;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
