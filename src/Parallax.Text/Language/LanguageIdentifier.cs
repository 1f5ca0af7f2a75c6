using System.Collections.Immutable;

namespace Parallax.Text.Language;

/// <summary>
/// Identifies the language of a text: first its script by Unicode ranges, then, for scripts shared by several
/// languages (Latin, Cyrillic, Arabic), a naive Bayes model over character 1–4-grams and whole words trained by
/// <see cref="LanguageModelTrainer"/>. Built for short text: headlines and single lines.
/// </summary>
/// <remarks>Immutable and thread-safe: one instance serves any number of threads.</remarks>
public sealed class LanguageIdentifier
{
    private const string ResourceName = "Parallax.Text.Language.langid-model.bin.gz";
    private const int ScriptCount = (int)TextScript.Other + 1;
    private const int MaxAlternatives = 4;
    private static readonly Lazy<LanguageIdentifier> _default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LanguageModel _model;

    private LanguageIdentifier(LanguageModel model)
    {
        _model = model;
        Languages = [.. model.ScriptModels.SelectMany(m => m.Languages)
            .Concat(model.ScriptModels.Any(m => m.Script == TextScript.Han) ? [] : ["zh"])
            .Concat(["el", "ja", "ko", "th", "hi", "ka", "hy"])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The identifier with the model embedded in this assembly, loaded once on first use.</summary>
    /// <exception cref="InvalidOperationException">PX3104: the assembly was built without the model resource.</exception>
    public static LanguageIdentifier Default => _default.Value;

    /// <summary>Every language code this identifier can return (besides "und"), in ordinal order.</summary>
    public ImmutableArray<string> Languages { get; }

    /// <summary>Loads a model written by <see cref="LanguageModelTrainer.Train(string, string, int)"/>.</summary>
    /// <exception cref="InvalidDataException">PX3101: the stream is not a model file.</exception>
    public static LanguageIdentifier Load(Stream model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new LanguageIdentifier(LanguageModel.Read(model));
    }

    /// <summary>Loads a model file written by <see cref="LanguageModelTrainer.Train(string, string, int)"/>.</summary>
    public static LanguageIdentifier Load(string modelPath)
    {
        using var file = File.OpenRead(modelPath);
        return Load(file);
    }

    /// <summary>
    /// The language of the text, judged by its dominant script's letters. Letters of other scripts lower the
    /// confidence and appear among the alternatives. A text without letters is "und" with confidence 0.
    /// </summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[ScriptCount];
        Scripts.Count(text, counts);
        var dominant = Scripts.Dominant(counts, out int letters);
        if (dominant == TextScript.Common) return LanguageGuess.None;

        var candidates = new List<LanguageScore>(8);
        double share = (double)counts[(int)dominant] / letters;
        var (language, confidence) = Within(text, dominant, counts[(int)dominant], share, candidates);
        for (int s = 1; s < ScriptCount; s++)
        {
            if (s == (int)dominant || counts[s] == 0) continue;
            double other = (double)counts[s] / letters;
            var (l, c) = Within(text, (TextScript)s, counts[s], other, null);
            if (l is not null) candidates.Add(new LanguageScore(l, c * other));
        }
        if (language is null) return new LanguageGuess(LanguageGuess.Undetermined, Scripts.Name(dominant), 0, Alternatives(candidates, null));
        return new LanguageGuess(language, Scripts.Name(dominant), confidence * share, Alternatives(candidates, language));
    }

    /// <summary>
    /// The language of the letters of one script only (for a run of Arabic inside an English line, say).
    /// Returns <see cref="LanguageGuess.None"/> when the text has no letter of that script.
    /// </summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text, TextScript script)
    {
        Span<int> counts = stackalloc int[ScriptCount];
        Scripts.Count(text, counts);
        int n = script == TextScript.Kana ? counts[(int)TextScript.Kana] + counts[(int)TextScript.Han] : counts[(int)script];
        if (script == TextScript.Common || n == 0) return LanguageGuess.None;
        var candidates = new List<LanguageScore>(8);
        var (language, confidence) = Within(text, script, n, 1, candidates);
        return language is null
            ? LanguageGuess.None with { Script = Scripts.Name(script) }
            : new LanguageGuess(language, Scripts.Name(script), confidence, Alternatives(candidates, language));
    }

    private (string? Language, double Confidence) Within(ReadOnlySpan<char> text, TextScript script, int letters, double share, List<LanguageScore>? candidates)
    {
        var model = _model.For(script);
        if (model is null || model.Languages.Length == 1)
        {
            string? fixedLanguage = model is not null ? model.Languages[0] : DefaultLanguage(script);
            // One letter of a script says little; a few say it all for a script with a single language.
            double c = fixedLanguage is null ? 0 : Math.Min(0.99, 0.6 + 0.1 * letters);
            return (fixedLanguage, c);
        }

        int count = model.Languages.Length;
        Span<double> scores = stackalloc double[count];
        var sink = new ScoringSink(model, scores);
        LanguageFeatures.Extract(text, script, ref sink);
        if (sink.Hits == 0) return (model.Languages[0], 1.0 / count);

        double best = double.NegativeInfinity;
        int top = 0;
        for (int l = 0; l < count; l++)
        {
            if (scores[l] > best)
            {
                best = scores[l];
                top = l;
            }
        }
        // Naive Bayes sums dependent n-gram evidence and is over-confident; the temperature grows with the
        // evidence so that confidence tracks accuracy on held-out short snippets.
        double temperature = Math.Sqrt(sink.Hits);
        double sum = 0;
        for (int l = 0; l < count; l++)
        {
            scores[l] = Math.Exp((scores[l] - best) / temperature);
            sum += scores[l];
        }
        if (candidates is not null)
        {
            for (int l = 0; l < count; l++)
                if (l != top) candidates.Add(new LanguageScore(model.Languages[l], scores[l] / sum * share));
        }
        return (model.Languages[top], scores[top] / sum);
    }

    private static ImmutableArray<LanguageScore> Alternatives(List<LanguageScore> candidates, string? chosen)
    {
        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Language, b.Language));
        var result = ImmutableArray.CreateBuilder<LanguageScore>(MaxAlternatives);
        foreach (var c in candidates)
        {
            if (result.Count == MaxAlternatives) break;
            if (string.Equals(c.Language, chosen, StringComparison.Ordinal) || result.Any(r => string.Equals(r.Language, c.Language, StringComparison.Ordinal))) continue;
            result.Add(c);
        }
        return result.ToImmutable();
    }

    private static string? DefaultLanguage(TextScript script) => script switch
    {
        TextScript.Latin => "en",
        TextScript.Cyrillic => "ru",
        TextScript.Arabic => "ar",
        TextScript.Hebrew => "he",
        TextScript.Han => "zh",
        TextScript.Kana => "ja",
        TextScript.Hangul => "ko",
        TextScript.Greek => "el",
        TextScript.Thai => "th",
        TextScript.Devanagari => "hi",
        TextScript.Georgian => "ka",
        TextScript.Armenian => "hy",
        _ => null,
    };

    private static LanguageIdentifier LoadEmbedded()
    {
        using var stream = typeof(LanguageIdentifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"PX3104: the language model resource '{ResourceName}' is missing from Parallax.Text; rebuild it (data/langid/README.md) and build again.");
        return Load(stream);
    }

    private ref struct ScoringSink(ScriptModel model, Span<double> scores) : IFeatureSink
    {
        private readonly ScriptModel _model = model;
        private readonly Span<double> _scores = scores;

        public int Hits { get; private set; }

        public void Add(uint feature)
        {
            if (!_model.Index.TryGetValue(feature, out int row)) return;
            Hits++;
            var levels = _model.Levels;
            var weights = _model.Weights;
            for (int l = 0; l < _scores.Length; l++) _scores[l] += levels[weights[row + l]];
        }
    }
}
