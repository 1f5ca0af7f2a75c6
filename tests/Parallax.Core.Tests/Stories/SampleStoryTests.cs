using System.Collections.Immutable;
using Parallax.Core.Processing;
using Parallax.Core.Stories;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Documents;
using Parallax.Testing;

namespace Parallax.Core.Tests.Stories;

/// <summary>
/// The repository's samples/ (one invented situation told by eight outlets, a repost and a resident's blog among
/// them) cleaned as the processor cleans them and fed to a fresh index in file-name order.
/// </summary>
public sealed class SampleStoryTests
{
    [Fact]
    public void Add_CleanedSamples_FormOneStoryWithTheRepostAsDuplicate()
    {
        // Given the cleaned sample articles in file-name order
        var inputs = CleanedSamples();
        var index = StoryIndex.Create();

        // When they are added
        var decisions = inputs.Select(i => (i.Name, Decision: index.Add(i.Input))).ToArray();

        // Then all eight are one story, the repost copies the wire report, and the blog joins
        Assert.Equal(8, decisions.Length);
        Assert.Single(index.Stories);
        var repost = decisions.Single(d => d.Name.StartsWith("04-", StringComparison.Ordinal)).Decision;
        var wire = decisions.Single(d => d.Name.StartsWith("03-", StringComparison.Ordinal));
        Assert.Equal(inputs.Single(i => i.Name == wire.Name).Input.ArticleId, repost.DuplicateOf);
        Assert.Single(decisions, d => d.Decision.DuplicateOf is not null);
        var blog = decisions.Single(d => d.Name.StartsWith("06-", StringComparison.Ordinal)).Decision;
        Assert.False(blog.NewStory);
    }

    [Fact]
    public void Add_CleanedSamplesWithoutPriorOrNameRule_BlogOpensItsOwnStory()
    {
        // Given the index as it was before the background prior and the name rule
        var options = StoryIndexOptions.Default with { BackgroundWeight = 0, NameMatchThreshold = StoryIndexOptions.Default.StoryThreshold };
        var index = StoryIndex.Create(options);

        // When the cleaned samples are added
        var decisions = CleanedSamples().Select(i => (i.Name, Decision: index.Add(i.Input))).ToArray();

        // Then the blog is split off, which is what the two changes are for
        Assert.True(decisions.Single(d => d.Name.StartsWith("06-", StringComparison.Ordinal)).Decision.NewStory);
        Assert.Equal(2, index.Stories.Count);
    }

    internal static List<(string Name, StoryInput Input)> CleanedSamples()
    {
        var folder = Path.Combine(SharedData.RepoRoot!, "samples");
        var stage = new CleaningStage();
        var list = new List<(string, StoryInput)>();
        foreach (var path in Directory.GetFiles(folder).Where(IsArticle).Order(StringComparer.Ordinal))
        {
            var kind = path.EndsWith(".html", StringComparison.Ordinal) ? ContentKind.Html : ContentKind.PlainText;
            var doc = new Document(new DocumentSource(Path.GetFileName(path), kind, File.ReadAllText(path), Sidecar(path)));
            stage.Apply(doc, stage.Analyze(doc));
            list.Add((Path.GetFileName(path), ArticleProcessor.ToStoryInput(doc)));
        }

        return list;
    }

    private static bool IsArticle(string path) =>
        path.EndsWith(".txt", StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>The outlet and date of a <c>.meta.json</c> sidecar, read the simple way these samples need.</summary>
    private static ImmutableArray<MetadataCandidate> Sidecar(string path)
    {
        var sidecar = path + ".meta.json";
        if (!File.Exists(sidecar)) return [];
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sidecar));
        var list = ImmutableArray.CreateBuilder<MetadataCandidate>();
        if (json.RootElement.TryGetProperty("outlet", out var outlet))
        {
            list.Add(new MetadataCandidate(MetadataField.Outlet, outlet.GetString()!, MetadataSource.User, 1));
        }

        if (json.RootElement.TryGetProperty("published", out var published))
        {
            list.Add(new MetadataCandidate(MetadataField.Published, published.GetString()!, MetadataSource.User, 1));
        }

        return list.ToImmutable();
    }
}
