using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Pipeline;

namespace Parallax.Nlp.Places;

/// <summary>
/// Finds and resolves the places a document names. Requires <see cref="Layers.Clean"/>; uses the entity stage's
/// person mentions (<see cref="Ner.EntityLayers.Mentions"/>) when present; assigns <see cref="PlaceLayers.Places"/>
/// (spans over the clean text).
/// </summary>
/// <remarks>Thread-safe: holds only the immutable resolver.</remarks>
public sealed class PlaceStage : PipelineStage<ImmutableArray<ResolvedPlace>>
{
    private readonly ToponymResolver _resolver;

    static PlaceStage() => PlaceLayers.EnsureRegistered();

    /// <summary>Creates the stage over the shipped gazetteer.</summary>
    public PlaceStage() : this(new ToponymResolver(Gazetteer.LoadDefault())) { }

    /// <summary>Creates the stage over the given resolver (for a gazetteer with user places).</summary>
    public PlaceStage(ToponymResolver resolver) => _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));

    /// <inheritdoc />
    public override string Name => "places";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [PlaceLayers.Places];

    /// <inheritdoc />
    public override ImmutableArray<ResolvedPlace> Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        // The entity stage's person names, when it ran, keep first names that are also regions from becoming places.
        IReadOnlyList<Parallax.Text.TextSpan>? persons = document.TryGet(Ner.EntityLayers.Mentions, out var mentions)
            ? [.. mentions.Where(m => m.Type == Ner.EntityType.Person).Select(m => m.Span)]
            : null;
        return _resolver.Resolve(document.Text, personSpans: persons);
    }

    /// <inheritdoc />
    public override void Apply(Document document, ImmutableArray<ResolvedPlace> result)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(PlaceLayers.Places, result);
    }
}
