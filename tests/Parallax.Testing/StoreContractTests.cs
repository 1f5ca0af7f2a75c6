using Parallax.Core.Storage;
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
}
