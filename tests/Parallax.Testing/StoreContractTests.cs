using Parallax.Core.Storage;
using Parallax.Core.Watch;
using Parallax.Nlp.Documents;
using Xunit;

namespace Parallax.Testing;

/// <summary>
/// The contract every <see cref="IStore"/> adapter must meet. An adapter's test project derives from this class and
/// supplies a fresh, empty store per test.
/// </summary>
public abstract class StoreContractTests
{
    /// <summary>A new, empty store (each call a separate database).</summary>
    protected abstract Task<IStore> CreateStoreAsync();

    private static DocumentBuilder Article(string body, string outlet = "Test Outlet") =>
        new DocumentBuilder().From($"{outlet}.txt").Paragraph(body).Paragraph("A second paragraph about the ceasefire line.")
            .Meta(MetadataField.Outlet, outlet).Meta(MetadataField.Title, "Talks on the buffer zone")
            .Removed(RemovalReason.SignUpPrompt, "Thank you for signing up.").Language("en");

    [Fact]
    public async Task SaveAsync_NewArticle_CanBeReadBackWithItsLayers()
    {
        // Given an empty store
        await using var store = await CreateStoreAsync();
        var record = Article("Monitors reported shelling near the river on Monday.").Record("s-1");

        // When the article is saved
        var saved = await store.SaveAsync(record, DocumentBuilder.Story("s-1"));

        // Then it reads back with the same clean text, metadata, removed blocks and language
        Assert.True(saved);
        var back = await store.GetArticleAsync(record.Id);
        Assert.NotNull(back);
        Assert.Equal(record.Document.Text, back.Document.Text);
        Assert.Equal(record.Document.Raw, back.Document.Raw);
        Assert.Equal("Test Outlet", back.Outlet);
        Assert.Equal("Thank you for signing up.", Assert.Single(back.Document.Get(Layers.Clean).Removed).Text);
        Assert.Equal("en", back.Document.Get(Layers.Language).Language);
        Assert.Equal("s-1", back.StoryId);
    }

    [Fact]
    public async Task SaveAsync_SameContentTwice_StoresOnce()
    {
        await using var store = await CreateStoreAsync();
        var record = Article("The same syndicated text.").Record("s-1");
        Assert.True(await store.SaveAsync(record, DocumentBuilder.Story("s-1")));

        // When the same content is saved again, even under another story
        var again = await store.SaveAsync(record with { StoryId = "s-2" }, DocumentBuilder.Story("s-2"));

        // Then nothing changes
        Assert.False(again);
        var stats = await store.GetStatsAsync();
        Assert.Equal(1, stats.Articles);
        Assert.Equal(1, stats.Stories);
        Assert.Equal("s-1", (await store.GetArticleAsync(record.Id))!.StoryId);
    }

    [Fact]
    public async Task GetStoryAsync_ByPrefix_ReturnsMembersInIngestionOrder()
    {
        await using var store = await CreateStoreAsync();
        var first = Article("First report of the agreement.", "Outlet A").Record("s-abcdef");
        var second = Article("Second report, with a denial.", "Outlet B").Record("s-abcdef");
        await store.SaveAsync(first, DocumentBuilder.Story("s-abcdef", "first label"));
        await store.SaveAsync(second, DocumentBuilder.Story("s-abcdef", "second label"));

        var view = await store.GetStoryAsync("s-abc");

        Assert.NotNull(view);
        Assert.Equal([first.Id, second.Id], view.Articles.Select(a => a.Id));
        Assert.Equal([first.Id, second.Id], view.Story.ArticleIds.ToArray());
        Assert.Equal("second label", view.Story.Label);
    }

