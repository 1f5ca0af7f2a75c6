using Parallax.Nlp.Places;
using Parallax.Testing;
using Xunit.Abstractions;

namespace Parallax.Nlp.Tests.Places;

public sealed class PlaceSeedTests(ITestOutputHelper output)
{
    [SharedFact("seeds")]
    public void Resolve_SeedArticles_ListsEveryPlace()
    {
        // Given the seed articles
        var resolver = new ToponymResolver(Gazetteer.LoadDefault());
        var files = Directory.GetFiles(SharedData.PathOf("seeds")!, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var resolvedNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in files)
        {
            // When each is resolved
            var text = File.ReadAllText(file);
            var places = resolver.Resolve(text);
            output.WriteLine($"== {Path.GetFileName(file)}: {places.Length} mentions");
            foreach (var p in places.DistinctBy(p => (p.Name, p.Status, p.Entry?.Id)))
            {
                output.WriteLine($"  {p.Status,-11} {p.Name,-22} {p.Entry?.AdminPath ?? "-",-40} {p.Entry?.Id ?? "-",-22} {p.Confidence:0.00} {p.Reason}");
                if (p.Status == PlaceStatus.Resolved) resolvedNames.Add(p.Name);
            }

            // Then every mention lies inside its text
            Assert.All(places, p => Assert.Equal(p.Name, p.Span.Of(text)));
        }

        // Then the Syrian places the seeds are about are found
        Assert.Contains("Quneitra", resolvedNames);
        Assert.Contains(resolvedNames, n => n is "Deraa" or "Daraa" or "Dar'a");
    }
}
