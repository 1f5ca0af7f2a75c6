using System.Collections.Immutable;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;
using Parallax.Text;

namespace Parallax.Nlp.Quotes;

/// <summary>What kind of source a speaker is. The names are what stored JSON holds (camelCase).</summary>
public enum SourceKind
{
    /// <summary>A named person or organisation ("Lavrov", "the Syrian Observatory for Human Rights").</summary>
    Named,
    /// <summary>A described but unnamed source ("an official who spoke on condition of anonymity", "a diplomat").</summary>
    Anonymous,
    /// <summary>A collective unnamed source ("Israeli sources", "Western intelligence", "reports").</summary>
    Collective,
    /// <summary>The outlet itself ("our sources disclose", "DEBKAfile reports").</summary>
    SelfReferential,
}

/// <summary>Who a quote, report or claim is attributed to.</summary>
/// <param name="Span">The speaker's words in the clean text (for a pronoun or "the commander": that phrase), or null when
/// the speaker is carried over from an earlier sentence without words of its own.</param>
/// <param name="Text">The speaker as written for a named or unnamed subject ("Lavrov", "a senior diplomat"); the resolved
/// name when the words only point at someone (a pronoun, "the commander", a carried-over or leaflet-author speaker).</param>
/// <param name="ActorId">The knowledge-base actor, or null.</param>
/// <param name="ClusterKey">The document's identity key for the speaker (see <see cref="Ner.EntityMention.ClusterKey"/>), or null.</param>
/// <param name="Kind">Named, anonymous, collective or self-referential.</param>
/// <param name="Resolution">How the speaker was found: "subject", "inverted subject", "title → Avigdor Lieberman",
/// "appositive", "pronoun → Sergey Lavrov", "description → …", "author of the leaflets → …", "report of Haaretz",
/// "collective of Israel", "indefinite description", "anonymity phrase", "self-reference of DEBKAfile",
/// "carried over from the previous quote".</param>
public sealed record Speaker(TextSpan? Span, string Text, string? ActorId, string? ClusterKey, SourceKind Kind, string Resolution);

/// <summary>Direct (quotation marks) or indirect speech.</summary>
public enum QuoteKind
{
    /// <summary>Words inside quotation marks.</summary>
    Direct,
    /// <summary>Reported speech: "X said that …", "according to X, …".</summary>
    Indirect,
}

/// <summary>
/// One quote or piece of reported speech.
/// </summary>
/// <param name="Id">Identifier within the document ("q1", … in text order).</param>
/// <param name="Content">The quoted or reported words (inside the marks for direct quotes). A quote broken across
/// sentences or by "he said" is one quote whose <paramref name="Parts"/> hold each piece.</param>
/// <param name="Parts">The pieces of content in text order (one for an unbroken quote).</param>
/// <param name="Cue">The reporting verb or phrase ("said", "according to"), or null.</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Speaker">Who said it; <see cref="SourceKind"/> marks anonymous and self-referential sourcing. Null only
/// when no speaker can be found (reported as unattributed).</param>
/// <param name="Sentences">The sentence spans the quote and its attribution come from.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <remarks>Immutable and thread-safe; serialises through <see cref="DocumentJson.Options"/>.</remarks>
public sealed record Quote(
    string Id,
    TextSpan Content,
    ImmutableArray<TextSpan> Parts,
    TextSpan? Cue,
    QuoteKind Kind,
    Speaker? Speaker,
    ImmutableArray<TextSpan> Sentences,
    double Confidence);

/// <summary>The layer assigned by the quote stage.</summary>
public static class QuoteLayers
{
    /// <summary>The document's quotes, ordered by content start.</summary>
    public static readonly AnnotationKey<ImmutableArray<Quote>> Quotes = new("quotes");

    static QuoteLayers() => DocumentJson.Register(Quotes);

    /// <summary>Makes the layer known to <see cref="DocumentJson"/> (idempotent).</summary>
    public static void Register() => DocumentJson.Register(Quotes);
}
