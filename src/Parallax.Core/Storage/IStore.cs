using System.Collections.Immutable;
using Parallax.Core.Articles;
using Parallax.Core.Watch;

namespace Parallax.Core.Storage;

/// <summary>
/// The port through which Parallax keeps articles and stories. Adapters: SQLite (embedded, default) and,
/// later, PostgreSQL; one contract test suite runs against each.
/// </summary>
/// <remarks>
/// Contract: <see cref="SaveAsync"/> is atomic (the article, its layers, its search entry and its story are
/// stored together or not at all) and idempotent by article id (content hash): saving an id already present
/// changes nothing and returns false. Reads may run concurrently with one writer. Errors are
/// <see cref="StoreException"/> with a PX2xxx code.
/// </remarks>
public interface IStore : IAsyncDisposable
{
    /// <summary>Where the data lives, for messages ("/home/me/.parallax/parallax.db").</summary>
    string Location { get; }

    /// <summary>True when an article with this id is stored.</summary>
    Task<bool> ContainsAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the article and creates or updates its story, atomically. Returns false (and stores nothing) when the
    /// article id is already present.
    /// </summary>
    Task<bool> SaveAsync(ArticleRecord article, StoryRecord story, CancellationToken cancellationToken = default);

    /// <summary>An article by id or unique id prefix (at least 4 characters); null when none or ambiguous.</summary>
    Task<ArticleRecord?> GetArticleAsync(string idOrPrefix, CancellationToken cancellationToken = default);

    /// <summary>Article summaries in ingestion order.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(int offset = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Every story, most recently updated first.</summary>
    Task<IReadOnlyList<StoryRecord>> ListStoriesAsync(CancellationToken cancellationToken = default);

    /// <summary>A story by id or unique id prefix, with its articles loaded; null when none or ambiguous.</summary>
    Task<StoryView?> GetStoryAsync(string idOrPrefix, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over titles and clean text. The query uses FTS5 syntax; plain words are AND-ed.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>Articles stored after the given ingestion sequence number, in order (0 for all).</summary>
    IAsyncEnumerable<(long Sequence, ArticleRecord Article)> ReadArticlesAsync(long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>The last saved story-index snapshot and the sequence number it covers (null and 0 when none).</summary>
    Task<(byte[]? Snapshot, long Sequence)> LoadIndexSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a story-index snapshot covering every article up to <paramref name="sequence"/>.</summary>
    Task SaveIndexSnapshotAsync(byte[] snapshot, long sequence, CancellationToken cancellationToken = default);

    /// <summary>The ingestion sequence number of the newest stored article (0 when empty).</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts for status output.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores watch-rule alerts, in list order, in one transaction. Idempotent by <see cref="Alert.Id"/>: an alert whose
    /// id is already stored is skipped (the first one stored is kept). Every alert's article must be stored (PX2005
    /// otherwise). Returns how many were newly stored.
    /// </summary>
    Task<int> SaveAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>Stored alerts in the order they were first stored, filtered by <paramref name="query"/> (all when null).</summary>
    Task<IReadOnlyList<Alert>> ListAlertsAsync(AlertQuery? query = null, CancellationToken cancellationToken = default);
}

/// <summary>One row of an article listing.</summary>
public sealed record ArticleSummary(
    long Sequence, string Id, string SourceId, string? Title, string? Outlet, string? Published,
    string? Language, string? StoryId, string? DuplicateOf, int Words, DateTimeOffset IngestedAt);

/// <summary>A search result: the article and a highlighted snippet (matches wrapped in [ and ]).</summary>
public sealed record SearchHit(string ArticleId, string? Title, string? Outlet, string? StoryId, string Snippet, double Rank);

/// <summary>Store totals.</summary>
public sealed record StoreStats(int Articles, int Stories, int Duplicates, int SchemaVersion);

/// <summary>Stable storage error codes (PX2xxx).</summary>
public enum StoreErrorCode
{
    /// <summary>PX2001: the database could not be opened or created.</summary>
    OpenFailed = 2001,
    /// <summary>PX2002: the database's schema is newer than this build understands.</summary>
    SchemaTooNew = 2002,
    /// <summary>PX2003: a stored row could not be read back.</summary>
    CorruptRow = 2003,
    /// <summary>PX2004: a search query is not valid FTS5 syntax.</summary>
    BadQuery = 2004,
    /// <summary>PX2005: an alert names an article that is not stored.</summary>
    UnknownArticle = 2005,
}

/// <summary>A storage error with a stable PX2xxx code and advice.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(StoreErrorCode code, string message, Exception? inner = null)
        : base($"PX{(int)code}: {message}", inner) => Code = code;

    /// <summary>The stable code.</summary>
    public StoreErrorCode Code { get; }
}
