using System.Collections.Immutable;
using Parallax.Nlp.Events;
using Parallax.Nlp.Quotes;
using Parallax.Text;

namespace Parallax.Core.Analysis;

/// <summary>A citation: one sentence of one article.</summary>
/// <param name="ArticleId">The article id.</param>
/// <param name="Outlet">The article's outlet (or a stand-in naming the article when unknown).</param>
/// <param name="Sentence">The sentence's span in the article's clean text (UTF-16 offsets, end exclusive).</param>
/// <param name="Text">The sentence's text, trimmed.</param>
public sealed record SourceRef(string ArticleId, string Outlet, TextSpan Sentence, string Text);

/// <summary>An actor as the story analysis groups it.</summary>
/// <param name="Key">The identity key: "actor:" plus the knowledge-base id when linked, else the document cluster key, else
/// "text:" plus the folded words.</param>
/// <param name="Name">A display name (the knowledge-base name when linked, else the words as first written).</param>
public sealed record StoryActor(string Key, string Name);

/// <summary>One article's report of a story event.</summary>
/// <param name="Source">The sentence it was read from.</param>
/// <param name="EventId">The event mention's id within its document ("e3").</param>
/// <param name="Predicate">The trigger's lemma as the article words it ("meet", "talks", "flew").</param>
/// <param name="Trigger">The trigger's span in the article's clean text.</param>
/// <param name="Modality">How the article presents it.</param>
/// <param name="AttributedTo">Who the article attributes it to, or null when it is the outlet's own voice.</param>
/// <param name="Happened">The happened date as a TimeML value, or null.</param>
/// <param name="Evidence">Every sentence span the mention rests on.</param>
/// <param name="Confidence">The mention's confidence in [0, 1].</param>
public sealed record EventReport(
    SourceRef Source,
    string EventId,
    string Predicate,
    TextSpan Trigger,
    EventModality Modality,
    Speaker? AttributedTo,
    string? Happened,
    ImmutableArray<TextSpan> Evidence,
    double Confidence);

