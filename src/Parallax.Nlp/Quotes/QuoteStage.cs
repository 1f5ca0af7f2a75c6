using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Tokens;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// Finds direct quotes (straight or curly marks, broken by "he said" or across sentences, a missing closing mark closed at
/// the paragraph's end, nested single quotes kept inside) and indirect speech ("X said that …", "according to X, …",
/// "X told Y …", "X denied …"), and attributes each to a <see cref="Speaker"/>: the entity mention that is the subject of
/// the reporting verb (or follows it: "said Lavrov"), an office description linked by the entity stage ("said the head of
/// the Israeli Defense Ministry"), a pronoun or "the commander" resolved to the latest compatible speaker, the previous
/// speaker for a quote paragraph with no cue; anonymous, collective and self-referential sources are marked by
/// <see cref="SourceKind"/> (the outlet comes from the <see cref="MetadataField.Outlet"/> metadata). A speaker that cannot
/// be found is left null, never guessed.
/// Requires <see cref="Layers.Clean"/>, <see cref="TokenLayers.Tokens"/>, <see cref="TokenLayers.Sentences"/> and
/// <see cref="EntityLayers.Mentions"/>; assigns <see cref="QuoteLayers.Quotes"/> (spans over the clean text).
/// </summary>
/// <remarks>Holds only the immutable lexicon and knowledge base: one instance serves many threads.</remarks>
public sealed class QuoteStage : PipelineStage<ImmutableArray<Quote>>
{
    private readonly ActorKnowledgeBase _actors;
    private readonly QuoteLexicon _lexicon;

    static QuoteStage() => QuoteLayers.Register();

    /// <summary>The stage over the shipped knowledge base and lexicons (data/lexicons).</summary>
    public QuoteStage() : this(ActorKnowledgeBase.LoadDefault()) { }

    /// <summary>The stage over <paramref name="actors"/>, the knowledge base the entity stage linked to (it tells people
    /// from organisations and the document's own outlet from others).</summary>
    public QuoteStage(ActorKnowledgeBase actors)
    {
        _actors = actors ?? throw new ArgumentNullException(nameof(actors));
        _lexicon = QuoteLexicon.Default;
    }

    /// <inheritdoc />
    public override string Name => "quotes";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires => [Layers.Clean, TokenLayers.Tokens, TokenLayers.Sentences, EntityLayers.Mentions];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [QuoteLayers.Quotes];

    /// <summary>The document's quotes, ordered by content start with ids "q1", "q2", …; throws <see cref="PipelineException"/>
    /// (PX1004) when a required layer is missing. Writes nothing.</summary>
    public override ImmutableArray<Quote> Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var clean = document.Get(Layers.Clean);
        var analyzer = new QuoteAnalyzer(
            clean.Text,
            document.Get(TokenLayers.Tokens),
            document.Get(TokenLayers.Sentences),
            clean.Paragraphs,
            document.Get(EntityLayers.Mentions),
            _lexicon,
            _actors,
            document.Metadata.Value(MetadataField.Outlet));
        return analyzer.Run(cancellationToken);
    }

    /// <inheritdoc />
    public override void Apply(Document document, ImmutableArray<Quote> result)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(QuoteLayers.Quotes, result);
    }
}
