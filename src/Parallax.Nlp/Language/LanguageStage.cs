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
        var whole = Tag(new TextSpan(0, text.Length), _identifier.Identify(text));
        var spans = new List<LanguageTag>();
        foreach (var paragraph in clean.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var para = Tag(paragraph, _identifier.Identify(text.AsSpan(paragraph.Start, paragraph.Length)));
            spans.Add(para);
            AddLines(text, paragraph, para, spans);
        }
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
            var lineText = text.AsSpan(line.Start, line.Length);
            var guess = _identifier.Identify(lineText);
            bool whole = line.Length < paragraph.Length;
            if (whole && Letters(lineText) >= _options.MinLetters && guess.IsDetermined
                && guess.Confidence >= _options.MinConfidence && Differs(guess, para))
            {
                spans.Add(Tag(line, guess));
                continue;
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
