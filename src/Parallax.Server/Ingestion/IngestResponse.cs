namespace Parallax.Server.Ingestion;

/// <summary>What happened to one article of an ingest request.</summary>
public enum ArticleOutcomeKind
{
    /// <summary>Analysed and stored.</summary>
    Stored,
    /// <summary>Already in the store (same content); nothing changed.</summary>
    AlreadyStored,
    /// <summary>Not stored; <see cref="ArticleOutcome.Code"/> and <see cref="ArticleOutcome.Message"/> say why.</summary>
    Failed,
}

/// <summary>The overall result of an ingest request; the HTTP status follows it (docs/api.md).</summary>
public enum IngestStatus
{
    /// <summary>At least one article stored, none failed (201).</summary>
    Stored,
    /// <summary>Every article was already stored (200).</summary>
    Unchanged,
    /// <summary>Some articles failed, others were stored or already stored (207).</summary>
    Partial,
    /// <summary>Every article failed, or the body held none (422).</summary>
    Failed,
}

/// <summary>A non-fatal finding about an article that was read (PX39xx).</summary>
/// <param name="Code">"PX3901" …</param>
/// <param name="Message">What was found and what was done about it.</param>
public sealed record IngestWarningInfo(string Code, string Message);

/// <summary>One article's outcome, in the order the articles appear in the request.</summary>
/// <param name="Index">0-based position among the articles and failures read from the request.</param>
/// <param name="SourceId">"api/article.html", "api/batch.jsonl#3" (line 3), "api/feed.xml#2" (item 2) or the fetched URL.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="ArticleId">The content hash, when the article could be read.</param>
/// <param name="StoryId">The story it joined, when stored.</param>
/// <param name="DuplicateOf">The canonical article it copies, when it is a duplicate.</param>
/// <param name="NewStory">True when it opened a new story.</param>
/// <param name="Code">PX code of a failure (PX1xxx pipeline, PX3xxx input), else null.</param>
/// <param name="Message">The failure's message, else null.</param>
/// <param name="Warnings">Warnings from reading it.</param>
public sealed record ArticleOutcome(
    int Index, string SourceId, ArticleOutcomeKind Outcome, string? ArticleId, string? StoryId, string? DuplicateOf, bool NewStory,
    string? Code, string? Message, IReadOnlyList<IngestWarningInfo> Warnings);

/// <summary>The body of every ingest response.</summary>
/// <param name="Status">The overall result.</param>
/// <param name="Stored">Articles stored.</param>
/// <param name="AlreadyStored">Articles already in the store.</param>
/// <param name="Failed">Articles (or inputs) that could not be read or analysed.</param>
/// <param name="Duplicates">Stored articles that duplicate an earlier one.</param>
/// <param name="NewStories">Stories opened.</param>
/// <param name="Articles">Per-article outcomes in request order.</param>
/// <param name="Alerts">Watch-rule alerts newly stored for these articles (the rules in &lt;data-dir&gt;/rules).</param>
public sealed record IngestResponse(
    IngestStatus Status, int Stored, int AlreadyStored, int Failed, int Duplicates, int NewStories, IReadOnlyList<ArticleOutcome> Articles, int Alerts = 0);
