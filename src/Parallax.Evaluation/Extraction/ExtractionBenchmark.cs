using System.Collections.Immutable;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Parallax.Evaluation.Extraction;

/// <summary>
/// Scores main-text extraction against a gold set laid out as ../shared/bench/extraction: <c>ground_truth.json</c>
/// (file name → <c>{ "body": [paragraphs], … }</c>), <c>html/&lt;file&gt;</c> (gzip-compressed UTF-8 pages) and
/// <c>peer-outputs/&lt;system&gt;.json</c> (same shape as the ground truth, one per peer system).
/// </summary>
/// <remarks>
/// Metric (article-extraction-benchmark): lower-case, word tokens, 4-token shingles as multisets; per document
/// precision = |pred ∩ gold| / |pred| and recall = |pred ∩ gold| / |gold|; both averaged over documents; F1 from the
/// two averages. Paragraph lists are joined with "\n\n" before tokenising. A document a system returns nothing for
/// (or is missing from a peer file) scores precision 0 and recall 0: silence is counted as a miss, never as a
/// perfectly precise answer. Thread-safe (static, no shared state).
/// </remarks>
public static class ExtractionBenchmark
{
    /// <summary>The system name our extractor is reported under.</summary>
    public const string OwnSystem = "parallax";

    /// <summary>
    /// Runs <paramref name="extract"/> (raw HTML → clean text) over every page and scores it and every peer.
    /// Throws <see cref="DirectoryNotFoundException"/> / <see cref="FileNotFoundException"/> (PX3101) when the folder
    /// or its ground truth is missing, and <see cref="InvalidDataException"/> (PX3102) when a JSON file is malformed.
    /// </summary>
    /// <param name="folder">The benchmark folder.</param>
    /// <param name="extract">Our extractor; exceptions it throws propagate.</param>
    /// <param name="progress">Receives the number of pages done after each page.</param>
    public static ExtractionReport Run(string folder, Func<string, string> extract, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(extract);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"PX3101: extraction benchmark folder '{folder}' does not exist; pass the folder holding ground_truth.json.");
        string truthPath = Path.Combine(folder, "ground_truth.json");
        if (!File.Exists(truthPath))
            throw new FileNotFoundException($"PX3101: '{truthPath}' is missing; the folder must hold ground_truth.json, html/ and peer-outputs/.", truthPath);

        var gold = ReadBodies(truthPath);
        var files = gold.Keys.Order(StringComparer.Ordinal).ToList();

        var docs = ImmutableArray.CreateBuilder<DocumentScore>(files.Count);
        long bytes = 0;
        long ticks = 0;
        int done = 0;
        foreach (var file in files)
        {
            string html = ReadPage(Path.Combine(folder, "html", file));
            bytes += Encoding.UTF8.GetByteCount(html);
            long start = Stopwatch.GetTimestamp();
            string predicted = extract(html) ?? string.Empty;
            ticks += Stopwatch.GetTimestamp() - start;
            var (p, r, pn, gn, _) = ShingleMetric.Score(predicted, gold[file]);
            docs.Add(new DocumentScore(file, p, r, F1(p, r), pn, gn));
            progress?.Report(++done);
        }

        var systems = ImmutableArray.CreateBuilder<SystemScore>();
        systems.Add(Summarise(OwnSystem, docs.Select(d => (d.Precision, d.Recall)).ToList()));
        string peerDir = Path.Combine(folder, "peer-outputs");
        if (Directory.Exists(peerDir))
        {
            foreach (var peerFile in Directory.GetFiles(peerDir, "*.json").Order(StringComparer.Ordinal))
            {
                var peer = ReadBodies(peerFile);
                var scores = files.Select(f =>
                {
                    var (p, r, _, _, _) = ShingleMetric.Score(peer.GetValueOrDefault(f) ?? string.Empty, gold[f]);
                    return (p, r);
                }).ToList();
                systems.Add(Summarise(Path.GetFileNameWithoutExtension(peerFile), scores));
            }
        }
        return new ExtractionReport(systems.ToImmutable(), docs.ToImmutable(), bytes, Stopwatch.GetElapsedTime(0, ticks));
    }

    private static SystemScore Summarise(string name, List<(double Precision, double Recall)> scores)
    {
        double p = scores.Count == 0 ? 0 : scores.Average(s => s.Precision);
        double r = scores.Count == 0 ? 0 : scores.Average(s => s.Recall);
        return new SystemScore(name, scores.Count, p, r, F1(p, r));
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    /// <summary>Reads a ground-truth or peer file: file name → body paragraphs joined by "\n\n".</summary>
    internal static Dictionary<string, string> ReadBodies(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                var paragraphs = new List<string>();
                if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("body", out var body))
                {
                    if (body.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var p in body.EnumerateArray())
                        {
                            if (p.ValueKind == JsonValueKind.String) paragraphs.Add(p.GetString()!);
                        }
                    }
                    else if (body.ValueKind == JsonValueKind.String) paragraphs.Add(body.GetString()!);
                }
                result[entry.Name] = string.Join("\n\n", paragraphs);
            }
            return result;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"PX3102: '{path}' is not valid benchmark JSON ({ex.Message}); restore the file from its source.", ex);
        }
    }

    private static string ReadPage(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"PX3101: page '{path}' named in ground_truth.json is missing; restore the html/ folder.", path);
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
