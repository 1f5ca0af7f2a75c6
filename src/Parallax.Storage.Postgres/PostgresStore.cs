using System.Collections.Immutable;
using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Parallax.Core.Articles;
using Parallax.Core.Storage;
using Parallax.Core.Watch;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;

namespace Parallax.Storage.Postgres;

/// <summary>
/// The shared store: a PostgreSQL database that several Parallax processes on several machines may read and write
/// at once. Same contract as the embedded SQLite store; search uses a tsvector column with a GIN index.
/// </summary>
/// <remarks>
/// Thread-safe; connections come from a pool owned by the store and released by <see cref="DisposeAsync"/>.
/// <see cref="SaveAsync"/> runs in one transaction and is idempotent across processes: concurrent saves of one
/// article store it once (INSERT … ON CONFLICT DO NOTHING), and the ingestion sequence is assigned in commit order
/// (saves take a transaction-scoped advisory lock), so a reader following <see cref="ReadArticlesAsync"/> with the
/// last sequence it saw never misses a later commit with a smaller number. Times are kept to the millisecond, as in
/// the SQLite store. Errors are <see cref="StoreException"/> (PX2001 when the server cannot be reached).
/// </remarks>
public sealed class PostgresStore : IStore
{
    // Advisory lock keys (class id, object id): "PRLX" then 1 for migrations, 2 for sequence assignment.
    private const int LockClass = 0x50524C58;
    private const int MigrationLock = 1;
    private const int SequenceLock = 2;

    private const string HeadlineOptions =
        "StartSel=\"[\", StopSel=\"]\", MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \"";

    // How much of the text's start and end comes back with each hit, to tell whether the snippet was cut.
    private const int EdgeLength = 300;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresStore(NpgsqlDataSource dataSource, string location)
    {
        _dataSource = dataSource;
        Location = location;
    }

    /// <summary>The server, role, database and schema, as a URI without the password ("postgres://parallax@db1:5432/parallax").</summary>
    public string Location { get; }

    /// <summary>The schema version this build writes (the number of migrations).</summary>
    public static int SchemaVersion => Migrations.All.Length;

    /// <summary>
    /// True when <paramref name="store"/> names a PostgreSQL store: a postgres:// or postgresql:// URI, or an Npgsql
    /// connection string with a Host. The composition root uses it to choose between this store and SQLite's
    /// data directory.
    /// </summary>
    public static bool IsPostgresLocation(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ConnectionStrings.IsUri(store) || ConnectionStrings.IsKeyValue(store);
    }

