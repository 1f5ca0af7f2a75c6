using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parallax.Ingest;
using Parallax.Nlp.Cleaning;
using Parallax.Nlp.Documents;

namespace Parallax.Evaluation.Performance;

/// <summary>One timed run of ingest (read + decode) and clean over a corpus folder.</summary>
/// <param name="Files">Articles read.</param>
/// <param name="Bytes">Input bytes.</param>
/// <param name="Words">Whitespace-separated tokens of the clean text (the peers' rule).</param>
/// <param name="IngestSeconds">Wall time of reading and decoding alone.</param>
/// <param name="TotalSeconds">Wall time of reading, decoding and cleaning.</param>
/// <param name="PeakWorkingSetMb">The process's peak working set after the run, in MB.</param>
public sealed record ThroughputRun(int Files, long Bytes, long Words, double IngestSeconds, double TotalSeconds, double PeakWorkingSetMb)
{
    /// <summary>Clean words per second over ingest + clean.</summary>
    public double WordsPerSecond => TotalSeconds > 0 ? Words / TotalSeconds : 0;

    /// <summary>Input megabytes per second over ingest + clean.</summary>
    public double MegabytesPerSecond => TotalSeconds > 0 ? Bytes / 1e6 / TotalSeconds : 0;
}

/// <summary>
/// Measures ingest and clean throughput on one thread over a folder, and generates corpora for it.
/// Used by <c>parallax bench</c>; figures go to docs/PERFORMANCE.md (never asserted in unit tests).
/// </summary>
public static class ThroughputBenchmark
{
    /// <summary>
    /// Reads every file of <paramref name="folder"/> with the ingestion layer, then cleans each on the calling thread.
    /// Ingest is timed separately by a first pass that only reads and decodes.
    /// </summary>
    public static async Task<ThroughputRun> RunAsync(string folder, CancellationToken cancellationToken = default)
    {
        var options = new IngestOptions { MaxBytes = 64L * 1024 * 1024 };
        var reader = new SourceReader(options);
        long bytes = 0;
        int files = 0;
        var sw = Stopwatch.StartNew();
        await foreach (var item in reader.ReadAsync([folder], cancellationToken).ConfigureAwait(false))
        {
            if (item is IngestedSource s)
            {
                files++;
                bytes += Encoding.UTF8.GetByteCount(s.Source.Raw);
            }
        }
        double ingest = sw.Elapsed.TotalSeconds;

        var stage = new CleaningStage();
        long words = 0;
        sw.Restart();
        await foreach (var item in reader.ReadAsync([folder], cancellationToken).ConfigureAwait(false))
        {
            if (item is not IngestedSource s) continue;
            var result = stage.Analyze(new Document(s.Source), cancellationToken);
            words += CountWords(result.Clean.Text);
        }
        double total = sw.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new ThroughputRun(files, bytes, words, ingest, total, self.PeakWorkingSet64 / 1e6);
    }

    /// <summary>Whitespace-separated tokens, as the peer scripts count words.</summary>
    public static long CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parallax.Text.WordCount.Of(text);
    }

    /// <summary>
    /// Writes a deterministic plain-text corpus of about <paramref name="megabytes"/> MB into <paramref name="output"/>
    /// by recombining the paragraphs of the given seed texts (our samples/), with scraped noise lines between them,
    /// in articles of 4–40 KB. Same inputs and seed → byte-identical files.
    /// </summary>
    public static int GenerateCorpus(IReadOnlyList<string> seedTexts, string output, int megabytes, int seed = 17)
    {
        ArgumentNullException.ThrowIfNull(seedTexts);
        var paragraphs = seedTexts
            .SelectMany(t => t.Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Trim())
            .Where(p => p.Length > 80)
            .ToImmutableArray();
        if (paragraphs.IsEmpty) throw new ArgumentException("The seed texts have no paragraphs to recombine.", nameof(seedTexts));
        string[] noise =
        [
            "Thank you for signing up.", "Read More", "Click here to subscribe to our newsletter.",
            "Leave a Reply\nYour email address will not be published. Required fields are marked *", "1,204 views",
        ];
        Directory.CreateDirectory(output);
        var random = new Random(seed);
        long target = (long)megabytes * 1_000_000;
        long written = 0;
        int file = 0;
        var sb = new StringBuilder();
        while (written < target)
        {
            sb.Clear();
            int size = random.Next(4_000, 40_000);
            sb.Append("Generated article ").Append(file.ToString(CultureInfo.InvariantCulture)).Append("\n\n");
            while (sb.Length < size)
            {
                sb.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
                if (random.Next(8) == 0) sb.Append(noise[random.Next(noise.Length)]).Append("\n\n");
            }
            var path = Path.Combine(output, $"{file:D6}.txt");
            File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
            written += Encoding.UTF8.GetByteCount(sb.ToString());
            file++;
        }
        return file;
    }
}
