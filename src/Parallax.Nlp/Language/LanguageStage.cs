using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;
using Parallax.Text;
using Parallax.Text.Language;

namespace Parallax.Nlp.Language;

/// <summary>Options of <see cref="LanguageStage"/>.</summary>
/// <param name="MinLetters">A line or script run with fewer letters is not tagged on its own (too little to judge).</param>
/// <param name="MinConfidence">A line is tagged apart from its paragraph only when its guess is at least this confident.</param>
public sealed record LanguageStageOptions(int MinLetters = 4, double MinConfidence = 0.5);

/// <summary>What <see cref="LanguageStage"/> computes: the document's language and the span tags, ordered by start.</summary>
/// <param name="Document">The language of the whole clean text.</param>
/// <param name="Spans">One tag per paragraph, plus lines (and script runs inside lines) whose language differs
/// from their paragraph; ordered by start, a paragraph before the lines inside it.</param>
public sealed record LanguageAnalysis(LanguageTag Document, ImmutableArray<LanguageTag> Spans);

/// <summary>
/// Identifies the language of the clean text, of each paragraph, and of each line or same-script run that differs
/// from its paragraph (an Arabic translation line under an English headline). Requires <see cref="Layers.Clean"/>;
/// assigns <see cref="Layers.Language"/> and <see cref="Layers.LanguageSpans"/>.
/// </summary>
/// <remarks>Stateless apart from the immutable identifier: one instance serves many threads.</remarks>
public sealed class LanguageStage : PipelineStage<LanguageAnalysis>
{
    private static readonly AnnotationKey[] _requires = [Layers.Clean];
    private static readonly AnnotationKey[] _assigns = [Layers.Language, Layers.LanguageSpans];
    // Above this many characters the document's language is combined from its paragraphs' verdicts.
    private const int WholeTextLimit = 8_000;
    private const int ParagraphSample = 320;
    private readonly LanguageIdentifier _identifier;
    private readonly LanguageStageOptions _options;

    /// <summary>Creates the stage with the embedded model (<see cref="LanguageIdentifier.Default"/>) unless another is given.</summary>
    public LanguageStage(LanguageIdentifier? identifier = null, LanguageStageOptions? options = null)
    {
        _identifier = identifier ?? LanguageIdentifier.Default;
        _options = options ?? new LanguageStageOptions();
    }

    /// <inheritdoc />
    public override string Name => "language";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => _requires;

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => _assigns;

