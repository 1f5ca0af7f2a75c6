using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parallax.Core.Articles;
using Parallax.Core.Storage;
using Parallax.Core.Watch;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Serialization;

namespace Parallax.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (WAL mode) with schema migrations and FTS5 search over clean text.
/// </summary>
/// <remarks>
/// Thread-safe: writes are serialised by an internal lock and each runs in one transaction, so a process killed
/// mid-write leaves the previous consistent state. Reads open their own connections.
/// </remarks>
public sealed class SqliteStore : IStore
{
    /// <summary>The file name used inside a data directory.</summary>
    public const string FileName = "parallax.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private SqliteStore(string path)
    {
        Location = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => Migrations.All.Length;

    /// <summary>
    /// Opens (creating when needed) the store in <paramref name="dataDirectory"/> and runs pending migrations.
    /// Throws <see cref="StoreException"/> PX2001 when the file cannot be opened, PX2002 when its schema is newer.
    /// </summary>
    public static async Task<SqliteStore> OpenAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        string path;
        try
        {
            Directory.CreateDirectory(dataDirectory);
            path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorCode.OpenFailed, $"Cannot create the data directory '{dataDirectory}': {ex.Message.TrimEnd('.')}. Choose another with --data-dir.", ex);
        }
        var store = new SqliteStore(path);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(_connectionString);
        try
        {
            await c.OpenAsync(ct).ConfigureAwait(false);
            using var pragma = c.CreateCommand();
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
            await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return c;
        }
        catch (SqliteException ex)
        {
            await c.DisposeAsync().ConfigureAwait(false);
            throw new StoreException(StoreErrorCode.OpenFailed, $"Cannot open the store '{Location}': {ex.Message}. Check the file, or choose another --data-dir.", ex);
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var c = await OpenConnectionAsync(ct).ConfigureAwait(false);
        using (var wal = c.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            await wal.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        int version = Convert.ToInt32(await Scalar(c, "PRAGMA user_version", ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > Migrations.All.Length)
            throw new StoreException(StoreErrorCode.SchemaTooNew, $"The store '{Location}' has schema version {version}; this build knows {Migrations.All.Length}. Upgrade Parallax.");
        for (int v = version; v < Migrations.All.Length; v++)
        {
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations.All[v] + $"\nPRAGMA user_version = {(v + 1).ToString(CultureInfo.InvariantCulture)};";
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<object?> Scalar(SqliteConnection c, string sql, CancellationToken ct, params (string, object?)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string articleId, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Scalar(c, "SELECT 1 FROM articles WHERE id = $id", cancellationToken, ("$id", articleId)).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(ArticleRecord article, StoryRecord story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(story);
        var doc = article.Document;
        var meta = doc.Metadata;
        var layers = doc.LayerKeys.Select((k, i) => (Key: k, Ord: i, Json: DocumentJson.SerializeLayer(k, doc.GetUntyped(k)!))).ToList();
        var sourceMeta = JsonSerializer.Serialize(doc.Source.Metadata, DocumentJson.Options);
        string clean = doc.Has(Layers.Clean) ? doc.Text : "";

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using (var exists = c.CreateCommand())
            {
                exists.Transaction = tx;
                exists.CommandText = "SELECT 1 FROM articles WHERE id = $id";
                exists.Parameters.AddWithValue("$id", doc.Id);
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null) return false;
            }
            using (var ins = c.CreateCommand())
            {
                ins.Transaction = tx;
                ins.CommandText = """
                    INSERT INTO articles (id, source_id, kind, encoding, raw, source_metadata, clean_text, title, outlet, author,
                        published, language, words, story_id, duplicate_of, duplicate_similarity, ingested_at)
                    VALUES ($id, $source, $kind, $enc, $raw, $smeta, $clean, $title, $outlet, $author, $published, $lang,
                        $words, $story, $dup, $dupsim, $at)
                    """;
                var p = ins.Parameters;
                p.AddWithValue("$id", doc.Id);
                p.AddWithValue("$source", doc.Source.SourceId);
                p.AddWithValue("$kind", doc.Source.Kind.ToString());
                p.AddWithValue("$enc", doc.Source.Encoding);
                p.AddWithValue("$raw", doc.Raw);
                p.AddWithValue("$smeta", sourceMeta);
                p.AddWithValue("$clean", clean);
                p.AddWithValue("$title", (object?)meta.Value(MetadataField.Title) ?? DBNull.Value);
                p.AddWithValue("$outlet", (object?)meta.Value(MetadataField.Outlet) ?? DBNull.Value);
                p.AddWithValue("$author", (object?)meta.Value(MetadataField.Author) ?? DBNull.Value);
                p.AddWithValue("$published", (object?)meta.Value(MetadataField.Published) ?? DBNull.Value);
                p.AddWithValue("$lang", (object?)meta.Value(MetadataField.Language) ?? DBNull.Value);
                p.AddWithValue("$words", Parallax.Text.WordCount.Of(clean));
                p.AddWithValue("$story", story.Id);
                p.AddWithValue("$dup", (object?)article.DuplicateOf ?? DBNull.Value);
                p.AddWithValue("$dupsim", article.DuplicateSimilarity);
                p.AddWithValue("$at", FormatTime(article.IngestedAt));
                await ins.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var (key, ord, json) in layers)
            {
                using var l = c.CreateCommand();
                l.Transaction = tx;
                l.CommandText = "INSERT INTO layers (article_id, ord, name, json) VALUES ($id, $ord, $name, $json)";
                l.Parameters.AddWithValue("$id", doc.Id);
                l.Parameters.AddWithValue("$ord", ord);
                l.Parameters.AddWithValue("$name", key.Name);
                l.Parameters.AddWithValue("$json", json);
                await l.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            using (var fts = c.CreateCommand())
            {
                fts.Transaction = tx;
                fts.CommandText = "INSERT INTO articles_fts (article_id, title, body) VALUES ($id, $title, $body)";
                fts.Parameters.AddWithValue("$id", doc.Id);
                fts.Parameters.AddWithValue("$title", (object?)meta.Value(MetadataField.Title) ?? "");
                fts.Parameters.AddWithValue("$body", clean);
                await fts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            using (var s = c.CreateCommand())
            {
                s.Transaction = tx;
                s.CommandText = """
                    INSERT INTO stories (id, label, key_terms, created_at, updated_at) VALUES ($id, $label, $terms, $created, $updated)
                    ON CONFLICT(id) DO UPDATE SET label = excluded.label, key_terms = excluded.key_terms, updated_at = excluded.updated_at
                    """;
                s.Parameters.AddWithValue("$id", story.Id);
                s.Parameters.AddWithValue("$label", story.Label);
                s.Parameters.AddWithValue("$terms", JsonSerializer.Serialize(story.KeyTerms, DocumentJson.Options));
                s.Parameters.AddWithValue("$created", FormatTime(story.CreatedAt));
                s.Parameters.AddWithValue("$updated", FormatTime(story.UpdatedAt));
                await s.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ArticleRecord?> GetArticleAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await ResolvePrefix(c, "articles", idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (ids.Count != 1) return null;
        await foreach (var (_, a) in ReadArticles(c, "WHERE a.id = $p", [("$p", ids[0])], cancellationToken).ConfigureAwait(false))
            return a;
        return null;
    }

    private static async Task<List<string>> ResolvePrefix(SqliteConnection c, string table, string idOrPrefix, CancellationToken ct)
    {
        var result = new List<string>();
        if (idOrPrefix.Length < 4) return result;
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT id FROM {table} WHERE id = $exact OR substr(id, 1, length($exact)) = $exact ORDER BY id LIMIT 3";
        cmd.Parameters.AddWithValue("$exact", idOrPrefix);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) result.Add(r.GetString(0));
        if (result.Contains(idOrPrefix)) return [idOrPrefix];
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(int offset = 0, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT seq, id, source_id, title, outlet, published, language, story_id, duplicate_of, words, ingested_at
            FROM articles ORDER BY seq LIMIT $limit OFFSET $offset
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var list = new List<ArticleSummary>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ArticleSummary(r.GetInt64(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6),
                Str(r, 7), Str(r, 8), r.GetInt32(9), ParseTime(r.GetString(10))));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryRecord>> ListStoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadStories(c, "", [], cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<StoryRecord>> ReadStories(SqliteConnection c, string where, (string, object)[] args, CancellationToken ct)
    {
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var m = c.CreateCommand())
        {
            m.CommandText = "SELECT story_id, id FROM articles ORDER BY seq";
            await using var r = await m.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                if (!members.TryGetValue(r.GetString(0), out var l)) members[r.GetString(0)] = l = [];
                l.Add(r.GetString(1));
            }
        }
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT id, label, key_terms, created_at, updated_at FROM stories {where} ORDER BY updated_at DESC, id";
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        var list = new List<StoryRecord>();
        await using var rs = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await rs.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = rs.GetString(0);
            list.Add(new StoryRecord(id, rs.GetString(1), [.. members.GetValueOrDefault(id) ?? []],
                JsonSerializer.Deserialize<ImmutableArray<string>>(rs.GetString(2), DocumentJson.Options),
                ParseTime(rs.GetString(3)), ParseTime(rs.GetString(4))));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<StoryView?> GetStoryAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await ResolvePrefix(c, "stories", idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (ids.Count != 1) return null;
        var story = (await ReadStories(c, "WHERE id = $id", [("$id", ids[0])], cancellationToken).ConfigureAwait(false)).Single();
        var articles = ImmutableArray.CreateBuilder<ArticleRecord>();
        await foreach (var (_, a) in ReadArticles(c, "WHERE a.story_id = $s", [("$s", story.Id)], cancellationToken).ConfigureAwait(false))
            articles.Add(a);
        return new StoryView(story, articles.ToImmutable());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT f.article_id, a.title, a.outlet, a.story_id, snippet(articles_fts, 2, '[', ']', '…', 16), bm25(articles_fts)
            FROM articles_fts f JOIN articles a ON a.id = f.article_id
            WHERE articles_fts MATCH $q ORDER BY bm25(articles_fts), a.seq LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$q", query);
        cmd.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                hits.Add(new SearchHit(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), r.GetString(4), -r.GetDouble(5)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw new StoreException(StoreErrorCode.BadQuery, $"The search query \"{query}\" is not valid: {ex.Message}. Quote phrases with double quotes; use AND, OR, NOT, and * for prefixes.", ex);
        }
        return hits;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(long Sequence, ArticleRecord Article)> ReadArticlesAsync(long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in ReadArticles(c, "WHERE a.seq > $after", [("$after", afterSequence)], cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    private async IAsyncEnumerable<(long, ArticleRecord)> ReadArticles(SqliteConnection c, string where, (string, object)[] args, [EnumeratorCancellation] CancellationToken ct)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT a.seq, a.id, a.source_id, a.kind, a.encoding, a.raw, a.source_metadata, a.story_id, a.duplicate_of,
                   a.duplicate_similarity, a.ingested_at
            FROM articles a {where} ORDER BY a.seq
            """;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
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
            var layers = new List<KeyValuePair<string, string>>();
            using (var l = c.CreateCommand())
            {
                l.CommandText = "SELECT name, json FROM layers WHERE article_id = $id ORDER BY ord";
                l.Parameters.AddWithValue("$id", id);
                await using var lr = await l.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await lr.ReadAsync(ct).ConfigureAwait(false)) layers.Add(KeyValuePair.Create(lr.GetString(0), lr.GetString(1)));
            }
            var doc = DocumentJson.Rehydrate(source, layers);
            yield return (r.GetInt64(0), new ArticleRecord(doc, Str(r, 7), Str(r, 8), r.GetDouble(9), ParseTime(r.GetString(10))));
        }
    }

    /// <inheritdoc />
    public async Task<(byte[]? Snapshot, long Sequence)> LoadIndexSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT snapshot, seq FROM index_snapshot WHERE singleton = 1";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return (null, 0);
        return ((byte[])r.GetValue(0), r.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task SaveIndexSnapshotAsync(byte[] snapshot, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO index_snapshot (singleton, snapshot, seq) VALUES (1, $s, $seq)
                ON CONFLICT(singleton) DO UPDATE SET snapshot = excluded.snapshot, seq = excluded.seq
                """;
            cmd.Parameters.AddWithValue("$s", snapshot);
            cmd.Parameters.AddWithValue("$seq", sequence);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(await Scalar(c, "SELECT coalesce(max(seq), 0) FROM articles", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        int Count(object? o) => Convert.ToInt32(o, CultureInfo.InvariantCulture);
        return new StoreStats(
            Count(await Scalar(c, "SELECT count(*) FROM articles", cancellationToken).ConfigureAwait(false)),
            Count(await Scalar(c, "SELECT count(*) FROM stories", cancellationToken).ConfigureAwait(false)),
            Count(await Scalar(c, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL", cancellationToken).ConfigureAwait(false)),
            Count(await Scalar(c, "PRAGMA user_version", cancellationToken).ConfigureAwait(false)));
    }

    /// <inheritdoc />
    public async Task<int> SaveAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0) return 0;
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            int added = 0;
            foreach (var alert in alerts)
            {
                using (var exists = c.CreateCommand())
                {
                    exists.Transaction = tx;
                    exists.CommandText = "SELECT 1 FROM articles WHERE id = $id";
                    exists.Parameters.AddWithValue("$id", alert.ArticleId);
                    if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                        throw new StoreException(StoreErrorCode.UnknownArticle, $"Alert {alert.Id} names article {alert.ArticleId}, which is not in '{Location}'. Store the article first.");
                }
                using var ins = c.CreateCommand();
                ins.Transaction = tx;
                ins.CommandText = """
                    INSERT INTO alerts (id, rule_id, article_id, event_id, raised_at, json) VALUES ($id, $rule, $article, $event, $at, $json)
                    ON CONFLICT(id) DO NOTHING
                    """;
                ins.Parameters.AddWithValue("$id", alert.Id);
                ins.Parameters.AddWithValue("$rule", alert.RuleId);
                ins.Parameters.AddWithValue("$article", alert.ArticleId);
                ins.Parameters.AddWithValue("$event", alert.EventId);
                ins.Parameters.AddWithValue("$at", FormatTime(alert.RaisedAt));
                ins.Parameters.AddWithValue("$json", StoredAlerts.ToJson(alert, ParseTime(FormatTime(alert.RaisedAt))));
                added += await ins.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return added;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Alert>> ListAlertsAsync(AlertQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AlertQuery();
        await using var c = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT id, json FROM alerts
            WHERE ($rule IS NULL OR rule_id = $rule) AND ($article IS NULL OR article_id = $article)
            ORDER BY seq LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$rule", (object?)query.RuleId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$article", (object?)query.ArticleId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        var list = new List<Alert>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoredAlerts.FromJson(r.GetString(0), r.GetString(1), Location));
        }
        return list;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _writeGate.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string FormatTime(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

}
