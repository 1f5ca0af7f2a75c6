using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Pipeline;
using Parallax.Nlp.Places;
using Parallax.Nlp.Quotes;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;

namespace Parallax.Nlp.Events;

/// <summary>
/// Finds predicate-centred events: verbs and nominalisations of the PLOVER trigger lexicon ("met", "talks",
/// "bombardment", "withdrawal", "deal"), each coded with its PLOVER type, mode and CAMEO code, its source and target
/// actors, place, the three dates and its modality (asserted, reported, alleged, denied, planned, threatened, hypothetical,
/// negated), with a confidence and the sentence spans it rests on.
/// </summary>
/// <remarks>
/// Requires <see cref="Layers.Clean"/>, <see cref="TokenLayers.Tokens"/>, <see cref="TokenLayers.Sentences"/>,
/// <see cref="EntityLayers.Mentions"/>, <see cref="PlaceLayers.Places"/>, <see cref="TimeLayers.Timexes"/> and
/// <see cref="TimeLayers.Anchor"/> and <see cref="QuoteLayers.Quotes"/> (for attribution: an event inside a quote is
/// reported by its speaker); assigns <see cref="EventLayers.Events"/>. The rules are general (lexicon, cue lists and word-order patterns), not a
/// parser: see docs/QUALITY.md for what they get right. Thread-safe: holds only the immutable lexicon.
/// </remarks>
public sealed class EventStage : PipelineStage<ImmutableArray<EventMention>>
{
    private readonly EventLexicon _lexicon;
    private readonly SponsorResolver _sponsors;

    static EventStage() => EventLayers.Register();

    /// <summary>Creates the stage over the shipped lexicon (data/events) and actor knowledge base.</summary>
    public EventStage() : this(EventLexicon.Default) { }

    /// <summary>Creates the stage over the given lexicon and the shipped actor knowledge base; throws
    /// <see cref="ArgumentNullException"/> for null.</summary>
    public EventStage(EventLexicon lexicon) : this(lexicon, ActorKnowledgeBase.LoadDefault()) { }

    /// <summary>Creates the stage over the given lexicon and actor knowledge base (which names the backers in "X-backed",
    /// "pro-X"); throws <see cref="ArgumentNullException"/> for null.</summary>
    public EventStage(EventLexicon lexicon, ActorKnowledgeBase actors)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _sponsors = new SponsorResolver(actors ?? throw new ArgumentNullException(nameof(actors)));
    }

    /// <inheritdoc />
    public override string Name => "events";

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Requires =>
    [
        Layers.Clean, TokenLayers.Tokens, TokenLayers.Sentences, EntityLayers.Mentions, PlaceLayers.Places,
        TimeLayers.Timexes, TimeLayers.Anchor, QuoteLayers.Quotes,
    ];

    /// <inheritdoc />
    public override IReadOnlyList<AnnotationKey> Assigns => [EventLayers.Events];

    /// <summary>
    /// The document's events in trigger order (ids "e1", "e2", …). A denial that points back at an earlier report
    /// ("denied the report") yields a second mention of the reported event with <see cref="EventModality.Denied"/>,
    /// the same trigger and both sentences as evidence.
    /// </summary>
    /// <exception cref="PipelineException">PX1004 when a required layer is missing.</exception>
    public override ImmutableArray<EventMention> Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var quotes = document.Get(QuoteLayers.Quotes);
        var anchor = document.Get(TimeLayers.Anchor);
        string? published = document.Metadata.Value(MetadataField.Published);
        var input = new EventInput(
            document.Text,
            document.Get(TokenLayers.Tokens),
            document.Get(TokenLayers.Sentences),
            document.Get(EntityLayers.Mentions),
            document.Get(PlaceLayers.Places),
            document.Get(TimeLayers.Timexes),
            ReportedDate(anchor, published),
            quotes,
            _sponsors);
        return new EventExtractor(_lexicon, input).Extract(cancellationToken);
    }

    /// <inheritdoc />
    public override void Apply(Document document, ImmutableArray<EventMention> result)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Set(EventLayers.Events, result);
    }

    /// <summary>The reported date: the usable temporal anchor, else the metadata's publication date, else null.</summary>
    internal static EventDate? ReportedDate(TemporalAnchor? anchor, string? published)
    {
        if (anchor is { IsUsable: true })
            return new EventDate(anchor.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null,
                "publication day: " + anchor.Explanation);
        if (published is { Length: >= 10 } p
            && DateOnly.TryParseExact(p.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d))
            return new EventDate(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, "publication date from metadata");
        return null;
    }
}