    /// <summary>
    /// Connects, then runs pending migrations (one transaction each, under an advisory lock, so processes that start
    /// together are safe). <paramref name="connectionString"/> is an Npgsql connection string
    /// ("Host=127.0.0.1;Port=5432;Username=parallax;Password=…;Database=parallax"; "Search Path=…" picks a schema)
    /// or a URI (postgres://user:password@host:5432/database?sslmode=require). The role must be able to create
    /// tables in the schema and, on first use, the unaccent extension (the database owner can; see docs/deploy.md).
    /// Throws <see cref="StoreException"/> PX2001 when the server cannot be reached, the settings are malformed or
    /// a migration is refused, and PX2002 when the database's schema is newer than this build.
    /// </summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = ConnectionStrings.Parse(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StoreException(StoreErrorCode.OpenFailed, $"The PostgreSQL connection settings are not valid: {ex.Message}. Give \"Host=…;Port=…;Username=…;Password=…;Database=…\" or postgres://user:password@host:port/database.", ex);
        }
        var store = new PostgresStore(NpgsqlDataSource.Create(settings), ConnectionStrings.Describe(settings));
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return store;
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new StoreException(StoreErrorCode.OpenFailed, $"Cannot connect to the store '{Location}': {ex.Message}. Check that the server runs and accepts this role and password, or choose another --store.", ex);
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var c = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await Execute(c, null, "SELECT pg_advisory_lock($1, $2)", ct, LockClass, MigrationLock).ConfigureAwait(false);
        int applying = 0;
        try
        {
            // Looked up first: CREATE TABLE IF NOT EXISTS needs CREATE rights even when the table is there, and a
            // read-only role must still be able to open a migrated store.
            if (await Scalar(c, null, "SELECT to_regclass('schema_migrations') IS NOT NULL", ct).ConfigureAwait(false) is not true)
                await Execute(c, null, "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", ct).ConfigureAwait(false);
            int version = Convert.ToInt32(await Scalar(c, null, "SELECT coalesce(max(version), 0) FROM schema_migrations", ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (version > Migrations.All.Length)
                throw new StoreException(StoreErrorCode.SchemaTooNew, $"The store '{Location}' has schema version {version}; this build knows {Migrations.All.Length}. Upgrade Parallax.");
            for (int v = version; v < Migrations.All.Length; v++)
            {
                applying = v + 1;
                await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
                await Execute(c, tx, Migrations.All[v], ct).ConfigureAwait(false);
                await Execute(c, tx, "INSERT INTO schema_migrations (version) VALUES ($1)", ct, v + 1).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException ex)
        {
            var advice = ex is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege }
                ? "Make the role the owner of the database (or of its schema), or have an administrator run the migration once, see docs/deploy.md."
                : "Check the database, or choose another --store.";
            throw new StoreException(StoreErrorCode.OpenFailed, $"Cannot prepare the store '{Location}' ({(applying == 0 ? "reading its schema version" : $"migration {applying}")}): {(ex as PostgresException)?.MessageText ?? ex.Message}. {advice}", ex);
        }
        finally
        {
            if (c.State == ConnectionState.Open)
                await Execute(c, null, "SELECT pg_advisory_unlock($1, $2)", CancellationToken.None, LockClass, MigrationLock).ConfigureAwait(false);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }

    private static async Task<int> Execute(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> Scalar(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Scalar(c, null, "SELECT 1 FROM articles WHERE id = $1", cancellationToken, articleId).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(ArticleRecord article, StoryRecord story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(story);
        var doc = article.Document;
        var meta = doc.Metadata;
        var keys = doc.LayerKeys;
        var layerNames = new string[keys.Count];
        var layerJson = new string[keys.Count];
        var layerOrd = new int[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            layerNames[i] = keys[i].Name;
            layerJson[i] = DocumentJson.SerializeLayer(keys[i], doc.GetUntyped(keys[i])!);
            layerOrd[i] = i;
        }
        var sourceMeta = JsonSerializer.Serialize(doc.Source.Metadata, DocumentJson.Options);
        string clean = doc.Has(Layers.Clean) ? doc.Text : "";

        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // A cheap check first: re-ingesting known content should not queue behind other writers.
        if (await Scalar(c, null, "SELECT 1 FROM articles WHERE id = $1", cancellationToken, doc.Id).ConfigureAwait(false) is not null)
            return false;

        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        // Held until commit, so sequence numbers become visible in the order they were drawn.
        await Execute(c, tx, "SELECT pg_advisory_xact_lock($1, $2)", cancellationToken, LockClass, SequenceLock).ConfigureAwait(false);
        int inserted = await Execute(c, tx, """
            INSERT INTO articles (id, source_id, kind, encoding, raw, source_metadata, clean_text, title, outlet, author,
                published, language, words, story_id, duplicate_of, duplicate_similarity, ingested_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken,
            doc.Id, doc.Source.SourceId, doc.Source.Kind.ToString(), doc.Source.Encoding, doc.Raw, sourceMeta, clean,
            meta.Value(MetadataField.Title), meta.Value(MetadataField.Outlet), meta.Value(MetadataField.Author),
            meta.Value(MetadataField.Published), meta.Value(MetadataField.Language), Parallax.Text.WordCount.Of(clean), story.Id,
            article.DuplicateOf, article.DuplicateSimilarity, ToStored(article.IngestedAt)).ConfigureAwait(false);
        if (inserted == 0)
        {
            // Another process stored the same content since the check above.
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        if (keys.Count > 0)
        {
            await Execute(c, tx, """
                INSERT INTO layers (article_id, ord, name, json)
                SELECT $1, t.ord, t.name, t.json FROM unnest($2::integer[], $3::text[], $4::text[]) AS t(ord, name, json)
                """, cancellationToken, doc.Id, layerOrd, layerNames, layerJson).ConfigureAwait(false);
        }
        await Execute(c, tx, """
            INSERT INTO stories (id, label, key_terms, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, key_terms = excluded.key_terms, updated_at = excluded.updated_at
            """, cancellationToken,
            story.Id, story.Label, story.KeyTerms.IsDefault ? Array.Empty<string>() : story.KeyTerms.ToArray(),
            ToStored(story.CreatedAt), ToStored(story.UpdatedAt)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<ArticleRecord?> GetArticleAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await ResolvePrefix(c, null, "articles", idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (ids.Count != 1) return null;
        await foreach (var (_, a) in ReadArticles(c, null, "WHERE a.id = $1", [ids[0]], cancellationToken).ConfigureAwait(false))
            return a;
        return null;
    }

    private static async Task<List<string>> ResolvePrefix(NpgsqlConnection c, NpgsqlTransaction? tx, string table, string idOrPrefix, CancellationToken ct)
    {
        var result = new List<string>();
        if (idOrPrefix.Length < 4) return result;
        // LIKE with the "C" collation of the id columns uses their unique index; escape the pattern characters.
        var pattern = idOrPrefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var cmd = Command(c, tx, $"SELECT id FROM {table} WHERE id LIKE $1 ORDER BY id LIMIT 3", [pattern]);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) result.Add(r.GetString(0));
        if (result.Contains(idOrPrefix, StringComparer.Ordinal)) return [idOrPrefix];
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(int offset = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, """
            SELECT seq, id, source_id, title, outlet, published, language, story_id, duplicate_of, words, ingested_at
            FROM articles ORDER BY seq LIMIT $1 OFFSET $2
            """, [(long)Math.Max(limit, 0), (long)Math.Max(offset, 0)]);
        var list = new List<ArticleSummary>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ArticleSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6),
                Str(r, 7), Str(r, 8), r.GetInt32(9), r.GetFieldValue<DateTimeOffset>(10)));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryRecord>> ListStoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadStories(c, null, "", [], cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<StoryRecord>> ReadStories(NpgsqlConnection c, NpgsqlTransaction? tx, string where, object[] args, CancellationToken ct)
    {
        await using var cmd = Command(c, tx, $$"""
            SELECT s.id, s.label, s.key_terms, s.created_at, s.updated_at,
                   coalesce((SELECT array_agg(a.id ORDER BY a.seq) FROM articles a WHERE a.story_id = s.id), '{}')
            FROM stories s {{where}} ORDER BY s.updated_at DESC, s.id
            """, args);
        var list = new List<StoryRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new StoryRecord(r.GetString(0), r.GetString(1), [.. r.GetFieldValue<string[]>(5)], [.. r.GetFieldValue<string[]>(2)],
                r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4)));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<StoryView?> GetStoryAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for the story and its articles, so a concurrent save cannot make them disagree.
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var ids = await ResolvePrefix(c, tx, "stories", idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (ids.Count != 1) return null;
        var story = (await ReadStories(c, tx, "WHERE s.id = $1", [ids[0]], cancellationToken).ConfigureAwait(false)).Single();
        var articles = ImmutableArray.CreateBuilder<ArticleRecord>();
        await foreach (var (_, a) in ReadArticles(c, tx, "WHERE a.story_id = $1", [story.Id], cancellationToken).ConfigureAwait(false))
            articles.Add(a);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoryView(story, articles.ToImmutable());
    }

    /// <inheritdoc />
    /// <remarks>
    /// The query language is FTS5's, translated to a tsquery: plain words are AND-ed, "quoted phrases" match words
    /// in sequence, AND/OR/NOT and parentheses combine, word* matches a prefix, title: and body: restrict to a field.
    /// Matching ignores case and diacritics and does not stem. Hits are ranked by ts_rank (title words weigh more),
    /// then ingestion order; the snippet comes from the clean text with matches wrapped in [ and ].
    /// Throws <see cref="StoreException"/> PX2004 for an invalid query.
    /// </remarks>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tsquery = SearchQuery.ToTsQuery(query);
        if (tsquery is null || limit <= 0) return [];
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // The headline is costly, so it is made only for the rows that survive the limit.
        await using var cmd = Command(c, null, $"""
            WITH q AS (SELECT to_tsquery('{Migrations.SearchConfiguration}', $1) AS q),
            top AS (
                SELECT a.seq, a.id, a.title, a.outlet, a.story_id, a.clean_text, ts_rank(a.search, q.q) AS rank
                FROM articles a, q WHERE a.search @@ q.q ORDER BY rank DESC, a.seq LIMIT $2)
            SELECT top.id, top.title, top.outlet, top.story_id,
                   ts_headline('{Migrations.SearchConfiguration}', top.clean_text, q.q, '{HeadlineOptions}'), top.rank,
                   left(top.clean_text, {EdgeLength}), right(top.clean_text, {EdgeLength})
            FROM top, q ORDER BY top.rank DESC, top.seq
            """, [tsquery, limit]);
        var hits = new List<SearchHit>();
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                hits.Add(new SearchHit(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), Snippet(r.GetString(4), r.GetString(6), r.GetString(7)), r.GetFloat(5)));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.SyntaxError)
        {
            throw new StoreException(StoreErrorCode.BadQuery, $"The search query \"{query}\" is not valid: {ex.MessageText}. Quote phrases with double quotes; use AND, OR, NOT, and * for prefixes.", ex);
        }
        return hits;
    }

    /// <summary>
    /// Marks a cut fragment the way FTS5's snippet() does: "…" where text was left out before or after it. ts_headline
    /// drops the punctuation that ends the text, so that is put back instead of an ellipsis.
    /// </summary>
    internal static string Snippet(string headline, string textStart, string textEnd)
    {
        var plain = headline.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Trim();
        if (plain.Length == 0) return headline;
        var head = plain.Length <= textStart.Length ? plain : plain[..textStart.Length];
        var start = textStart.TrimStart().StartsWith(head, StringComparison.Ordinal) ? "" : "…";
        var last = plain[^Math.Min(plain.Length, 40)..];
        int at = textEnd.LastIndexOf(last, StringComparison.Ordinal);
        string end = "…";
        if (at >= 0)
        {
            var rest = textEnd[(at + last.Length)..];
            if (!rest.Any(char.IsLetterOrDigit)) end = rest.TrimEnd();
        }
        return start + headline.Trim() + end;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(long Sequence, ArticleRecord Article)> ReadArticlesAsync(long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in ReadArticles(c, null, "WHERE a.seq > $1", [afterSequence], cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    private async IAsyncEnumerable<(long, ArticleRecord)> ReadArticles(NpgsqlConnection c, NpgsqlTransaction? tx, string where, object[] args, [EnumeratorCancellation] CancellationToken ct)
    {
        // Layers come with their article (one connection carries one open reader at a time).
        await using var cmd = Command(c, tx, $$"""
            SELECT a.seq, a.id, a.source_id, a.kind, a.encoding, a.raw, a.source_metadata, a.story_id, a.duplicate_of,
                   a.duplicate_similarity, a.ingested_at, coalesce(l.names, '{}'), coalesce(l.jsons, '{}')
            FROM articles a
            LEFT JOIN LATERAL (SELECT array_agg(name ORDER BY ord) AS names, array_agg(json ORDER BY ord) AS jsons
                               FROM layers WHERE article_id = a.id) l ON true
            {{where}} ORDER BY a.seq
            """, args);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = r.GetString(1);
            DocumentSource source;
            try
            {
                var meta = JsonSerializer.Deserialize<ImmutableArray<MetadataCandidate>>(r.GetString(6), DocumentJson.Options);
                source = new DocumentSource(r.GetString(2), Enum.Parse<ContentKind>(r.GetString(3)), r.GetString(5), meta, r.GetString(4));
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                throw new StoreException(StoreErrorCode.CorruptRow, $"Article {id} in '{Location}' cannot be read: {ex.Message}.", ex);
            }
            var names = r.GetFieldValue<string[]>(11);
            var jsons = r.GetFieldValue<string[]>(12);
            var layers = new List<KeyValuePair<string, string>>(names.Length);
            for (int i = 0; i < names.Length; i++) layers.Add(KeyValuePair.Create(names[i], jsons[i]));
            var doc = DocumentJson.Rehydrate(source, layers);
            yield return (r.GetInt64(0), new ArticleRecord(doc, Str(r, 7), Str(r, 8), r.GetDouble(9), r.GetFieldValue<DateTimeOffset>(10)));
        }
    }

    /// <inheritdoc />
    public async Task<(byte[]? Snapshot, long Sequence)> LoadIndexSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, "SELECT snapshot, seq FROM index_snapshot WHERE singleton = 1", []);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return (null, 0);
        return (r.GetFieldValue<byte[]>(0), r.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task SaveIndexSnapshotAsync(byte[] snapshot, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO index_snapshot (singleton, snapshot, seq) VALUES (1, $1, $2)
            ON CONFLICT (singleton) DO UPDATE SET snapshot = excluded.snapshot, seq = excluded.seq
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = snapshot });
        cmd.Parameters.Add(new NpgsqlParameter { Value = sequence });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (long)(await Scalar(c, null, "SELECT coalesce(max(seq), 0) FROM articles", cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<int> SaveAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0) return 0;
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int added = 0;
        foreach (var alert in alerts)
        {
            if (await Scalar(c, tx, "SELECT 1 FROM articles WHERE id = $1", cancellationToken, alert.ArticleId).ConfigureAwait(false) is null)
                throw new StoreException(StoreErrorCode.UnknownArticle, $"Alert {alert.Id} names article {alert.ArticleId}, which is not in '{Location}'. Store the article first.");
            var at = alert.RaisedAt.ToUniversalTime();
            // Kept to the millisecond, as the SQLite store does, so both stores read back the same alert.
            at = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            added += await Execute(c, tx, """
                INSERT INTO alerts (id, rule_id, article_id, event_id, raised_at, json) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (id) DO NOTHING
                """, cancellationToken, alert.Id, alert.RuleId, alert.ArticleId, alert.EventId, at,
                StoredAlerts.ToJson(alert, at)).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Alert>> ListAlertsAsync(AlertQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AlertQuery();
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("""
            SELECT id, json FROM alerts
            WHERE ($1::text IS NULL OR rule_id = $1) AND ($2::text IS NULL OR article_id = $2)
            ORDER BY seq LIMIT $3
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.RuleId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.ArticleId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (long)query.Limit });
        var list = new List<Alert>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoredAlerts.FromJson(r.GetString(0), r.GetString(1), Location));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, """
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories),
                   (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
                   (SELECT coalesce(max(version), 0) FROM schema_migrations)
            """, []);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStats(checked((int)r.GetInt64(0)), checked((int)r.GetInt64(1)), checked((int)r.GetInt64(2)), r.GetInt32(3));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // The SQLite store keeps times as ISO text to the millisecond; keeping the same precision here makes the two
    // adapters return identical records.
    private static DateTimeOffset ToStored(DateTimeOffset t)
    {
        long ticks = t.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

}
