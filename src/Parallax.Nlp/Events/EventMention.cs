using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Events;

/// <summary>How the text presents an event: as fact, as someone's report, as an allegation, a denial, a plan, a
/// hypothesis or something that did not happen. The names are what stored JSON holds (camelCase).</summary>
public enum EventModality
{
    /// <summary>The outlet states it in its own voice ("Israeli jets struck …").</summary>
    Asserted,
    /// <summary>Attributed to a named or anonymous source ("X said …", "according to X"); see <see cref="EventMention.AttributedTo"/>.</summary>
    Reported,
    /// <summary>Hedged: "is said to", "reportedly", "it is alleged", "allegedly".</summary>
    Alleged,
    /// <summary>A source denies it ("denied the report, saying it is 'untrue'").</summary>
    Denied,
    /// <summary>Intended, scheduled or announced for the future ("will meet", "plans to", "invited … to Moscow on July 11").</summary>
    Planned,
    /// <summary>Threatened ("threatened to strike", "warned it would …").</summary>
    Threatened,
    /// <summary>Conditional or hypothetical ("if Iran moves …, Israel would …", "could").</summary>
    Hypothetical,
    /// <summary>Negated in the outlet's or the source's voice ("did not withdraw", "no agreement was reached").</summary>
    Negated,
}

/// <summary>A participant of an event (source or target actor).</summary>
/// <param name="Span">The participant's words in the clean text; for a pronoun ("it had paid"), its antecedent's words.</param>
/// <param name="Text">Those words.</param>
/// <param name="ActorId">The knowledge-base actor, or null when unknown. A sponsored group described by its backer
/// ("Iranian-backed militias", "pro-Iranian groupings") has no actor id: it is not the backer.</param>
/// <param name="ClusterKey">The document's identity key for the referent (see <see cref="Ner.EntityMention.ClusterKey"/>), or null.</param>
/// <param name="AffiliationId">The knowledge-base actor the text says backs or aligns with the participant: X in "X-backed",
/// "X-sponsored", "X-aligned", "pro-X", or the partner of "allied" in "Iranian forces and allied militias"; null when the
/// words say none (the knowledge base's own affiliations, e.g. Hezbollah's, are not repeated here). Omitted from JSON when null.</param>
public sealed record EventParticipant(
    TextSpan Span,
    string Text,
    string? ActorId,
    string? ClusterKey,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? AffiliationId = null);

/// <summary>Where an event took place, taken from the place layer.</summary>
/// <param name="Span">The place name in the clean text.</param>
/// <param name="Name">The name as written.</param>
/// <param name="GeoNameId">The gazetteer id (GeoNames id where the entry comes from GeoNames), or null when unresolved.</param>
/// <param name="Latitude">WGS84 latitude, or null when unresolved.</param>
/// <param name="Longitude">WGS84 longitude, or null when unresolved.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country, or null.</param>
public sealed record EventPlace(TextSpan Span, string Name, long? GeoNameId, double? Latitude, double? Longitude, string? CountryCode);

/// <summary>One of an event's three dates: a TimeML value and where it came from.</summary>
/// <param name="Value">TimeML value (2018-05-31, 2018-06, XXXX-07-16, PRESENT_REF).</param>
/// <param name="TimexId">The <see cref="Time.Timex.Id"/> it was read from, or null when it comes from the document's anchor.</param>
/// <param name="Explanation">How it was chosen, for tooltips.</param>
public sealed record EventDate(string Value, string? TimexId, string Explanation);

/// <summary>The three dates every event and claim keeps apart.</summary>
/// <param name="Reported">When it was reported: the article's publication day (known or inferred), or null when unknown.</param>
/// <param name="Happened">When it happened, or null when the text does not say.</param>
/// <param name="ClaimedOrPlanned">When it is claimed or planned to happen ("will begin within weeks", "on July 11"), or null.</param>
public sealed record EventDates(EventDate? Reported, EventDate? Happened, EventDate? ClaimedOrPlanned)
{
    /// <summary>No date known.</summary>
    public static EventDates None { get; } = new(null, null, null);
}

/// <summary>
/// One predicate-centred event in a document: a verb or nominalisation ("met", "talks", "withdrawal", "deal"), coded
/// with PLOVER (type and mode) and CAMEO where it maps, with its participants, place, dates and modality.
/// </summary>
/// <param name="Id">Identifier within the document ("e1", "e2", … in trigger order; a denied copy of a reported event
/// follows it).</param>
/// <param name="Trigger">The predicate's span in the clean text.</param>
/// <param name="Predicate">The trigger's lemma ("meet", "withdrawal").</param>
/// <param name="Sentence">The sentence the event was read from. For a denial of an earlier report ("denied the report") the
/// denying sentence, while <paramref name="Trigger"/> stays the reported event's trigger.</param>
/// <param name="PloverType">PLOVER event type in upper case (CONSULT, AGREE, ASSAULT, MOBILIZE, RETREAT …).</param>
/// <param name="PloverMode">PLOVER mode where one applies (e.g. "visit" for CONSULT, "air" for ASSAULT), or null.</param>
/// <param name="CameoCode">The CAMEO code where the event maps to one ("036", "190"), or null.</param>
/// <param name="Source">Who acts, or null when the text does not say.</param>
/// <param name="Target">Who is acted upon or met, or null.</param>
/// <param name="Place">Where it happened, or null.</param>
/// <param name="Dates">Reported, happened and claimed/planned dates.</param>
/// <param name="Modality">How the text presents it.</param>
/// <param name="AttributedTo">Who the text attributes the event to (a quote's speaker, the subject of "said", the "according to"
/// source, or for a denial the one who denies), possibly anonymous; set for any modality when the sentence has such a
/// frame (a planned event "the monitor said" is planned and attributed), null when the outlet speaks in its own voice.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="Evidence">The sentence spans the event rests on (at least <paramref name="Sentence"/>).</param>
/// <remarks>Immutable and thread-safe; serialises through <see cref="DocumentJson.Options"/>.</remarks>
public sealed record EventMention(
    string Id,
    TextSpan Trigger,
    string Predicate,
    TextSpan Sentence,
    string PloverType,
    string? PloverMode,
    string? CameoCode,
    EventParticipant? Source,
    EventParticipant? Target,
    EventPlace? Place,
    EventDates Dates,
    EventModality Modality,
    Quotes.Speaker? AttributedTo,
    double Confidence,
    ImmutableArray<TextSpan> Evidence);

/// <summary>The layer assigned by the event stage.</summary>
public static class EventLayers
{
    /// <summary>The document's events, ordered by trigger start.</summary>
    public static readonly AnnotationKey<ImmutableArray<EventMention>> Events = new("events");

    static EventLayers() => DocumentJson.Register(Events);

    /// <summary>Makes the layer known to <see cref="DocumentJson"/> (idempotent).</summary>
    public static void Register() => DocumentJson.Register(Events);
}
