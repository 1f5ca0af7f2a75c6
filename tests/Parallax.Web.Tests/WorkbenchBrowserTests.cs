using System.Text.Json;
using Microsoft.Playwright;

namespace Parallax.Web.Tests;

/// <summary>End-to-end tests of the web workbench in Debian's headless Chromium against a real server with samples/ ingested.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchBrowserTests(WorkbenchFixture fixture)
{
    [BrowserFact]
    public async Task StoryPage_SamplesIngested_ShowsArticlesMapMarkersAndTimeline()
    {
        // Given the samples' story as the API gives it
        var story = await fixture.GetJsonAsync("/api/v1/stories/" + fixture.StoryId);
        var places = await fixture.GetJsonAsync("/api/v1/stories/" + fixture.StoryId + "/places");
        var timeline = await fixture.GetJsonAsync("/api/v1/stories/" + fixture.StoryId + "/timeline");
        var articleCount = story.GetProperty("articles").GetArrayLength();
        var placeCount = places.GetProperty("places").GetArrayLength();
        Assert.True(placeCount > 0, "the samples name resolvable places");
        Assert.True(timeline.GetProperty("entries").GetArrayLength() > 0, "the samples carry dates");
        await using var p = await fixture.NewPageAsync();

        // When the story page is opened
        await p.OpenAsync("#/story/" + fixture.StoryId);

        // Then the articles, one marker per place over a drawn basemap, and the timeline with outlets are shown
        var page = p.Page;
        Assert.Equal(story.GetProperty("label").GetString(), await page.Locator("[data-testid=story-title]").InnerTextAsync());
        Assert.Equal(articleCount, await page.Locator("[data-testid=articles-table] tbody tr").CountAsync());
        foreach (var a in story.GetProperty("articles").EnumerateArray().Where(a => a.GetProperty("outlet").ValueKind == JsonValueKind.String))
            Assert.Contains(a.GetProperty("outlet").GetString()!, await page.Locator("[data-testid=articles-table]").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal(placeCount, await page.Locator("[data-testid=map] path.px-marker").CountAsync());
        var basemapShapes = await page.Locator("[data-testid=map] .leaflet-overlay-pane path:not(.px-marker)").CountAsync();
        Assert.True(basemapShapes > 100, $"the offline basemap draws the world's countries, saw {basemapShapes} shapes");
        var firstPlace = places.GetProperty("places")[0].GetProperty("name").GetString()!;
        await page.Locator("[data-testid=map] path.px-marker").First.HoverAsync(new LocatorHoverOptions { Force = true });
        await page.Locator(".leaflet-tooltip").First.WaitForAsync();
        Assert.Contains(firstPlace, await page.Locator(".leaflet-tooltip").First.InnerTextAsync(), StringComparison.Ordinal);

        var items = page.Locator("[data-testid=timeline-list] > li.timeline-item");
        Assert.True(await items.CountAsync() > 0, "the timeline lists dated entries");
        var firstEntry = timeline.GetProperty("entries")[0];
        var firstItem = await items.First.InnerTextAsync();
        Assert.Contains(firstEntry.GetProperty("value").GetString()!, firstItem, StringComparison.Ordinal);
        Assert.Contains(firstEntry.GetProperty("source").GetProperty("outlet").GetString()!, firstItem, StringComparison.Ordinal);

        await p.ScreenshotAsync("story");
        AssertOnlyLoopback(p);
        Assert.Empty(p.Dialogs);
    }

    [BrowserFact]
    public async Task ArticlePage_OpenedFromStory_HighlightsAnnotationsAndListsRemovedNoise()
    {
        // Given the HTML sample, which has entities, places, dates and removed page furniture
        var articleId = fixture.SampleArticleIds[^1];
        var article = await fixture.GetJsonAsync("/api/v1/articles/" + articleId);
        var text = article.GetProperty("text").GetString()!;
        var layers = article.GetProperty("layers");
        await using var p = await fixture.NewPageAsync();
        await p.OpenAsync("#/story/" + fixture.StoryId);

        // When its link on the story page is followed
        await p.Page.Locator($"[data-testid=articles-table] a.article-link[href='#/article/{articleId}']").ClickAsync();
        await p.Page.WaitForURLAsync("**/#/article/" + articleId);
        await p.WaitReadyAsync();

        // Then every layer's spans are highlighted with their exact words, and the removed blocks are listed
        var page = p.Page;
        Assert.Equal(text, await page.Locator("[data-testid=article-text]").TextContentAsync());
        foreach (var (layer, kind, spanField) in new[] { ("mentions", "entity", "span"), ("places", "place", "span"), ("timexes", "date", "span") })
        {
            var expected = layers.GetProperty(layer).EnumerateArray().Select(x => Of(text, x.GetProperty(spanField))).ToList();
            Assert.NotEmpty(expected);
            var marked = await page.Locator("mark.ann-" + kind).AllTextContentsAsync();
            Assert.True(marked.Count >= 1, $"no {kind} highlight");
            var joined = string.Concat(marked);
            foreach (var words in expected) Assert.Contains(words, joined, StringComparison.Ordinal);
        }
        var removed = article.GetProperty("removed").GetArrayLength();
        Assert.True(removed > 0, "the HTML sample has page furniture to remove");
        Assert.Equal(removed, await page.Locator("[data-testid=removed-table] tbody tr").CountAsync());
        Assert.Contains("<html", await page.Locator("[data-testid=original-text]").TextContentAsync() ?? "", StringComparison.OrdinalIgnoreCase);

        await p.ScreenshotAsync("article");
        AssertOnlyLoopback(p);
    }

    [BrowserFact]
    public async Task ArticlePage_ScriptAndOnerrorMarkup_IsShownAsTextAndNeverRuns()
    {
        // Given an article whose title and body carry <script>, onerror=, onload= and javascript: markup
        await using var p = await fixture.NewPageAsync();

        // When its page, the story list and the story page that lists it are opened
        await p.OpenAsync("#/article/" + fixture.HostileArticleId);
        var page = p.Page;
        var shown = await page.Locator("[data-testid=article-text]").TextContentAsync() ?? "";
        var original = await page.Locator("[data-testid=original-text]").TextContentAsync() ?? "";
        var title = await page.Locator("[data-testid=article-title]").TextContentAsync() ?? "";
        var injected = await page.EvaluateAsync<int>(
            "() => document.querySelectorAll('#app script, #app img, #app svg:not(.network), #app iframe, #app [onerror], #app [onload], #app a[href^=\"javascript:\"]').length");
        await p.ScreenshotAsync("hostile-article");
        var storyOfHostile = (await fixture.GetJsonAsync("/api/v1/articles/" + fixture.HostileArticleId)).GetProperty("storyId").GetString()!;
        await p.OpenAsync("#/story/" + storyOfHostile);
        await p.OpenAsync("#/stories?q=" + Uri.EscapeDataString("inspection schedule"));
        await page.WaitForTimeoutAsync(300);
        var flag = await page.EvaluateAsync<string?>($"() => window.{WorkbenchFixture.PwnedFlag} ?? null");

        // Then the markup is on screen as text, no element was made from it, no payload ran and no dialog opened
        Assert.Contains("<script>window.__parallaxPwned = 'script'; alert('script ran');</script>", shown, StringComparison.Ordinal);
        Assert.Contains("onerror=\"window.__parallaxPwned='onerror'", shown, StringComparison.Ordinal);
        Assert.Contains("<script>", original, StringComparison.Ordinal);
        Assert.Contains("onerror=", title, StringComparison.Ordinal);
        Assert.Equal(0, injected);
        Assert.Null(flag);
        Assert.Empty(p.Dialogs);
        AssertOnlyLoopback(p);
    }

    [BrowserFact]
    public async Task StoryList_Search_FindsTheStoryAndMatchingArticles()
    {
        // Given a word of the samples' story
        await using var p = await fixture.NewPageAsync();
        await p.OpenAsync("#/");
        Assert.True(await p.Page.Locator("[data-testid=stories-table] a.story-link").CountAsync() >= 1);

        // When it is searched for with the search box
        await p.Page.FillAsync("input[name=q]", "dariv");
        await p.Page.PressAsync("input[name=q]", "Enter");
        await p.Page.WaitForURLAsync("**/#/stories?q=dariv");
        await p.WaitReadyAsync();

        // Then the story is listed and article hits show their snippets with the match marked
        Assert.Equal(1, await p.Page.Locator($"[data-testid=stories-table] a[href='#/story/{fixture.StoryId}']").CountAsync());
        await p.Page.Locator("[data-testid=hits-table] tbody tr").First.WaitForAsync();
        var marks = await p.Page.Locator("[data-testid=hits-table] mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Equal("dariv", m, ignoreCase: true));
        await p.ScreenshotAsync("stories-search");
    }

    [BrowserFact]
    public async Task EntityPage_FromEntityList_ShowsMentionsGroupedByOutlet()
    {
        // Given the most mentioned entity
        var list = await fixture.GetJsonAsync("/api/v1/entities?limit=1");
        var top = list.GetProperty("items")[0];
        var key = top.GetProperty("key").GetString()!;
        await using var p = await fixture.NewPageAsync();
        await p.OpenAsync("#/entities");

        // When it is opened from the entity list
        await p.Page.Locator("[data-testid=entities-table] tbody tr").First.Locator("a").ClickAsync();
        await p.Page.WaitForURLAsync("**/#/entity/**");
        await p.WaitReadyAsync();

        // Then its mentions appear once per outlet section, with every mention listed
        Assert.Equal(top.GetProperty("name").GetString(), await p.Page.Locator("[data-testid=entity-name]").InnerTextAsync());
        var detail = await fixture.GetJsonAsync("/api/v1/entities/" + Uri.EscapeDataString(key));
        // Mentions in articles without a known outlet form their own section.
        var outlets = detail.GetProperty("mentions").EnumerateArray()
            .Select(m => m.GetProperty("outlet").ValueKind == JsonValueKind.String ? m.GetProperty("outlet").GetString() : null)
            .Distinct().Count();
        Assert.True(outlets > 1, "the top entity is named by several outlets");
        Assert.Equal(outlets, await p.Page.Locator("[data-testid=entity-outlet]").CountAsync());
        Assert.Equal(detail.GetProperty("mentions").GetArrayLength(), await p.Page.Locator("[data-testid=entity-outlet] tbody tr").CountAsync());
        await p.ScreenshotAsync("entity");
    }

    [BrowserFact]
    public async Task AnalysisPanels_AnyServer_EndInDataOrHonestNotAvailable()
    {
        // Given the story page and the alerts page, whose panels depend on analyses this server may not have yet
        await using var p = await fixture.NewPageAsync();
        var outcomes = new List<string>();

        // When their panels have finished loading
        await p.OpenAsync("#/story/" + fixture.StoryId);
        foreach (var id in new[] { "claims", "framing", "network" }) outcomes.Add(await PanelOutcomeAsync(p.Page, id));
        await p.ScreenshotAsync("story-panels");
        await p.OpenAsync("#/alerts");
        foreach (var id in new[] { "alerts", "watches" }) outcomes.Add(await PanelOutcomeAsync(p.Page, id));
        await p.ScreenshotAsync("alerts");

        // Then each shows a table, a drawing, "none found" or says the endpoint is not available: never an error
        foreach (var outcome in outcomes) Assert.DoesNotContain("error", outcome, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task AlertsPageAndStoryMap_WatchRuleInstalled_ListTheAlertAndDrawTheZoneWithItsBuffer()
    {
        // Given the fixture's Vienna rule, which raised alerts while the samples were ingested
        var alerts = await fixture.GetJsonAsync("/api/v1/alerts");
        var total = alerts.GetProperty("total").GetInt32();
        Assert.True(total > 0, "the samples' talks in Vienna raise alerts on ingest");
        var newest = alerts.GetProperty("alerts")[0];
        await using var p = await fixture.NewPageAsync();

        // When the alerts page is opened
        await p.OpenAsync("#/alerts");
        var rows = p.Page.Locator("[data-testid=alerts-table] tbody tr");
        await rows.First.WaitForAsync();

        // Then every alert is listed, newest first, with its rule, place and a link to its article; the rule is listed too
        Assert.Equal(total, await rows.CountAsync());
        var first = await rows.First.InnerTextAsync();
        Assert.Contains(WorkbenchFixture.RuleId, first, StringComparison.Ordinal);
        Assert.Contains(newest.GetProperty("placeName").GetString()!, first, StringComparison.Ordinal);
        Assert.Equal("#/article/" + newest.GetProperty("articleId").GetString(), await rows.First.Locator("a[href^='#/article/']").GetAttributeAsync("href"));
        await p.Page.Locator("[data-testid=watches-table] tbody tr").First.WaitForAsync();
        Assert.Contains("inside " + WorkbenchFixture.ZoneId, await p.Page.Locator("[data-testid=watches-table]").InnerTextAsync(), StringComparison.Ordinal);
        await p.ScreenshotAsync("alerts-list");

        // When the samples' story, which has alerts, is opened
        Assert.Contains(alerts.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("storyId").GetString() == fixture.StoryId);
        await p.OpenAsync("#/story/" + fixture.StoryId);
        await p.Page.Locator("[data-testid=map] path.px-marker").First.WaitForAsync();

        // Then the map draws the zone's shape and its buffer, under the place markers
        Assert.Equal(1, await p.Page.Locator("[data-testid=map] path.px-zone").CountAsync());
        Assert.Equal(1, await p.Page.Locator("[data-testid=map] path.px-zone-buffer").CountAsync());
        Assert.Contains("watch zone", await p.Page.Locator("[data-testid=map-panel]").InnerTextAsync(), StringComparison.Ordinal);
        await p.ScreenshotAsync("story-zones");
        AssertOnlyLoopback(p);
        Assert.Empty(p.Dialogs);
    }

    [BrowserFact]
    public async Task WatchForm_BadRuleThenGoodRule_ShowsTheLineThenSavesAndDeletes()
    {
        // Given the alerts page with the rule form open and the API key typed
        await using var p = await fixture.NewPageAsync();
        await p.OpenAsync("#/alerts");
        var page = p.Page;
        await page.Locator("[data-testid=watches-table]").WaitForAsync();
        await page.Locator("[data-testid=api-key]").FillAsync(WorkbenchFixture.Key);
        await page.Locator("[data-testid=api-key]").DispatchEventAsync("change");
        await page.Locator(".watch-form summary").ClickAsync();
        await page.Locator("[data-testid=watch-id]").FillAsync("ui-check");

        // When a rule with an unknown event type on its fourth line is saved
        await page.Locator("[data-testid=watch-text]").FillAsync("[rule ui-check-assaults]\ntitle = Assaults near Vienna\ninside = vienna-area\nevent-type = SKIRMISH\n");
        await page.Locator("[data-testid=watch-save]").ClickAsync();
        var error = page.Locator("[data-testid=watch-result] [data-testid=note-error]");
        await error.WaitForAsync();

        // Then the server's code and line are shown, and nothing was stored
        var shown = await error.InnerTextAsync();
        Assert.Contains("PX5003", shown, StringComparison.Ordinal);
        Assert.Contains("line 4", shown, StringComparison.Ordinal);
        using (var missing = await fixture.Client.GetAsync("/api/v1/watches/ui-check"))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);

        // When it is corrected and saved, then deleted
        await page.Locator("[data-testid=watch-text]").FillAsync("[rule ui-check-assaults]\ntitle = Assaults near Vienna\ninside = vienna-area\nevent-type = ASSAULT\n");
        await page.Locator("[data-testid=watch-save]").ClickAsync();
        var table = page.Locator("[data-testid=watches-table]");
        await page.Locator("[data-testid=watches-table] :text('ui-check-assaults')").WaitForAsync();
        await p.ScreenshotAsync("watch-form");
        var saved = await fixture.GetJsonAsync("/api/v1/watches/ui-check");
        Assert.Contains("Saved ui-check.rules", await page.Locator("[data-testid=watch-result]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("ui-check", await page.Locator("[data-testid=watch-id]").InputValueAsync());
        await page.Locator("[data-testid=watch-delete]").ClickAsync();
        await page.Locator("[data-testid=watches-table] :text('ui-check-assaults')").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        // Then the file was stored with the rule, and is gone again
        Assert.Equal("ui-check-assaults", saved.GetProperty("rules")[0].GetProperty("id").GetString());
        using (var gone = await fixture.Client.GetAsync("/api/v1/watches/ui-check"))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(WorkbenchFixture.RuleId, await table.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(p.Dialogs);
    }

    /// <summary>Waits until a panel leaves "Loading…" and returns what it settled on, checked against the API.</summary>
    private async Task<string> PanelOutcomeAsync(IPage page, string testId)
    {
        var panel = page.Locator($"section[data-testid={testId}]");
        await panel.Locator("table, svg, [data-testid=note-unavailable], [data-testid=note-error], [data-testid=note-muted]:not(:text('Loading'))").First.WaitForAsync();
        if (await panel.Locator("[data-testid=note-error]").CountAsync() > 0) return testId + ": error " + await panel.InnerTextAsync();
        if (await panel.Locator("[data-testid=note-unavailable]").CountAsync() > 0)
        {
            // "Not available" must be true: the server answers that path with its unknown-endpoint 404.
            var path = testId switch
            {
                "alerts" => "/api/v1/alerts",
                "watches" => "/api/v1/watches",
                _ => $"/api/v1/stories/{fixture.StoryId}/{testId}",
            };
            using var response = await fixture.Client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("no API endpoint answers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return testId + ": not available";
        }
        return testId + ": data";
    }

    private static string Of(string text, JsonElement span) => text[span[0].GetInt32()..span[1].GetInt32()];

    private void AssertOnlyLoopback(WorkbenchPage p)
    {
        var foreign = p.Requests.Where(u => !u.StartsWith(fixture.BaseUrl + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "the UI asked other hosts: " + string.Join(", ", foreign));
    }
}
