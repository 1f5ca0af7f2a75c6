using Microsoft.Extensions.DependencyInjection;
using Parallax.Core.Analysis;

namespace Parallax.Server.Tests;

public sealed class StoryCacheTests
{
    [Fact]
    public async Task AnalysisAsync_SameStoryTwice_BuildsOnceUntilAnArticleIsStored()
    {
        // Given the server's own cache and store, with most samples in
        await using var harness = await ServerHarness.StartAsync();
        var files = Directory.GetFiles(ServerHarness.SamplesFolder, "*.txt").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.SkipLast(1))
            using (await harness.PostAsync("/api/v1/articles", ServerHarness.Text(await File.ReadAllTextAsync(file), "text/plain"))) { }
        var cache = harness.Server.Services.GetRequiredService<StoryCache>();
        var store = harness.Server.Services.GetRequiredService<StoreHolder>().Store;
        var id = (await store.ListStoriesAsync())[0].Id;
        int builds = 0;
        async Task<StoryAnalysis?> Build(CancellationToken ct)
        {
            builds++;
            var view = await store.GetStoryAsync(id, ct);
            return view is null ? null : new StoryAnalyzer().Analyze(view);
        }

        // When
        var first = await cache.AnalysisAsync(store, id, Build, CancellationToken.None);
        var second = await cache.AnalysisAsync(store, id, Build, CancellationToken.None);
        int beforeIngest = builds;
        using (await harness.PostAsync("/api/v1/articles", ServerHarness.Text(await File.ReadAllTextAsync(files[^1]), "text/plain"))) { }
        var third = await cache.AnalysisAsync(store, id, Build, CancellationToken.None);

        // Then
        Assert.Equal(1, beforeIngest);
        Assert.Same(first, second);
        Assert.Equal(2, builds);
        Assert.NotSame(first, third);
        Assert.Equal(first!.ArticleIds.Length + 1, third!.ArticleIds.Length);
    }
}
