using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;
using Parallax.Text;

namespace Parallax.Nlp.Quantities;

/// <summary>
/// Finds numbers with their units or counted nouns and normalises them: digits and words ("9,000", "1.5 million",
/// "twenty-five", "a dozen"), distances in km (miles × 1.609344), durations in seconds ("over an hour and a half" → at
/// least 5,400 s), areas, percentages and money; ranges ("five to 20 kilometers", "5-20 km", "between 5 and 20 km") and
/// bounds ("at least", "up to", "more than", "nearly", "some", "about"); counts of people, fighters, troops … with the
/// counted noun's lemma as the unit; for distances what they are measured from and whom they apply to. Years, dates,
/// times of day, ordinals and identifiers ("Resolution 2254", "page 5") are not quantities.
/// Requires <see cref="Layers.Clean"/>, <see cref="TokenLayers.Tokens"/> and <see cref="TokenLayers.Sentences"/>; reads
/// <see cref="TimeLayers.Timexes"/> (dates and times are skipped) and <see cref="EntityLayers.Mentions"/> (places a
/// distance is measured from) when an earlier stage assigned them. Assigns <see cref="QuantityLayers.Quantities"/>.
/// </summary>
/// <remarks>Holds only the immutable lexicon: one instance serves many threads.</remarks>
public sealed class QuantityStage : PipelineStage<ImmutableArray<Quantity>>
{
    private readonly QuantityLexicon _lexicon = QuantityLexicon.Default;

    static QuantityStage() => QuantityLayers.Register();

    /// <inheritdoc />
    public override string Name => "quantities";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean, TokenLayers.Tokens, TokenLayers.Sentences];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [QuantityLayers.Quantities];

    /// <summary>The document's quantities, ordered by span start with ids "n1", "n2", …; throws <see cref="PipelineException"/>
    /// (PX1004) when a required layer is missing. Writes nothing.</summary>
    public override ImmutableArray<Quantity> Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var excluded = document.TryGet(TimeLayers.Timexes, out var timexes)
            ? timexes.Where(t => t.Type != TimexType.Duration).Select(t => t.Span).OrderBy(s => s.Start).ToImmutableArray()
            : ImmutableArray<TextSpan>.Empty;
        var mentions = document.TryGet(EntityLayers.Mentions, out var m) ? m : [];
        var analyzer = new QuantityAnalyzer(
            document.Text, document.Get(TokenLayers.Tokens), document.Get(TokenLayers.Sentences), mentions, excluded, _lexicon);
        return analyzer.Run(cancellationToken);
    }

    /// <inheritdoc />
    public override void Apply(Document document, ImmutableArray<Quantity> result)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(QuantityLayers.Quantities, result);
    }
}
