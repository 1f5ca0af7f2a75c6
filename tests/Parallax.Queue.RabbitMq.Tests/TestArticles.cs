using System.Globalization;
using System.Text;
using Parallax.Testing;

namespace Parallax.Queue.RabbitMq.Tests;

/// <summary>Input folders for the worker tests: a copy of samples/ plus articles recombined from its paragraphs.</summary>
internal static class TestArticles
{
    public static string Samples => Path.Combine(SharedData.RepoRoot ?? throw new InvalidOperationException("Parallax.slnx not found above the test folder."), "samples");

    /// <summary>Writes <paramref name="count"/> articles (a title line and three sample paragraphs each) into a new folder.</summary>
    public static string Generate(int count, int seed)
    {
        var paragraphs = Directory.EnumerateFiles(Samples, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length > 80)
            .ToArray();
        var folder = NewFolder("generated");
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"Desk report {i} of run {seed}\n\n");
            for (int p = 0; p < 3; p++) sb.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
            File.WriteAllText(Path.Combine(folder, $"gen-{i:D3}.txt"), sb.ToString());
        }
        return folder;
    }

    public static string NewFolder(string what)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"parallax-queue-{what}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
