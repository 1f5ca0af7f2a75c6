using System.Collections.Immutable;
using Parallax.Nlp.Cleaning.Html;
using Parallax.Nlp.Cleaning.Text;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Nlp.Cleaning;

/// <summary>
/// The first stage: turns the raw input into clean text. HTML goes through main-content extraction, plain text
/// through scraped-noise removal; both then have their text cues (byline, dateline, outlet mentions) read.
/// Assigns <see cref="Layers.Clean"/> and <see cref="Layers.TextMetadata"/>.
/// </summary>
/// <remarks>Thread-safe: holds only thread-safe cleaners.</remarks>
public sealed class CleaningStage : PipelineStage<CleaningResult>
{
    private readonly HtmlContentExtractor _html;
    private readonly ScrapedTextCleaner _text;
    private readonly TextCueDetector _cues;

    /// <summary>Creates the stage with the default cleaners.</summary>
    public CleaningStage() : this(new HtmlContentExtractor(), new ScrapedTextCleaner(), new TextCueDetector()) { }

    /// <summary>Creates the stage with the given cleaners.</summary>
    public CleaningStage(HtmlContentExtractor html, ScrapedTextCleaner text, TextCueDetector cues)
    {
        _html = html ?? throw new ArgumentNullException(nameof(html));
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _cues = cues ?? throw new ArgumentNullException(nameof(cues));
    }

    /// <summary>Fewer letters than this in the clean text means the input held no article.</summary>
    public const int MinimumLetters = 10;

    /// <inheritdoc />
    public override string Name => "clean";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [Layers.Clean, Layers.TextMetadata];

    /// <inheritdoc />
    public override CleaningResult Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Source.Kind != ContentKind.Html) return _text.Clean(document.Raw, cancellationToken);

        var url = document.Source.Metadata.FirstOrDefault(m => m.Field == MetadataField.Url)?.Value;
        var result = _html.Extract(document.Raw, url, cancellationToken);
        // Cues are found in the clean text; their spans are re-based onto the raw HTML so every RawSpan means the same.
        var map = result.Clean.Map;
        var cues = _cues.Detect(result.Clean.Text)
            .Select(c => c.RawSpan is { } span ? c with { RawSpan = map.ToRaw(span) } : c);
        return result with { Metadata = [.. result.Metadata, .. cues] };
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">Nothing is left once noise and page furniture are removed; the input is not an article.</exception>
    public override void Apply(Document document, CleaningResult result)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(result);
        if (LetterCount(result.Clean.Text) < MinimumLetters)
            throw new InvalidDataException(result.Clean.Removed.IsEmpty
                ? "no article text was found; the input may be malformed or hold only markup."
                : $"no article text was left: all {result.Clean.Removed.Length} block(s) were page furniture or noise (see `parallax show` on a good copy, or check the file).");
        document.Set(Layers.Clean, result.Clean);
        document.Set(Layers.TextMetadata, result.Metadata.IsDefault ? ImmutableArray<MetadataCandidate>.Empty : result.Metadata);
    }

    private static int LetterCount(string text)
    {
        int n = 0;
        foreach (var ch in text)
            if (char.IsLetter(ch) && ++n >= MinimumLetters) break;
        return n;
    }
}
