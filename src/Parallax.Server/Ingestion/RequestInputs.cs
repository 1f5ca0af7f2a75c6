using Parallax.Ingest;

namespace Parallax.Server.Ingestion;

/// <summary>
/// Turns request bodies into ingest items with the CLI's own reader: the body is written to a private temporary
/// folder under the name that announces its format (with a metadata sidecar when the request carries metadata) and
/// read exactly as <c>parallax ingest</c> reads a file, so formats, sidecars, front matter, size limits and PX codes
/// are the same. Source ids are rewritten from the temporary path to "api/NAME".
/// </summary>
internal sealed class RequestInputs(SourceReader reader)
{
    public const string SourcePrefix = "api/";

    /// <summary>Reads one body saved as <paramref name="fileName"/>, with an optional sidecar's JSON.</summary>
    public async Task<IReadOnlyList<IngestItem>> ReadBodyAsync(string fileName, ReadOnlyMemory<byte> body, string? sidecarJson, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "parallax-server", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, fileName);
            await File.WriteAllBytesAsync(path, body.ToArray(), ct);
            if (sidecarJson is not null) await File.WriteAllTextAsync(path + ".meta.json", sidecarJson, ct);
            var items = new List<IngestItem>();
            await foreach (var item in reader.ReadAsync([path], ct)) items.Add(Relabel(item, folder + Path.DirectorySeparatorChar));
            return items;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless; the request's outcome matters more.
            }
        }
    }

    /// <summary>Fetches a URL with the ingestion URL policy (loopback and private ranges refused unless allowed).</summary>
    public async Task<IReadOnlyList<IngestItem>> ReadUrlAsync(string url, CancellationToken ct)
    {
        var items = new List<IngestItem>();
        await foreach (var item in reader.ReadAsync([url], ct)) items.Add(item);
        return items;
    }

    private static IngestItem Relabel(IngestItem item, string folder)
    {
        string Fix(string s) => s.Replace(folder, SourcePrefix, StringComparison.Ordinal);
        return item switch
        {
            IngestedSource ok => ok with
            {
                Source = ok.Source with { SourceId = Fix(ok.Source.SourceId) },
                Warnings = [.. ok.Warnings.Select(w => w with { Message = Fix(w.Message) })],
            },
            IngestFailure f => f with { SourceId = Fix(f.SourceId), Message = Fix(f.Message) },
            _ => item,
        };
    }
}
