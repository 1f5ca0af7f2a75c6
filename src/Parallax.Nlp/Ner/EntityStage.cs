using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Linking;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Tokens;

namespace Parallax.Nlp.Ner;

/// <summary>
/// Finds named entities and links them to the actor knowledge base. Requires <see cref="Layers.Clean"/>,
/// <see cref="TokenLayers.Tokens"/> and <see cref="TokenLayers.Sentences"/>; assigns <see cref="EntityLayers.Mentions"/>.
/// The article's publication date (metadata <see cref="MetadataField.Published"/>), when known, decides who held an office.
/// </summary>
/// <remarks>Holds only the immutable model and linker: one instance serves many threads.</remarks>
public sealed class EntityStage : PipelineStage<ImmutableArray<EntityMention>>
{
    private readonly NerModel _model;
    private readonly EntityLinker _linker;

    static EntityStage() => EntityLayers.Register();

    /// <summary>The shipped model and knowledge base.</summary>
    public EntityStage() : this(NerModel.Default, ActorKnowledgeBase.LoadDefault()) { }

    /// <summary>A given model and knowledge base (user actor files loaded with <see cref="ActorKnowledgeBase.Load"/>).</summary>
    public EntityStage(NerModel model, ActorKnowledgeBase knowledgeBase)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _linker = new EntityLinker(knowledgeBase ?? throw new ArgumentNullException(nameof(knowledgeBase)));
    }

    /// <inheritdoc />
    public override string Name => "entities";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean, TokenLayers.Tokens, TokenLayers.Sentences];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [EntityLayers.Mentions];

    /// <summary>Tags and links the document; throws <see cref="PipelineException"/> (PX1004) when a required layer is missing.</summary>
    public override ImmutableArray<EntityMention> Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var text = document.Text;
        var tokens = document.Get(TokenLayers.Tokens);
        var sentences = document.Get(TokenLayers.Sentences);
        var spans = _model.Tag(text, tokens.AsSpan(), sentences.AsSpan());
        cancellationToken.ThrowIfCancellationRequested();
        return _linker.Link(text, tokens.AsSpan(), spans, PublishedDay(document));
    }

    /// <inheritdoc />
    public override void Apply(Document document, ImmutableArray<EntityMention> result)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(EntityLayers.Mentions, result);
    }

    /// <summary>The publication day from the resolved metadata, or null when absent or unreadable.</summary>
    internal static DateOnly? PublishedDay(Document document)
    {
        var value = document.Metadata.Value(MetadataField.Published);
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            return DateOnly.FromDateTime(stamp.UtcDateTime);
        return DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var day) ? day : null;
    }
}
