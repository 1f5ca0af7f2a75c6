namespace Parallax.Storage.Postgres;

/// <summary>
/// The schema, as an ordered list of migrations. The table schema_migrations records each one applied; each runs
/// once, in its own transaction, while the runner holds an advisory lock so that workers starting together do not
/// race. Never edit a shipped migration: add a new one.
/// </summary>
/// <remarks>
/// Objects are created in the first schema of the connection's search_path, so one database can hold several
/// stores in different schemas ("Search Path=…" in the connection string).
/// </remarks>
internal static class Migrations
{
    /// <summary>The text search configuration every search and search vector uses.</summary>
    public const string SearchConfiguration = "parallax_search";

    public static readonly string[] All =
    [
        // 1: articles, their layers, stories, full-text search, story-index snapshots.
        // Search mirrors the SQLite adapter's FTS5 'unicode61 remove_diacritics 2': no stemming, no stop words,
        // diacritics folded ('simple' behind 'unaccent'). The unaccent dictionary is referenced by the schema the
        // extension lives in, which need not be on the search_path.
        // Ids use the "C" collation so that prefix look-ups (LIKE 'abc%') can use the unique index.
        """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        DO $$
        DECLARE ext_schema text;
        BEGIN
            SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'unaccent';
            CREATE TEXT SEARCH CONFIGURATION parallax_search (COPY = pg_catalog.simple);
            EXECUTE format('ALTER TEXT SEARCH CONFIGURATION parallax_search ALTER MAPPING FOR hword, hword_part, word WITH %I.unaccent, simple', ext_schema);
        END
        $$;
        CREATE TABLE articles (
            seq bigserial PRIMARY KEY,
            id text COLLATE "C" NOT NULL UNIQUE,
            source_id text NOT NULL,
            kind text NOT NULL,
            encoding text NOT NULL,
            raw text NOT NULL,
            source_metadata text NOT NULL,
            clean_text text NOT NULL,
            title text, outlet text, author text, published text, language text,
            words integer NOT NULL,
            story_id text COLLATE "C" NOT NULL,
            duplicate_of text COLLATE "C",
            duplicate_similarity double precision NOT NULL DEFAULT 0,
            ingested_at timestamptz NOT NULL,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('parallax_search', coalesce(title, '')), 'A') ||
                setweight(to_tsvector('parallax_search', clean_text), 'B')) STORED
        );
        CREATE INDEX articles_story ON articles (story_id, seq);
        CREATE INDEX articles_search ON articles USING gin (search);
        CREATE TABLE layers (
            article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            ord integer NOT NULL,
            name text NOT NULL,
            json text NOT NULL,
            PRIMARY KEY (article_id, name)
        );
        CREATE TABLE stories (
            id text COLLATE "C" PRIMARY KEY,
            label text NOT NULL,
            key_terms text[] NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE INDEX stories_updated ON stories (updated_at DESC, id);
        CREATE TABLE index_snapshot (
            singleton integer PRIMARY KEY CHECK (singleton = 1),
            snapshot bytea NOT NULL,
            seq bigint NOT NULL
        );
        """,
        // 2: watch-rule alerts, one per (rule, article, event): the id is their hash, so re-ingesting adds nothing.
        """
        CREATE TABLE alerts (
            seq bigserial PRIMARY KEY,
            id text COLLATE "C" NOT NULL UNIQUE,
            rule_id text COLLATE "C" NOT NULL,
            article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            event_id text NOT NULL,
            raised_at timestamptz NOT NULL,
            json text NOT NULL
        );
        CREATE INDEX alerts_rule ON alerts (rule_id, seq);
        CREATE INDEX alerts_article ON alerts (article_id, seq);
        """,
    ];
}
