using System.Collections.Immutable;

namespace Parallax.Text.Language;

/// <summary>
/// Trains the language model from a corpus folder: one UTF-8 file per language named by its ISO 639-1 code
/// (<c>en.txt</c>, <c>fa.txt</c>, …), one sample per line, as written by <c>data/langid/build-corpus.py</c>.
/// </summary>
/// <remarks>
/// A tenth of the lines, chosen by a fixed hash of the line, is never trained on: <see cref="LanguageEvaluation"/>
/// measures on those. Training is deterministic: the same corpus and seed give a byte-identical model file.
/// Thread-safe (no shared state).
/// </remarks>
public static class LanguageModelTrainer
{
    /// <summary>
    /// Trains on <paramref name="corpusFolder"/> and writes the gzip'd model to <paramref name="modelPath"/>
    /// (replaced if present). Files whose name is not a lower-case language code (e.g. SOURCES.txt) are ignored.
    /// </summary>
    /// <param name="corpusFolder">Folder holding <c>&lt;code&gt;.txt</c> files.</param>
    /// <param name="modelPath">Output file; its folder must exist.</param>
    /// <param name="seed">Chooses which lines are sampled when a language has more text than the per-language cap.</param>
    /// <exception cref="DirectoryNotFoundException">The corpus folder does not exist.</exception>
    /// <exception cref="InvalidDataException">PX3102: the folder holds no language file.</exception>
    public static void Train(string corpusFolder, string modelPath, int seed = 17) =>
        Train(corpusFolder, modelPath, new TrainerSettings(), seed);

    internal static void Train(string corpusFolder, string modelPath, TrainerSettings settings, int seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(corpusFolder);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var model = Build(corpusFolder, settings, seed);
        string temp = modelPath + ".tmp";
        using (var file = File.Create(temp)) model.Write(file);
        File.Move(temp, modelPath, overwrite: true);
    }

    internal static LanguageModel Build(string corpusFolder, TrainerSettings settings, int seed)
    {
        if (!Directory.Exists(corpusFolder))
            throw new DirectoryNotFoundException($"PX3103: corpus folder '{corpusFolder}' not found; build it with data/langid/build-corpus.py.");
        var files = LanguageCorpus.LanguageFiles(corpusFolder);
        if (files.Count == 0)
            throw new InvalidDataException($"PX3102: '{corpusFolder}' holds no <code>.txt language file; build it with data/langid/build-corpus.py.");

        var samples = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var scriptOf = new Dictionary<string, TextScript>(StringComparer.Ordinal);
        foreach (var (lang, path) in files)
        {
            var lines = Sample(path, settings.MaxCharsPerLanguage, (uint)seed);
            samples[lang] = lines;
            var counts = new int[(int)TextScript.Other + 1];
            foreach (var line in lines) Scripts.Count(line, counts);
            scriptOf[lang] = Scripts.Dominant(counts, out _);
        }

        var models = ImmutableArray.CreateBuilder<ScriptModel>();
        foreach (var group in samples.Keys.GroupBy(l => scriptOf[l]).OrderBy(g => (int)g.Key))
        {
            if (group.Key == TextScript.Common) continue;
            var langs = group.OrderBy(l => l, StringComparer.Ordinal).ToImmutableArray();
            models.Add(langs.Length == 1
                ? new ScriptModel(group.Key, langs, [], [], 0, 0)
                : TrainScript(group.Key, langs, samples, settings));
        }
        return new LanguageModel(models.ToImmutable());
    }

    private static List<string> Sample(string path, int maxChars, uint seed)
    {
        var all = new List<(uint Key, string Line)>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || StableHash.IsHeldOut(line)) continue;
            all.Add((StableHash.Of(line, seed), line));
        }
        all.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Line, b.Line));
        var taken = new List<string>();
        long chars = 0;
        foreach (var (_, line) in all)
        {
            if (chars >= maxChars) break;
            taken.Add(line);
            chars += line.Length;
        }
        return taken;
    }

    private static ScriptModel TrainScript(TextScript script, ImmutableArray<string> langs,
        SortedDictionary<string, List<string>> samples, TrainerSettings settings)
    {
        var counts = new Dictionary<uint, int>[langs.Length];
        for (int l = 0; l < langs.Length; l++)
        {
            var sink = new CountingSink(new Dictionary<uint, int>());
            foreach (var line in samples[langs[l]]) LanguageFeatures.Extract(line, script, ref sink);
            counts[l] = sink.Counts;
        }

        // Each language brings its own most frequent features, so a small language is not drowned by a big one.
        var selected = new HashSet<uint>();
        foreach (var c in counts)
        {
            foreach (var kv in c.Where(kv => kv.Value >= settings.MinCount)
                         .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
                         .Take(settings.FeaturesPerLanguage))
                selected.Add(kv.Key);
        }
        var features = selected.Order().ToArray();
        int v = features.Length;
        var logp = new double[v * langs.Length];
        double low = double.MaxValue, high = double.MinValue;
        for (int l = 0; l < langs.Length; l++)
        {
            long total = 0;
            foreach (uint f in features) total += counts[l].GetValueOrDefault(f);
            double denominator = Math.Log(total + settings.Smoothing * v);
            for (int i = 0; i < v; i++)
            {
                double p = Math.Log(counts[l].GetValueOrDefault(features[i]) + settings.Smoothing) - denominator;
                logp[i * langs.Length + l] = p;
                low = Math.Min(low, p);
                high = Math.Max(high, p);
            }
        }
        var weights = new byte[logp.Length];
        double range = high > low ? high - low : 1;
        for (int i = 0; i < logp.Length; i++)
            weights[i] = (byte)Math.Round((logp[i] - low) / range * 255.0, MidpointRounding.AwayFromZero);
        return new ScriptModel(script, langs, features, weights, low, high);
    }

    private struct CountingSink(Dictionary<uint, int> counts) : IFeatureSink
    {
        public readonly Dictionary<uint, int> Counts => counts;

        public readonly void Add(uint feature) =>
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, feature, out _)++;
    }
}

/// <summary>Training knobs; the defaults build the shipped model.</summary>
internal sealed record TrainerSettings(
    int MaxCharsPerLanguage = 3_000_000,
    int FeaturesPerLanguage = 25_000,
    int MinCount = 2,
    double Smoothing = 0.5);

/// <summary>Reads the corpus folder layout shared by training and evaluation.</summary>
internal static class LanguageCorpus
{
    public static IReadOnlyList<(string Language, string Path)> LanguageFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*.txt")
            .Select(p => (Language: Path.GetFileNameWithoutExtension(p), Path: p))
            .Where(f => f.Language.Length is 2 or 3 && f.Language.All(char.IsAsciiLetterLower))
            .OrderBy(f => f.Language, StringComparer.Ordinal)];
}
