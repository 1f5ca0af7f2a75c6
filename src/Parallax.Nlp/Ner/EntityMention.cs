using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Ner;

/// <summary>The kind of a named-entity mention. The names are what stored JSON holds (camelCase).</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,
    /// <summary>An organisation: a government body, ministry, armed force or group, party, company, outlet.</summary>
    Organisation,
    /// <summary>A geopolitical entity or another named place.</summary>
    Location,
    /// <summary>A nationality, religious or political group adjective ("Syrian", "Shi'ite", "pro-Iranian").</summary>
    Norp,
    /// <summary>Another named thing the training data marks (events, works, products).</summary>
    Other,
}

/// <summary>
/// One entity mention in a document's clean text, with its link to the actor knowledge base.
/// </summary>
/// <param name="Span">UTF-16 offsets into <see cref="Document.Text"/>, end exclusive.</param>
/// <param name="Type">The entity type (after the knowledge base corrected an impossible one, see <paramref name="LinkReason"/>).</param>
/// <param name="Confidence">The tagger's confidence in the span and type, in [0, 1].</param>
/// <param name="ActorId">The knowledge-base actor it refers to ("person:bashar-al-assad"), or null when unknown.</param>
/// <param name="LinkConfidence">Confidence of the link in [0, 1]; 0 when <paramref name="ActorId"/> is null.</param>
/// <param name="ClusterKey">
/// The identity key shared by every mention of the same referent: "actor:" plus the actor id when linked, otherwise a
/// type letter and the normalised name ("per:hassan nasrallah"); surname-only mentions take their full name's key.
/// Null only for mentions that have no usable name (punctuation-only spans).
/// </param>
/// <param name="LinkReason">How the link (or its absence) was decided: "exact", "transliteration", "title", "demonym",
/// "surname-in-document", "unknown", … with "; retyped" appended when the knowledge base changed the type.</param>
/// <remarks>Immutable and thread-safe; serialises through <see cref="DocumentJson.Options"/>.</remarks>
public sealed record EntityMention(
    TextSpan Span,
    EntityType Type,
    double Confidence,
    string? ActorId,
    double LinkConfidence,
    string? ClusterKey,
    string LinkReason);

/// <summary>The layer assigned by <see cref="EntityStage"/>.</summary>
public static class EntityLayers
{
    /// <summary>The entity mentions of the clean text, ordered by start, never overlapping.</summary>
    public static readonly AnnotationKey<ImmutableArray<EntityMention>> Mentions = new("mentions");

    static EntityLayers() => DocumentJson.Register(Mentions);

    /// <summary>Makes the layer known to <see cref="DocumentJson"/> (idempotent); call at composition time before reading a store.</summary>
    public static void Register() => DocumentJson.Register(Mentions);
}
