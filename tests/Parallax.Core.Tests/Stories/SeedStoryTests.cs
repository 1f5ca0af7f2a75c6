using Parallax.Core.Stories;
using Parallax.Testing;

namespace Parallax.Core.Tests.Stories;

public sealed class SeedStoryTests
{
    [SharedFact("seeds")]
    public void Add_FiveSeedArticles_FormOneStoryWithoutDuplicates()
    {
        // Given the seed articles in file-name order, the first non-empty line taken as the title
        var files = Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var index = StoryIndex.Create();

        // When they are added
        var decisions = files.Select(f =>
        {
            var text = File.ReadAllText(f);
            var title = text.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0);
            return index.Add(new StoryInput(Path.GetFileNameWithoutExtension(f), text, title, null, null));
        }).ToArray();

        // Then they make one story and none is a copy of another
        Assert.Equal(5, decisions.Length);
        Assert.Single(index.Stories);
        Assert.All(decisions, d => Assert.Null(d.DuplicateOf));
        Assert.Single(decisions.Select(d => d.StoryId).Distinct());

        // and each joins well clear of the threshold, not just above it
        Assert.All(decisions.Skip(1), d => Assert.True(d.Score >= 1.5 * index.Options.StoryThreshold, d.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
