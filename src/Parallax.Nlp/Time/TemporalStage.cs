using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Nlp.Time;

/// <summary>What <see cref="TemporalStage"/> computes for one document.</summary>
/// <param name="Timexes">The expressions, in text order.</param>
/// <param name="Anchor">The anchor they were resolved against.</param>
/// <param name="Ranges">Ranges between two of the expressions ("June 12-15"); default means none.</param>
public sealed record TemporalResult(ImmutableArray<Timex> Timexes, TemporalAnchor Anchor, ImmutableArray<TimexRange> Ranges = default);

/// <summary>
/// Tags temporal expressions in the clean text. The anchor is the publication date from the metadata when known
/// (<see cref="MetadataField.Published"/>, ISO 8601), else inferred from the text; when nothing fixes it the anchor layer
/// says so (<see cref="AnchorSource.Unknown"/>) and relative expressions stay unresolved.
/// Requires <see cref="Layers.Clean"/>; assigns <see cref="TimeLayers.Timexes"/>, <see cref="TimeLayers.Anchor"/> and <see cref="TimeLayers.Ranges"/>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class TemporalStage : PipelineStage<TemporalResult>
{
    private readonly TemporalTagger _tagger;
    private readonly TimeProvider _time;

    static TemporalStage() => TimeLayers.EnsureRegistered();

    /// <summary>Creates the stage with the system clock (used only to bound inferred years by "now").</summary>
    public TemporalStage() : this(new TemporalTagger(), TimeProvider.System) { }

    /// <summary>Creates the stage with the given tagger and clock.</summary>
    public TemporalStage(TemporalTagger tagger, TimeProvider time)
    {
        _tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public override string Name => "time";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [TimeLayers.Timexes, TimeLayers.Anchor, TimeLayers.Ranges];

    /// <inheritdoc />
    public override TemporalResult Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var text = document.Text;
        // Recognised once: the anchor inference and the tagging read the same expressions.
        var mentions = TimexGrammar.Recognize(text);
        var anchor = KnownAnchor(document.Metadata.Value(MetadataField.Published))
            ?? TemporalAnchor.InferAnchor(text, mentions, null, _time)
            ?? new TemporalAnchor(DateOnly.MinValue, AnchorSource.Unknown, 0, "no publication date supplied and no dated cue in the text");
        var timexes = _tagger.Resolve(text, anchor, mentions);
        return new TemporalResult(timexes, anchor, TemporalTagger.Ranges(text, timexes));
    }

    /// <inheritdoc />
    public override void Apply(Document document, TemporalResult result)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(result);
        document.Set(TimeLayers.Timexes, result.Timexes);
        document.Set(TimeLayers.Anchor, result.Anchor);
        document.Set(TimeLayers.Ranges, result.Ranges.IsDefault ? [] : result.Ranges);
    }

    internal static TemporalAnchor? KnownAnchor(string? published)
    {
        if (string.IsNullOrWhiteSpace(published) || published.Length < 10) return null;
        return DateOnly.TryParseExact(published.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? TemporalAnchor.Known(d, $"publication date from metadata ({published})")
            : null;
    }
}
