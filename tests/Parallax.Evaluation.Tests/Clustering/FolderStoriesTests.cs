using System.Globalization;
using Parallax.Core.Stories;
using Parallax.Evaluation.Clustering;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Evaluation.Tests.Clustering;

public sealed class FolderStoriesTests(ITestOutputHelper output)
{
    private readonly ITestOutputHelper _output = output;

    private static string Samples => Path.Combine(SharedData.RepoRoot!, "samples");

    // Articles of our own writing about other events: a football match, a rate decision, an earthquake, and a
    // reactor outage at another plant (the same kind of subject as the samples, other places and parties).
    private static string Unrelated => Path.Combine(SharedData.RepoRoot!, "tests", "Parallax.Evaluation.Tests", "Clustering", "Unrelated");

    [Fact]
    public async Task RunAsync_Samples_FormOneStoryWithTheRepostAsDuplicate()
    {
        // Given the repository's samples, read and cleaned as the command does

        // When they are clustered
        var rows = await FolderStories.RunAsync([Samples]);
        Log(rows);

        // Then all eight are one story; only the repost is a duplicate, of the wire report it copies
        Assert.Equal(8, rows.Length);
        Assert.Single(rows.Select(r => r.Decision.StoryId).Distinct(StringComparer.Ordinal));
        var repost = Assert.Single(rows, r => r.Decision.DuplicateOf is not null);
        Assert.StartsWith("04-", repost.SourceId, StringComparison.Ordinal);
        var blog = rows.Single(r => r.SourceId.StartsWith("06-", StringComparison.Ordinal)).Decision;
        Assert.True(blog.Score >= StoryIndexOptions.Default.NameMatchThreshold * 1.5, blog.Score.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunAsync_UnrelatedAfterSamples_EachOpensItsOwnStory()
    {
        // Given an index that holds the samples' story
        var index = StoryIndex.Create();
        await FolderStories.RunAsync([Samples], index);

        // When four articles about other events are added
        var rows = await FolderStories.RunAsync([Unrelated], index);
        Log(rows);

        // Then each opens a story of its own, and the samples' story keeps its eight articles
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.True(r.Decision.NewStory, r.SourceId));
        Assert.Equal(5, index.Stories.Count);
        Assert.Equal(8, index.Stories[0].ArticleIds.Length);
    }

    [SharedFact("seeds")]
    public async Task RunAsync_Seeds_FormOneStoryWithAComfortableMargin()
    {
        // Given the five seed articles, read and cleaned as the command does

        // When they are clustered
        var rows = await FolderStories.RunAsync([SharedData.PathOf("seeds")!]);
        Log(rows);

        // Then they are one story and each later article joins at least twice the threshold
        Assert.Equal(5, rows.Length);
        Assert.Single(rows.Select(r => r.Decision.StoryId).Distinct(StringComparer.Ordinal));
        Assert.All(rows.Skip(1), r => Assert.True(r.Decision.Score >= 2 * StoryIndexOptions.Default.StoryThreshold, r.SourceId));
    }

    [SharedFact("bench/clustering")]
    public void BuildBackground_OddTopics_IsTheShippedTable()
    {
        // Given the tuning split of the clustering benchmark
        var folder = SharedData.PathOf("bench/clustering")!;

        // When the background table is rebuilt the way the shipped one was
        var table = StoryBackground.Parse(ClusteringBenchmark.BuildBackground(folder, TopicSplit.Odd, 2));

        // Then it matches the shipped table (to rebuild it, write this text into StoryBackgroundTable.Text)
        var shipped = StoryBackground.Default;
        Assert.Equal(shipped.Documents, table.Documents);
        Assert.Equal(shipped.Count, table.Count);
        Assert.Equal(shipped.Frequency("people"), table.Frequency("people"));
    }

    private void Log(IEnumerable<FolderStoryRow> rows)
    {
        foreach (var r in rows)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.SourceId} {r.Decision.StoryId} new={r.Decision.NewStory} score={r.Decision.Score:F3} dup={r.Decision.DuplicateOf is not null}"));
        }
    }
}
