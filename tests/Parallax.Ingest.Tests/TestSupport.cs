using System.Text;
using Parallax.Ingest;

namespace Parallax.Ingest.Tests;

/// <summary>A temporary folder for fixtures written by a test; deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "parallax-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it would hide the real result.
        }
    }
}

internal static class Reading
{
    public static async Task<List<IngestItem>> ReadAllAsync(IngestOptions options, params string[] inputs)
    {
        using var reader = new SourceReader(options);
        return await ReadAllAsync(reader, inputs);
    }

    public static async Task<List<IngestItem>> ReadAllAsync(SourceReader reader, params string[] inputs)
    {
        var items = new List<IngestItem>();
        await foreach (var item in reader.ReadAsync(inputs, CancellationToken.None)) items.Add(item);
        return items;
    }

    public static Task<List<IngestItem>> ReadAllAsync(params string[] inputs) => ReadAllAsync(new IngestOptions(), inputs);

    public static IngestedSource Single(List<IngestItem> items)
    {
        var failures = items.OfType<IngestFailure>().Select(f => f.Message).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return Assert.IsType<IngestedSource>(Assert.Single(items));
    }

    public static string? Value(this IngestedSource s, Parallax.Nlp.Documents.MetadataField field) =>
        new Parallax.Nlp.Documents.ArticleMetadata(s.Source.Metadata).Value(field);
}
