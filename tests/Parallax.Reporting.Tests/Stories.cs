using Parallax.Core.Articles;
using Parallax.Nlp.Documents;

namespace Parallax.Reporting.Tests;

/// <summary>Hand-written stories for the report and export specs. All text here is invented for these tests.</summary>
internal static class Stories
{
    private static readonly DateTimeOffset Opened = new(2024, 5, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Three articles about a harbour reopening: an English report with an Arabic quote line and page noise,
    /// a second outlet's report, and a syndicated near copy of the first.
    /// </summary>
    public static StoryView Harbour()
    {
        const string story = "s-3f9a1c0e";
        var first = new ArticleBuilder("pages/harbour-daily-reopening.html")
            .Kind(ContentKind.Html)
            .Removed(RemovalReason.Navigation, "Home | World | Business | Sport | Weather", "site menu links")
            .Removed(RemovalReason.Metadata, "By Lena Ortiz, Harbour Daily", "byline became the author")
            .Paragraph("CALDERA BAY — The port reopened to cargo traffic on Wednesday, four days after the storm closed both breakwaters.")
            .Paragraph("Dock workers cheered as the first ship, a grain carrier, tied up at berth 6. One of them called out in Arabic:\nنريد أن نعمل من جديد\nmeaning \"we want to work again\".")
            .Removed(RemovalReason.SignUpPrompt, "Sign up for our morning briefing and never miss a story from the coast. Enter your e-mail address below and press subscribe to confirm your place on the list.", "matched newsletter sign-up phrases")
            .Paragraph("The harbour master, Ana Petrov, said repairs to the northern breakwater would take \"weeks, not days\".")
            .Meta(MetadataField.Title, "Caldera Bay port reopens after storm", MetadataSource.HtmlMeta, 0.95, "<meta name=\"title\" content=\"Caldera Bay port reopens after storm\">")
            .Meta(MetadataField.Outlet, "Harbour Daily", MetadataSource.OpenGraph, 0.9)
            .Meta(MetadataField.Url, "https://harbour-daily.example/news/port-reopens", MetadataSource.OpenGraph, 0.9)
            .Meta(MetadataField.Published, "2024-05-01T09:30:00+00:00", MetadataSource.JsonLd, 0.9)
            .TextMeta(MetadataField.Title, "Port reopens as storm damage is counted", MetadataSource.PageStructure, 0.7)
            .TextMeta(MetadataField.Author, "Lena Ortiz", MetadataSource.TextCue, 0.85, "By Lena Ortiz, Harbour Daily")
            .TextMeta(MetadataField.Dateline, "Caldera Bay", MetadataSource.TextCue, 0.8, "CALDERA BAY —")
            .Language("en", "Latin", 0.97)
            .ForeignText("نريد أن نعمل من جديد", "ar", "Arabic", 0.93)
            .InStory(story)
            .IngestedAt(new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.Zero))
            .Build();

        var second = new ArticleBuilder("feeds/northern-ledger.xml#2")
            .Removed(RemovalReason.CookieBanner, "We use cookies to improve your experience. Accept all / Manage choices", "consent banner wording")
            .Paragraph("Shipping resumed at Caldera Bay on Thursday morning, the port authority said, after engineers cleared debris from the channel.")
            .Paragraph("Insurers estimate the storm caused damage worth several million, most of it to the northern breakwater.")
            .Meta(MetadataField.Title, "Shipping resumes at Caldera Bay", MetadataSource.Feed, 0.9)
            .Meta(MetadataField.Outlet, "Northern Ledger", MetadataSource.Feed, 0.9)
            .Meta(MetadataField.Author, "Sam Okafor", MetadataSource.Feed, 0.9)
            .Meta(MetadataField.Published, "2024-05-02", MetadataSource.Feed, 0.9)
            .Language("en", "Latin", 0.99)
            .InStory(story)
            .IngestedAt(new DateTimeOffset(2024, 5, 3, 8, 5, 0, TimeSpan.Zero))
            .Build();

        var copy = new ArticleBuilder("pages/wire-digest-port.txt")
            .Paragraph("CALDERA BAY — The port reopened to cargo traffic on Wednesday, four days after the storm closed both breakwaters.")
            .Paragraph("The harbour master, Ana Petrov, said repairs to the northern breakwater would take \"weeks, not days\".")
            .Removed(RemovalReason.SyndicationBoilerplate, "Distributed by Wire Digest, a syndication service. All rights reserved by the original publisher.", "syndication footer")
            .Meta(MetadataField.Title, "Caldera Bay port reopens after storm", MetadataSource.User, 1.0)
            .Meta(MetadataField.Outlet, "Wire Digest", MetadataSource.User, 1.0)
            .Meta(MetadataField.Published, "2024-05-01", MetadataSource.User, 1.0)
            .Language("en", "Latin", 0.98)
            .InStory(story)
            .DuplicateOf(first.Id, 0.97)
            .IngestedAt(new DateTimeOffset(2024, 5, 3, 8, 10, 0, TimeSpan.Zero))
            .Build();

        var record = new StoryRecord(story, "Caldera Bay port reopens after storm", [first.Id, second.Id, copy.Id],
            ["port", "breakwater", "storm", "caldera bay"], Opened, new DateTimeOffset(2024, 5, 3, 8, 10, 0, TimeSpan.Zero));
        return new StoryView(record, [first, second, copy]);
    }

    /// <summary>Hostile page text in every place a report shows text: body, metadata, evidence, removed text, ids, label.</summary>
    public const string Script = "<script>alert('x')</script>";
    public const string ImgOnError = "<img src=x onerror=alert(1)>";
    public const string AttributeBreakout = "\"><svg onload=alert(2)>";

    public static StoryView Hostile()
    {
        var article = new ArticleBuilder("https://evil.example/a?x=<b>" + Script)
            .Paragraph("Before " + Script + " after.")
            .Paragraph("An image: " + ImgOnError + " and a quote " + AttributeBreakout)
            .Removed(RemovalReason.Advertisement, "<iframe src=\"https://evil.example/ad\"></iframe>" + ImgOnError, "ad slot " + Script)
            .Meta(MetadataField.Title, Script + " headline", MetadataSource.HtmlMeta, 0.9, AttributeBreakout)
            .Meta(MetadataField.Author, ImgOnError, MetadataSource.JsonLd, 0.8, "<a href=\"javascript:alert(3)\">x</a>")
            .Meta(MetadataField.Outlet, "Evil " + AttributeBreakout, MetadataSource.OpenGraph, 0.9)
            .Meta(MetadataField.Url, "javascript:alert(4)", MetadataSource.OpenGraph, 0.9)
            .Language("en", "Latin", 0.9)
            .ForeignText(ImgOnError, "xx", "Latin\" onmouseover=\"alert(5)", 0.5)
            .InStory("s-<b>")
            .Build();
        var story = new StoryRecord("s-<b>" + AttributeBreakout, Script + " story", [article.Id], [ImgOnError], Opened, Opened);
        return new StoryView(story, [article]);
    }
}