    [Fact]
    public async Task SearchAsync_WordInBody_FindsArticleWithSnippet()
    {
        await using var store = await CreateStoreAsync();
        var hit = Article("Observers counted twelve monitoring posts along the line.").Record("s-1");
        var miss = Article("A market report about wheat prices.").Record("s-2");
        await store.SaveAsync(hit, DocumentBuilder.Story("s-1"));
        await store.SaveAsync(miss, DocumentBuilder.Story("s-2"));

        var hits = await store.SearchAsync("monitoring posts");

        var only = Assert.Single(hits);
        Assert.Equal(hit.Id, only.ArticleId);
        Assert.Contains("[monitoring]", only.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_BadSyntax_ThrowsPX2004()
    {
        await using var store = await CreateStoreAsync();
        var ex = await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync("\"unbalanced"));
        Assert.Equal(StoreErrorCode.BadQuery, ex.Code);
    }

    [Fact]
    public async Task IndexSnapshot_SavedTwice_KeepsTheLatest()
    {
        await using var store = await CreateStoreAsync();
        Assert.Null((await store.LoadIndexSnapshotAsync()).Snapshot);
        await store.SaveIndexSnapshotAsync([1, 2, 3], 5);
        await store.SaveIndexSnapshotAsync([4, 5], 7);
        var (snapshot, seq) = await store.LoadIndexSnapshotAsync();
        Assert.Equal([4, 5], snapshot);
        Assert.Equal(7, seq);
    }

    [Fact]
    public async Task ReadArticlesAsync_AfterSequence_ReturnsOnlyLaterOnes()
    {
        await using var store = await CreateStoreAsync();
        for (int i = 0; i < 4; i++)
            await store.SaveAsync(Article($"Report number {i}.").Record("s-1"), DocumentBuilder.Story("s-1"));
        var all = new List<long>();
        await foreach (var (seq, _) in store.ReadArticlesAsync(0)) all.Add(seq);
        var later = new List<long>();
        await foreach (var (seq, _) in store.ReadArticlesAsync(all[1])) later.Add(seq);
        Assert.Equal(4, all.Count);
        Assert.Equal(all.Skip(2), later);
        Assert.Equal(all[^1], await store.GetLastSequenceAsync());
    }

    private static Alert SampleAlert(string ruleId, string articleId, string eventId) =>
        new(Alert.KeyOf(ruleId, articleId, eventId), ruleId, "Rule " + ruleId, articleId, eventId, "ASSAULT", "strike",
            new Parallax.Text.TextSpan(0, 20), "Monitors reported s", "Quneitra", 33.1253, 35.8245, "golan-line-20km", 6.25,
            "group:hezbollah", null, "2018-06-05", ["inside golan-line-20km: 6.2 km from the shape, buffer 20.0 km", "event-type ASSAULT"],
            new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero));

    [Fact]
    public async Task SaveAlertsAsync_SameAlertsTwice_StoresOnceAndReadsBack()
    {
        // Given a stored article and two alerts on it
        await using var store = await CreateStoreAsync();
        var record = Article("Monitors reported shelling near the river on Monday.").Record("s-1");
        await store.SaveAsync(record, DocumentBuilder.Story("s-1"));
        Alert[] alerts = [SampleAlert("rule-a", record.Id, "e1"), SampleAlert("rule-b", record.Id, "e1")];

        // When they are saved twice, as re-ingesting or re-checking the rules would
        var first = await store.SaveAlertsAsync(alerts);
        var second = await store.SaveAlertsAsync(alerts.Reverse().ToArray());

        // Then each is stored once, in first-stored order, with its evidence intact
        Assert.Equal(2, first);
        Assert.Equal(0, second);
        var back = await store.ListAlertsAsync();
        Assert.Equal(["rule-a", "rule-b"], back.Select(a => a.RuleId));
        var a = back[0];
        var expected = alerts[0];
        Assert.Equal(expected.Id, a.Id);
        Assert.Equal(expected.Sentence, a.Sentence);
        Assert.Equal(expected.SentenceText, a.SentenceText);
        Assert.Equal(expected.Latitude, a.Latitude);
        Assert.Equal(expected.DistanceKm, a.DistanceKm);
        Assert.Equal(expected.Matched.ToArray(), a.Matched.ToArray());
        Assert.Equal(expected.RaisedAt, a.RaisedAt);
    }

    [Fact]
    public async Task ListAlertsAsync_ByRuleAndArticle_ReturnsOnlyThose()
    {
        await using var store = await CreateStoreAsync();
        var one = Article("First report of the agreement.", "Outlet A").Record("s-1");
        var two = Article("Second report, with a denial.", "Outlet B").Record("s-1");
        await store.SaveAsync(one, DocumentBuilder.Story("s-1"));
        await store.SaveAsync(two, DocumentBuilder.Story("s-1"));
        await store.SaveAlertsAsync([SampleAlert("rule-a", one.Id, "e1"), SampleAlert("rule-b", one.Id, "e2"), SampleAlert("rule-a", two.Id, "e1")]);

        var byRule = await store.ListAlertsAsync(new AlertQuery(RuleId: "rule-a"));
        var byArticle = await store.ListAlertsAsync(new AlertQuery(ArticleId: one.Id));
        var limited = await store.ListAlertsAsync(new AlertQuery(Limit: 1));

        Assert.Equal([one.Id, two.Id], byRule.Select(a => a.ArticleId));
        Assert.Equal(["e1", "e2"], byArticle.Select(a => a.EventId));
        Assert.Equal("rule-a", Assert.Single(limited).RuleId);
    }

    [Fact]
    public async Task SaveAlertsAsync_ArticleNotStored_ThrowsPX2005AndStoresNothing()
    {
        await using var store = await CreateStoreAsync();
        var stored = Article("A stored report.").Record("s-1");
        await store.SaveAsync(stored, DocumentBuilder.Story("s-1"));

        var ex = await Assert.ThrowsAsync<StoreException>(() => store.SaveAlertsAsync([SampleAlert("rule-a", stored.Id, "e1"), SampleAlert("rule-a", "0000ffff", "e1")]));

        Assert.Equal(StoreErrorCode.UnknownArticle, ex.Code);
        Assert.Empty(await store.ListAlertsAsync());
    }
}