/// <summary>One real-world event with every report of it across the story's articles.</summary>
/// <param name="Id">"se1", "se2", … in timeline order.</param>
/// <param name="PloverType">The PLOVER type all reports share.</param>
/// <param name="PloverMode">The mode most reports give, or null.</param>
/// <param name="CameoCode">The CAMEO code most reports give, or null.</param>
/// <param name="Actor">Who acts (the most reported source), or null.</param>
/// <param name="Target">Who is acted upon (the most reported target), or null.</param>
/// <param name="Place">Where, as most reports name it, or null.</param>
/// <param name="Happened">The most precise happened date the reports give (TimeML value), or null.</param>
/// <param name="Earliest">The first day the event can have happened on, for ordering; null when nothing bounds it.</param>
/// <param name="Reports">The supporting reports in article order, then text order.</param>
public sealed record StoryEvent(
    string Id,
    string PloverType,
    string? PloverMode,
    string? CameoCode,
    StoryActor? Actor,
    StoryActor? Target,
    string? Place,
    string? Happened,
    DateOnly? Earliest,
    ImmutableArray<EventReport> Reports)
{
    /// <summary>The distinct outlets reporting it, ordinal order.</summary>
    public ImmutableArray<string> Outlets => [.. Reports.Select(r => r.Source.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The distinct articles reporting it, in report order.</summary>
    public ImmutableArray<string> ArticleIds => [.. Reports.Select(r => r.Source.ArticleId).Distinct(StringComparer.Ordinal)];

    /// <summary>A one-line description: "CONSULT (visit): Avigdor Lieberman → Sergei Shoigu, Moscow, 2018-05-31".</summary>
    public string Describe()
    {
        var who = (Actor, Target) switch
        {
            (null, null) => "participants not named",
            ({ } a, null) => a.Name,
            (null, { } t) => "→ " + t.Name,
            ({ } a, { } t) => a.Name + " → " + t.Name,
        };
        var parts = new List<string> { who };
        if (Place is not null) parts.Add(Place);
        if (Happened is not null) parts.Add(Happened);
        return PloverType + (PloverMode is null ? string.Empty : " (" + PloverMode + ")") + ": " + string.Join(", ", parts);
    }
}

/// <summary>What a claim slot compares.</summary>
public enum ClaimKind
{
    /// <summary>A measured or counted value (a distance, a number of fighters).</summary>
    Quantity,
    /// <summary>Whether an event happened or will happen (asserted, reported, denied).</summary>
    Event,
}

/// <summary>The outcome of comparing a slot's values. Declared in report order: disagreements first.</summary>
public enum ClaimVerdict
{
    /// <summary>Some reports assert or report it, others deny or negate it.</summary>
    Contradiction,
    /// <summary>The numbers differ beyond the tolerance.</summary>
    Discrepancy,
    /// <summary>Two or more outlets give compatible values.</summary>
    Agreement,
    /// <summary>Only one outlet speaks to it.</summary>
    Unique,
}

/// <summary>How one report presents an event claim.</summary>
public enum ClaimPolarity
{
    /// <summary>Stated as fact in the outlet's voice.</summary>
    Asserted,
    /// <summary>Attributed to a source, or hedged ("reportedly").</summary>
    Reported,
    /// <summary>Announced, planned, threatened or expected.</summary>
    Expected,
    /// <summary>Conditional; counts for neither side.</summary>
    Hypothetical,
    /// <summary>Denied by a source or ruled out.</summary>
    Denied,
    /// <summary>Negated in the outlet's or a source's voice.</summary>
    Negated,
}

/// <summary>One report's value in a claim slot.</summary>
/// <param name="Source">The sentence it comes from.</param>
/// <param name="Text">The words that carry the value ("15 miles", "withdraw").</param>
/// <param name="Span">Those words' span in the article's clean text.</param>
/// <param name="Low">For quantities: the low end in <paramref name="Unit"/>; null for event claims or open lower bounds.</param>
/// <param name="High">For quantities: the high end; null for event claims or open upper bounds ("at least 60 km").</param>
/// <param name="Unit">The normalised unit ("km", "fighter"), or null for event claims.</param>
/// <param name="Polarity">For event claims: how the report presents it; null for quantities.</param>
/// <param name="AttributedTo">Who the report attributes the value to (a speaker's name, "anonymous: …"), or null.</param>
/// <param name="Context">What the value belongs to, read from the sentence: the holder and reference of a distance, the
/// event's predicate and modality, or a denial cue that turned a report into a denial.</param>
public sealed record ClaimValue(
    SourceRef Source,
    string Text,
    TextSpan Span,
    double? Low,
    double? High,
    string? Unit,
    ClaimPolarity? Polarity,
    string? AttributedTo,
    string Context);

/// <summary>What different outlets assert about the same thing, with a verdict.</summary>
/// <param name="Id">"c1", "c2", … in report order.</param>
/// <param name="Kind">Quantity or event.</param>
/// <param name="Key">The slot's key (stable within one analysis): for quantities dimension, unit and subject; for events type and actors.</param>
/// <param name="Label">A human description ("distance from Israeli border / Golan Heights (km)", "RETREAT by Iran").</param>
/// <param name="Verdict">Agreement, discrepancy, contradiction or unique.</param>
/// <param name="Explanation">Why the verdict was given ("24.1 km vs 60+ km differ by more than 5 %").</param>
/// <param name="Values">One value per report, in article order then text order.</param>
public sealed record ClaimSlot(
    string Id,
    ClaimKind Kind,
    string Key,
    string Label,
    ClaimVerdict Verdict,
    string Explanation,
    ImmutableArray<ClaimValue> Values)
{
    /// <summary>The distinct outlets giving a value.</summary>
    public int OutletCount => Values.Select(v => v.Source.Outlet).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>One framing choice seen in an article: a label for a kind of actor, or a loaded verb for a kind of act.</summary>
/// <param name="Group">The lexicon group or frame ("armed opposition", "taking territory").</param>
/// <param name="Term">The lexicon term as listed (lower case).</param>
/// <param name="Connotation">The lexicon's connotation for it ("pejorative", "endorsing", …).</param>
/// <param name="Count">How often the article uses it.</param>
/// <param name="Sentences">The sentences using it, in text order.</param>
public sealed record FramingUse(string Group, string Term, string Connotation, int Count, ImmutableArray<SourceRef> Sentences);

/// <summary>A speaker an article quotes, with how often.</summary>
/// <param name="Name">The speaker as resolved (actor name, or the words for unnamed sources).</param>
/// <param name="Kind">Named, anonymous, collective or self-referential.</param>
/// <param name="Count">Quotes attributed to it.</param>
public sealed record QuotedSource(string Name, SourceKind Kind, int Count);

/// <summary>The framing of one article, for side-by-side comparison (not a rating of the outlet).</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Words">Words in the clean text (white-space runs).</param>
/// <param name="Hedges">Hedge phrases found (lexicon data/lexicons/framing/hedges.txt).</param>
/// <param name="HedgesPer1000Words">Hedges per 1,000 words (0 for an empty text).</param>
/// <param name="Quotes">Quotes and reported speech in the quote layer.</param>
/// <param name="UnnamedQuotes">Quotes whose speaker is anonymous, collective, self-referential or missing.</param>
/// <param name="UnnamedShare">UnnamedQuotes / Quotes, or 0 when there are none.</param>
/// <param name="Sources">Who it quotes, most quoted first.</param>
/// <param name="Labels">Actor labels used, by group then term.</param>
/// <param name="Verbs">Loaded verbs used, by frame then term.</param>
/// <param name="HedgeUses">Each hedge found, with its sentences.</param>
public sealed record ArticleFraming(
    string ArticleId,
    string Outlet,
    int Words,
    int Hedges,
    double HedgesPer1000Words,
    int Quotes,
    int UnnamedQuotes,
    double UnnamedShare,
    ImmutableArray<QuotedSource> Sources,
    ImmutableArray<FramingUse> Labels,
    ImmutableArray<FramingUse> Verbs,
    ImmutableArray<FramingUse> HedgeUses);

/// <summary>An edge of the actor network: events of one PLOVER type from one actor to another.</summary>
/// <param name="Source">Who acts.</param>
/// <param name="Target">Who is acted upon (for symmetric types such as CONSULT the pair is ordered by key).</param>
/// <param name="PloverType">The event type.</param>
/// <param name="EventIds">The story events behind the edge.</param>
/// <param name="Reports">How many reports support those events.</param>
public sealed record NetworkEdge(StoryActor Source, StoryActor Target, string PloverType, ImmutableArray<string> EventIds, int Reports);

/// <summary>Who interacts with whom, by event type.</summary>
/// <param name="Actors">Every actor on an edge, most connected first.</param>
/// <param name="Edges">The edges, most reported first.</param>
public sealed record ActorNetwork(ImmutableArray<StoryActor> Actors, ImmutableArray<NetworkEdge> Edges);

/// <summary>One sentence of the multi-source summary and the article sentences it rests on.</summary>
/// <param name="Text">The sentence (written by Parallax from events and claims).</param>
/// <param name="Cites">The sentences it rests on; never empty.</param>
public sealed record SummarySentence(string Text, ImmutableArray<SourceRef> Cites);

/// <summary>The cross-document picture of one story.</summary>
/// <param name="ArticleIds">The articles analysed (duplicates excluded), in story order.</param>
/// <param name="Events">The merged events in timeline order (earliest first, undated last).</param>
/// <param name="Claims">The claim slots, disagreements first.</param>
/// <param name="Framing">One entry per article, in story order.</param>
/// <param name="Network">The actor network.</param>
/// <param name="Summary">The multi-source summary.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StoryAnalysis(
    ImmutableArray<string> ArticleIds,
    ImmutableArray<StoryEvent> Events,
    ImmutableArray<ClaimSlot> Claims,
    ImmutableArray<ArticleFraming> Framing,
    ActorNetwork Network,
    ImmutableArray<SummarySentence> Summary)
{
    /// <summary>An analysis of no articles.</summary>
    public static StoryAnalysis Empty { get; } = new([], [], [], [], new ActorNetwork([], []), []);
}
