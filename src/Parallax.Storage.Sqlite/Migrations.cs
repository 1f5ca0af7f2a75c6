namespace Parallax.Storage.Sqlite;

/// <summary>
/// The schema, as an ordered list of migrations. The database's PRAGMA user_version records how many have run;
/// each runs once, in its own transaction. Never edit a shipped migration: add a new one.
/// </summary>
internal static class Migrations
{
    public static readonly string[] All =
    [
        // 1: articles, their layers, stories, full-text search, story-index snapshots.
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            source_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            encoding TEXT NOT NULL,
            raw TEXT NOT NULL,
            source_metadata TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            title TEXT, outlet TEXT, author TEXT, published TEXT, language TEXT,
            words INTEGER NOT NULL,
            story_id TEXT NOT NULL,
            duplicate_of TEXT,
            duplicate_similarity REAL NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_story ON articles(story_id);
        CREATE TABLE layers (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (article_id, name)
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            key_terms TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE index_snapshot (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            snapshot BLOB NOT NULL,
            seq INTEGER NOT NULL
        );
        """,
        // 2: watch-rule alerts, one per (rule, article, event): the id is their hash, so re-ingesting adds nothing.
        """
        CREATE TABLE alerts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            rule_id TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX alerts_rule ON alerts(rule_id, seq);
        CREATE INDEX alerts_article ON alerts(article_id, seq);
        """,
    ];
}
