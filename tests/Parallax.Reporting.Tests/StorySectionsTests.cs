using Parallax.Reporting.Tests.Html;

namespace Parallax.Reporting.Tests;

public sealed class StorySectionsTests
{
    private static string Html() => new StoryReportWriter().Html(Export.StoryExportTestsAccess.HandBuilt());

    [Fact]
    public void WriteHtml_StoryWithDisagreements_ClaimsListedDisagreementsFirstWithCitations()
    {
        // Given / When the HTML report of a story whose outlets disagree on a withdrawal and a distance
        var dom = HtmlDom.Parse(Html());

        // Then the claims section lists the contradiction, then the discrepancy, each value linked to its article and sentence
        var claims = dom.GetElementById("claims")!.QuerySelectorAll("div.story-claim").ToList();
        Assert.Equal(["contradiction", "discrepancy"], claims.Take(2).Select(c => c.GetAttribute("data-verdict")!).ToArray());
        var cites = claims[0].QuerySelectorAll("a.cite").ToList();
        Assert.Equal(2, cites.Count);
        Assert.All(cites, a => Assert.StartsWith("#article-A", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.All(cites, a => Assert.NotNull(a.GetAttribute("data-start")));
        Assert.NotNull(dom.GetElementById(cites[0].GetAttribute("href")![1..]));
    }

    [Fact]
    public void WriteHtml_StoryWithEventsAndQuotes_EventsFramingAndSummarySectionsFilled()
    {
        // Given / When
        var dom = HtmlDom.Parse(Html());

        // Then the events section shows each event with its reports and modality, the framing table one column per
        // article, and the summary cites sentences
        var events = dom.GetElementById("events")!.QuerySelectorAll("div.story-event").ToList();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.QuerySelector(".modality-negated") is not null);
        var header = dom.GetElementById("framing")!.QuerySelectorAll("th").Select(h => h.TextContent).ToList();
        Assert.Equal(["", "A1 · Harbour Herald", "A2 · Valley Post"], header);
        Assert.Contains(dom.GetElementById("framing")!.QuerySelectorAll("td").Select(t => t.TextContent), t => t.StartsWith("100 %", StringComparison.Ordinal));
        Assert.NotEmpty(dom.GetElementById("story-summary")!.QuerySelectorAll("a.cite"));
    }
}