    /// <inheritdoc />
    public override LanguageAnalysis Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clean = document.Get(Layers.Clean);
        string text = clean.Text;
        var spans = new List<LanguageTag>();
        var paragraphs = new List<LanguageTag>();
        foreach (var paragraph in clean.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var para = Tag(paragraph, _identifier.Identify(Sample(text, paragraph)));
            spans.Add(para);
            paragraphs.Add(para);
            AddLines(text, paragraph, para, spans);
        }
        var whole = text.Length > WholeTextLimit && paragraphs.Count > 1
            ? Combine(new TextSpan(0, text.Length), paragraphs)
            : Tag(new TextSpan(0, text.Length), _identifier.Identify(text));
        var ordered = spans.OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.Length).ToImmutableArray();
        return new LanguageAnalysis(whole, ordered);
    }

    /// <inheritdoc />
    public override void Apply(Document document, LanguageAnalysis result)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(result);
        document.Set(Layers.Language, result.Document);
        document.Set(Layers.LanguageSpans, result.Spans);
    }

    private void AddLines(string text, TextSpan paragraph, LanguageTag para, List<LanguageTag> spans)
    {
        int at = paragraph.Start;
        while (at < paragraph.End)
        {
            int newline = text.IndexOf('\n', at, paragraph.End - at);
            int end = newline < 0 ? paragraph.End : newline;
            var line = Trim(text, at, end);
            at = end + 1;
            if (line.IsEmpty) continue;
            // A line that is its whole paragraph was judged with the paragraph; only shorter lines are judged alone.
            if (line.Length < paragraph.Length)
            {
                var lineText = text.AsSpan(line.Start, line.Length);
                if (Letters(lineText) >= _options.MinLetters && _identifier.Identify(lineText) is { IsDetermined: true } guess
                    && guess.Confidence >= _options.MinConfidence && Differs(guess, para))
                {
                    spans.Add(Tag(line, guess));
                    continue;
                }
            }
            AddRuns(text, line, para, spans);
        }
    }

    /// <summary>Tags runs of a script other than the paragraph's inside one line ("… Syria “unrealistic” روسيا تستأنف …").</summary>
    private void AddRuns(string text, TextSpan line, LanguageTag para, List<LanguageTag> spans)
    {
        var runs = Scripts.Runs(text.AsSpan(line.Start, line.Length));
        if (runs.Length < 2) return;
        foreach (var run in runs)
        {
            if (run.Letters < _options.MinLetters || string.Equals(Scripts.Name(run.Script), para.Script, StringComparison.Ordinal)) continue;
            var span = new TextSpan(line.Start + run.Start, line.Start + run.End);
            var guess = _identifier.Identify(text.AsSpan(span.Start, span.Length), run.Script);
            if (guess.IsDetermined && Differs(guess, para)) spans.Add(Tag(span, guess));
        }
    }

    /// <summary>
    /// The language of a long text from its paragraphs' verdicts, each weighted by its length: the language (and script)
    /// with the largest weight wins; confidence is its weighted confidence over all the text. Judging 40 KB again as a
    /// whole would repeat the paragraphs' work for the same answer.
    /// </summary>
    /// <summary>The paragraph's text, or its first <see cref="ParagraphSample"/> characters cut at a space: a few hundred
    /// letters settle a paragraph's language, and lines or script runs that differ are judged on their own.</summary>
    private static ReadOnlySpan<char> Sample(string text, TextSpan paragraph)
    {
        if (paragraph.Length <= ParagraphSample) return text.AsSpan(paragraph.Start, paragraph.Length);
        int cut = text.LastIndexOf(' ', paragraph.Start + ParagraphSample, ParagraphSample / 2);
        return text.AsSpan(paragraph.Start, (cut > paragraph.Start ? cut : paragraph.Start + ParagraphSample) - paragraph.Start);
    }

    private static LanguageTag Combine(TextSpan whole, List<LanguageTag> paragraphs)
    {
        var weights = new Dictionary<(string Language, string Script), (double Weight, double Confident)>();
        double total = 0;
        foreach (var p in paragraphs)
        {
            total += p.Span.Length;
            var key = (p.Language, p.Script);
            var (w, c) = weights.GetValueOrDefault(key);
            weights[key] = (w + p.Span.Length, c + p.Span.Length * p.Confidence);
        }
        var best = weights
            .Where(kv => !string.Equals(kv.Key.Language, LanguageGuess.Undetermined, StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Value.Weight)
            .ThenBy(kv => kv.Key.Language, StringComparer.Ordinal).ThenBy(kv => kv.Key.Script, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Key.Language is null) return new LanguageTag(whole, LanguageGuess.Undetermined, paragraphs[0].Script, 0);
        return new LanguageTag(whole, best.Key.Language, best.Key.Script, Math.Round(best.Value.Confident / Math.Max(1, total), 4));
    }

    private static bool Differs(LanguageGuess guess, LanguageTag para) =>
        !string.Equals(guess.Language, para.Language, StringComparison.Ordinal)
        || !string.Equals(guess.Script, para.Script, StringComparison.Ordinal);

    private static int Letters(ReadOnlySpan<char> text)
    {
        Scripts.Dominant(text, out int letters);
        return letters;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }

    private static LanguageTag Tag(TextSpan span, LanguageGuess guess) =>
        new(span, guess.Language, guess.Script, Math.Round(guess.Confidence, 4));
}
