using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Places;

/// <summary>What the resolver concluded about one place mention.</summary>
public enum PlaceStatus
{
    /// <summary>The mention was tied to a gazetteer entry.</summary>
    Resolved,

    /// <summary>The name is known but the context does not single out one place, or the name is not in the gazetteer.</summary>
    Unresolved,

    /// <summary>The only readings make no sense in the document's context (for example a mistranslated name).</summary>
    Implausible,
}

/// <summary>
/// One place mention and its resolution. Immutable and thread-safe; round-trips through
/// <see cref="DocumentJson.Options"/>.
/// </summary>
/// <param name="Span">Offsets of the place name in the text the resolver was given (for a document: its clean text).</param>
/// <param name="Name">The mention's text.</param>
/// <param name="Entry">The chosen gazetteer entry; for <see cref="PlaceStatus.Implausible"/> the reading that was rejected; null when unresolved.</param>
/// <param name="Confidence">0..1: the chosen reading's share of the evidence among the readings of the name.</param>
/// <param name="Status">Resolved, unresolved or implausible.</param>
/// <param name="Reason">Short human-readable explanation of the decision.</param>
public sealed record ResolvedPlace(TextSpan Span, string Name, GazetteerEntry? Entry, double Confidence, PlaceStatus Status, string Reason);

/// <summary>Layer keys assigned by <see cref="PlaceStage"/>; registered with <see cref="DocumentJson"/> on first use of this class.</summary>
public static class PlaceLayers
{
    /// <summary>The document's place mentions, ordered by span start, over the clean text.</summary>
    public static readonly AnnotationKey<ImmutableArray<ResolvedPlace>> Places = new("places");

    static PlaceLayers() => DocumentJson.Register(Places);

    /// <summary>Makes sure the keys are registered (static constructors run lazily).</summary>
    public static void EnsureRegistered() => DocumentJson.Register(Places);
}
