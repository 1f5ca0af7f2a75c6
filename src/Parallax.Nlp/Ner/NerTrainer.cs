using System.Collections.Immutable;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Ner;

/// <summary>Training settings. The defaults are the ones the shipped model was built with (data/ner/README.md).</summary>
/// <param name="Epochs">Passes over the data; at least 1.</param>
/// <param name="Seed">Seed of the per-epoch shuffle: the same data and seed give a byte-identical model.</param>
/// <param name="HashBits">The feature table has 2^HashBits buckets per label (8 to 24).</param>
/// <param name="KnowledgeBase">Source of the gazetteer features; null for the shipped knowledge base.</param>
public sealed record NerTrainingOptions(int Epochs = 15, int Seed = 20180713, int HashBits = 16, ActorKnowledgeBase? KnowledgeBase = null);

/// <summary>Cross-validation results: exact-span scores per type and overall, pooled over the folds.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Sentences">Sentences in the data.</param>
/// <param name="Scores">Per-type rows, then "overall" (micro-averaged over all folds' predictions).</param>
public sealed record CrossValidationReport(int Folds, int Sentences, ImmutableArray<TypeScore> Scores)
{
    /// <summary>The scores as a Markdown table.</summary>
    public string ToMarkdownTable() => SpanScorer.ToMarkdownTable(Scores, "Parallax (" + Folds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-fold CV)");
}

/// <summary>
/// Trains <see cref="NerModel"/>s: an averaged structured perceptron, deterministic for a given data set and
/// <see cref="NerTrainingOptions"/>. Thread-safe (no shared state).
/// </summary>
public static class NerTrainer
{
    /// <summary>
    /// Trains a model on IOB2-tagged sentences. Throws <see cref="ArgumentException"/> when there are no sentences or a
    /// tag is not O/B-X/I-X, and <see cref="ArgumentOutOfRangeException"/> for bad options.
    /// </summary>
    public static NerModel Train(IEnumerable<TaggedSentence> sentences, NerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HashBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.HashBits, 24);
        var data = sentences.ToList();
        if (data.Count == 0) throw new ArgumentException("NER training needs at least one sentence.", nameof(sentences));
        foreach (var tag in data.SelectMany(s => s.Tags))
        {
            if (!NerTags.IsValid(tag)) throw new ArgumentException($"Tag '{tag}' is not O, B-TYPE or I-TYPE.", nameof(sentences));
        }

        var types = data.SelectMany(s => s.Tags).Where(t => t.Length > 2).Select(t => t[2..]).Distinct().Order(StringComparer.Ordinal).ToList();
        var labels = ImmutableArray.CreateRange(types.SelectMany(t => new[] { "B-" + t, "I-" + t }).Prepend("O"));
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var gazetteer = options.KnowledgeBase is null ? Gazetteer.Default : Gazetteer.Build(options.KnowledgeBase);

        int l = labels.Length;
        int rows = 1 << options.HashBits;
        var weights = new float[rows * l];
        var transitions = new float[(l + 1) * l];
        var model = new NerModel(options.HashBits, labels, weights, transitions, gazetteer);

        // Features are computed once; each sentence keeps its own copy of the feature indexes.
        var scratch = new NerFeatures.Scratch();
        var prepared = new List<(int[] Features, int[] Gold)>(data.Count);
        foreach (var s in data)
        {
            var (text, tokens) = NerModel.Join(s.Words);
            scratch.Ensure(tokens.Length, l);
            NerFeatures.Extract(text, tokens, gazetteer, model.Mask, scratch);
            prepared.Add((scratch.Features.AsSpan(0, tokens.Length * NerFeatures.PerToken).ToArray(), [.. s.Tags.Select(t => index[t])]));
        }

        // Averaging by the usual trick: keep the sum of (step × update) beside the weights; average = w - acc / steps.
        var accW = new double[weights.Length];
        var accT = new double[transitions.Length];
        var order = Enumerable.Range(0, prepared.Count).ToArray();
        var random = new Random(options.Seed);
        long step = 1;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var k in order)
            {
                var (features, gold) = prepared[k];
                int n = gold.Length;
                scratch.Ensure(n, l);
                model.Emissions(features, n, scratch.Scores);
                model.Viterbi(scratch.Scores, n, scratch);
                var predicted = scratch.Best;
                for (int i = 0; i < n; i++)
                {
                    int g = gold[i], p = predicted[i];
                    int gPrev = i == 0 ? -1 : gold[i - 1], pPrev = i == 0 ? -1 : predicted[i - 1];
                    if (g != p)
                    {
                        for (int f = 0; f < NerFeatures.PerToken; f++)
                        {
                            int row = features[(i * NerFeatures.PerToken) + f] * l;
                            weights[row + g] += 1;
                            accW[row + g] += step;
                            weights[row + p] -= 1;
                            accW[row + p] -= step;
                        }
                    }

                    if (g != p || gPrev != pPrev)
                    {
                        int gc = ((gPrev + 1) * l) + g, pc = ((pPrev + 1) * l) + p;
                        transitions[gc] += 1;
                        accT[gc] += step;
                        transitions[pc] -= 1;
                        accT[pc] -= step;
                    }
                }

                step++;
            }
        }

        var averaged = new float[weights.Length];
        for (int i = 0; i < weights.Length; i++) averaged[i] = (float)(weights[i] - (accW[i] / step));
        // Keep the weights the file will hold, so that the trained model and the one read back decide alike.
        NerModel.Quantise(averaged);
        var averagedT = new float[transitions.Length];
        for (int i = 0; i < transitions.Length; i++) averagedT[i] = (float)(transitions[i] - (accT[i] / step));
        return new NerModel(options.HashBits, labels, averaged, averagedT, gazetteer);
    }

    /// <summary>
    /// Trains on the IOB2 file at <paramref name="dataPath"/> with the default options and writes the model to
    /// <paramref name="outputPath"/> (the entry point of <c>parallax train ner</c>). Reproducible: the same data give
    /// byte-identical output. Throws <see cref="FileNotFoundException"/> and <see cref="FormatException"/> for bad input.
    /// </summary>
    public static NerModel TrainFile(string dataPath, string outputPath, NerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        var model = Train(Iob2Reader.Read(dataPath), options ?? new NerTrainingOptions());
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is not null) Directory.CreateDirectory(folder);
        using var stream = File.Create(outputPath);
        model.Write(stream);
        return model;
    }

    /// <summary>
    /// K-fold cross-validation on an IOB2 file: sentence i goes to fold i mod <paramref name="folds"/> (contiguous
    /// documents stay spread evenly); each fold is tagged by a model trained on the others. Scores are pooled.
    /// </summary>
    public static CrossValidationReport CrossValidate(string iob2Path, int folds = 5, NerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(iob2Path);
        return CrossValidate(Iob2Reader.Read(iob2Path), folds, options);
    }

    /// <summary>Cross-validation over sentences already read; see <see cref="CrossValidate(string, int, NerTrainingOptions?)"/>.</summary>
    public static CrossValidationReport CrossValidate(IReadOnlyList<TaggedSentence> sentences, int folds = 5, NerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        options ??= new NerTrainingOptions();
        var scorer = new SpanScorer();
        for (int fold = 0; fold < folds; fold++)
        {
            var model = Train(sentences.Where((_, i) => i % folds != fold), options);
            for (int i = fold; i < sentences.Count; i += folds)
            {
                var s = sentences[i];
                scorer.Add(s.Spans(), NerTags.Spans(model.TagWords(s.Words).AsSpan()));
            }
        }

        return new CrossValidationReport(folds, sentences.Count, scorer.Scores());
    }
}
