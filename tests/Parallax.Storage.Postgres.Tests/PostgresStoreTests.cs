using Npgsql;
using Parallax.Core.Articles;
using Parallax.Core.Storage;
using Parallax.Nlp.Documents;
using Parallax.Testing;

namespace Parallax.Storage.Postgres.Tests;

/// <summary>What the PostgreSQL store adds to the contract: several processes at once, migrations, its search syntax.</summary>
[NeedsPostgres]
public sealed class PostgresStoreTests : IAsyncLifetime
{
    private string _cs = "";

    public async Task InitializeAsync() => _cs = await PostgresTestServer.CreateDatabaseAsync();

    public Task DisposeAsync() => PostgresTestServer.DropDatabaseAsync(_cs);

    private static ArticleRecord Article(string body, string title = "A report", string outlet = "Outlet", DateTimeOffset? at = null) =>
        new DocumentBuilder().From(outlet + ".txt").Paragraph(body).Meta(MetadataField.Title, title)
            .Meta(MetadataField.Outlet, outlet).Language("en").Record("s-story", at: at);

    [Fact]
    public async Task SaveAsync_SameArticleFromManyProcessesAtOnce_StoredOnce()
    {
        // Given four stores on one database (four pools, as four processes would have) and one article
        var stores = new List<PostgresStore>();
        for (int i = 0; i < 4; i++) stores.Add(await PostgresStore.OpenAsync(_cs));
        var record = Article("Negotiators met at the border crossing to discuss prisoner exchanges.");

        // When sixteen tasks save it at the same moment
        using var start = new ManualResetEventSlim();
        var saves = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await stores[i % stores.Count].SaveAsync(record, DocumentBuilder.Story("s-story"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(saves);

        // Then exactly one save stored it, once, with its layers and its search entry
        Assert.Equal(1, results.Count(r => r));
        var stats = await stores[0].GetStatsAsync();
        Assert.Equal(1, stats.Articles);
        Assert.Equal(1, stats.Stories);
        var back = await stores[1].GetArticleAsync(record.Id);
        Assert.NotNull(back);
        Assert.Equal(record.Document.Text, back.Document.Text);
        Assert.Equal(record.Document.LayerKeys.Select(k => k.Name), back.Document.LayerKeys.Select(k => k.Name));
        Assert.Single(await stores[2].SearchAsync("prisoner exchanges"));
        foreach (var s in stores) await s.DisposeAsync();
    }

    [Fact]
    public async Task SaveAsync_ManyArticlesAtOnce_SequencesUniqueAndAllReadBack()
    {
        // Given two stores on one database
        await using var a = await PostgresStore.OpenAsync(_cs);
        await using var b = await PostgresStore.OpenAsync(_cs);

        // When twenty different articles are saved concurrently through both
        var records = Enumerable.Range(0, 20).Select(i => Article($"Dispatch number {i} from the valley.")).ToList();
        var results = await Task.WhenAll(records.Select((r, i) => (i % 2 == 0 ? a : b).SaveAsync(r, DocumentBuilder.Story("s-story"))));

        // Then each is stored once, sequences are distinct and increasing, and the story lists every member
        Assert.All(results, Assert.True);
        var read = new List<(long Seq, string Id)>();
        await foreach (var (seq, art) in a.ReadArticlesAsync()) read.Add((seq, art.Id));
        Assert.Equal(20, read.Count);
        Assert.Equal(read.Select(r => r.Seq).Order(), read.Select(r => r.Seq));
        Assert.Equal(20, read.Select(r => r.Seq).Distinct().Count());
        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(read[^1].Seq, await b.GetLastSequenceAsync());
        var story = await b.GetStoryAsync("s-story");
        Assert.Equal(read.Select(r => r.Id), story!.Story.ArticleIds);
    }

    [Fact]
    public async Task OpenAsync_ManyWorkersAtOnceOnAnEmptyDatabase_MigratesOnce()
    {
        // Given an empty database
        // When six workers open it at the same moment
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresStore.OpenAsync(_cs))));

        // Then all succeed and each migration is recorded once
        foreach (var s in stores) Assert.Equal(PostgresStore.SchemaVersion, (await s.GetStatsAsync()).SchemaVersion);
        await using (var c = new NpgsqlConnection(_cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*), count(DISTINCT version) FROM schema_migrations", c);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            Assert.Equal(PostgresStore.SchemaVersion, r.GetInt64(0));
            Assert.Equal(PostgresStore.SchemaVersion, r.GetInt64(1));
        }
        foreach (var s in stores) await s.DisposeAsync();
    }

    [Fact]
    public async Task OpenAsync_ExistingStore_KeepsDataAndSchemaVersion()
    {
        // Given a store with one article and a snapshot
        var record = Article("Kept across reopenings of the shared store.");
        await using (var store = await PostgresStore.OpenAsync(_cs))
        {
            await store.SaveAsync(record, DocumentBuilder.Story("s-story"));
            await store.SaveIndexSnapshotAsync([9, 8, 7], 1);
        }

        // When it is opened again, twice
        await using (await PostgresStore.OpenAsync(_cs)) { }
        await using var again = await PostgresStore.OpenAsync(_cs);

        // Then migrations did not run again and the data is there
        var stats = await again.GetStatsAsync();
        Assert.Equal(1, stats.Articles);
        Assert.Equal(PostgresStore.SchemaVersion, stats.SchemaVersion);
        Assert.Equal(record.Document.Text, (await again.GetArticleAsync(record.Id))!.Document.Text);
        Assert.Equal([9, 8, 7], (await again.LoadIndexSnapshotAsync()).Snapshot);
    }

    [Fact]
    public async Task OpenAsync_TwoSchemasInOneDatabase_KeepsStoresApart()
    {
        // Given one database with two schemas
        await using (var c = new NpgsqlConnection(_cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b", c);
            await cmd.ExecuteNonQueryAsync();
        }
        string In(string schema) => new NpgsqlConnectionStringBuilder(_cs) { SearchPath = schema }.ConnectionString;

        // When a store is opened in each and each saves its own article
        await using var a = await PostgresStore.OpenAsync(In("tenant_a"));
        await using var b = await PostgresStore.OpenAsync(In("tenant_b"));
        var forA = Article("Médecins reported on the clinic.");
        var forB = Article("Engineers reported on the bridge.");
        await a.SaveAsync(forA, DocumentBuilder.Story("s-story"));
        await b.SaveAsync(forB, DocumentBuilder.Story("s-story"));

        // Then each sees only its own, searches its own (diacritics folded in both), and names its schema
        Assert.False(await a.ContainsAsync(forB.Id));
        Assert.False(await b.ContainsAsync(forA.Id));
        Assert.Equal(forA.Id, Assert.Single(await a.SearchAsync("medecins")).ArticleId);
        Assert.Empty(await b.SearchAsync("medecins"));
        Assert.Equal(forB.Id, Assert.Single(await b.SearchAsync("reported")).ArticleId);
        Assert.EndsWith("?search_path=tenant_b", b.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SchemaNewerThanBuild_ThrowsPX2002()
    {
        // Given a store whose schema a later build has moved on
        await using (await PostgresStore.OpenAsync(_cs)) { }
        await using (var c = new NpgsqlConnection(_cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (999)", c);
            await cmd.ExecuteNonQueryAsync();
        }

        // When this build opens it
        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresStore.OpenAsync(_cs));

        // Then it refuses with the schema code
        Assert.Equal(StoreErrorCode.SchemaTooNew, ex.Code);
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UriSpelling_OpensTheSameStore()
    {
        // Given a store opened by connection string, holding one article
        var record = Article("Reached through either spelling.");
        await using (var store = await PostgresStore.OpenAsync(_cs)) await store.SaveAsync(record, DocumentBuilder.Story("s-story"));
        var b = new NpgsqlConnectionStringBuilder(_cs);
        var uri = $"postgres://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{b.Database}";

        // When it is opened by URI
        await using var again = await PostgresStore.OpenAsync(uri);

        // Then it is the same data, and the location names no password
        Assert.True(await again.ContainsAsync(record.Id));
        Assert.DoesNotContain(b.Password!, again.Location, StringComparison.Ordinal);
        Assert.StartsWith("postgres://", again.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_StoryUpdated_KeepsCreatedAtAndOrdersByUpdate()
    {
        // Given a story opened at t0 and another updated at t1
        await using var store = await PostgresStore.OpenAsync(_cs);
        var t0 = new DateTimeOffset(2020, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var t1 = t0.AddHours(1);
        var t2 = t0.AddHours(2);
        await store.SaveAsync(Article("First on the dam.") with { StoryId = "s-dam" }, DocumentBuilder.Story("s-dam", "dam", t0));
        await store.SaveAsync(Article("First on the port.") with { StoryId = "s-port" }, DocumentBuilder.Story("s-port", "port", t1));

        // When an article joins the first story at t2 (the caller passes a new created time, which must be ignored)
        var later = Article("Second on the dam.");
        await store.SaveAsync(later, DocumentBuilder.Story("s-dam", "dam, updated", t2));

        // Then the story keeps its opening time, takes the new label and time, and lists first
        var stories = await store.ListStoriesAsync();
        Assert.Equal(["s-dam", "s-port"], stories.Select(s => s.Id));
        Assert.Equal(t0, stories[0].CreatedAt);
        Assert.Equal(t2, stories[0].UpdatedAt);
        Assert.Equal("dam, updated", stories[0].Label);
        Assert.Equal(2, stories[0].ArticleIds.Length);
        Assert.Equal(["syria", "golan"], stories[0].KeyTerms.ToArray());
    }

    [Fact]
    public async Task GetAsync_ShortAmbiguousOrWildcardPrefix_ReturnsNull()
    {
        // Given one article and two stories whose ids share "s-abc"
        await using var store = await PostgresStore.OpenAsync(_cs);
        var record = Article("Bulletin on the water supply.");
        await store.SaveAsync(record with { StoryId = "s-abc1" }, DocumentBuilder.Story("s-abc1"));
        await store.SaveAsync(Article("Another bulletin.") with { StoryId = "s-abc2" }, DocumentBuilder.Story("s-abc2"));

        // When looked up by prefixes
        // Then a unique prefix of four or more characters resolves; shorter, ambiguous or wildcard ones do not
        Assert.Equal(record.Id, (await store.GetArticleAsync(record.Id[..4]))!.Id);
        Assert.Null(await store.GetArticleAsync(record.Id[..3]));
        Assert.Null(await store.GetArticleAsync("%%%%"));
        Assert.Null(await store.GetArticleAsync(record.Id[..3] + "_"));
        Assert.Null(await store.GetStoryAsync("s-abc"));
        Assert.Null(await store.GetStoryAsync("s-ab_1"));
        Assert.Equal("s-abc2", (await store.GetStoryAsync("s-abc2"))!.Story.Id);
    }

    [Fact]
    public async Task ListArticlesAsync_Page_ReturnsIngestionOrderWithMillisecondTimes()
    {
        // Given three articles ingested at times with sub-millisecond parts
        await using var store = await PostgresStore.OpenAsync(_cs);
        var t = new DateTimeOffset(2021, 3, 4, 5, 6, 7, 890, TimeSpan.Zero).AddTicks(1234);
        for (int i = 0; i < 3; i++) await store.SaveAsync(Article($"Entry {i} of the log.", at: t.AddMinutes(i)), DocumentBuilder.Story("s-story"));

        // When the second page of one is listed
        var page = await store.ListArticlesAsync(1, 1);

        // Then it is the second article, its time kept to the millisecond as the SQLite store does
        var only = Assert.Single(page);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 5, 7, 7, 890, TimeSpan.Zero), only.IngestedAt);
        Assert.Equal("Outlet", only.Outlet);
        Assert.Equal(5, only.Words);
    }

    [Theory]
    [InlineData("\"ceasefire line\"", new[] { 0 })]
    [InlineData("\"line ceasefire\"", new int[0])]
    [InlineData("ceasefire OR harvest", new[] { 0, 1, 2 })]
    [InlineData("ceasefire harvest", new int[0])]
    [InlineData("ceasefire NOT shelling", new[] { 2 })]
    [InlineData("harv*", new[] { 1 })]
    [InlineData("sanchez", new[] { 2 })]
    [InlineData("SÁNCHEZ", new[] { 2 })]
    [InlineData("title:wheat", new[] { 1 })]
    [InlineData("body:wheat", new int[0])]
    [InlineData("(harvest OR shelling) AND river", new[] { 0, 1 })]
    [InlineData("it's", new int[0])]
    public async Task SearchAsync_Fts5Syntax_MatchesAsSqliteWould(string query, int[] expected)
    {
        // Given three articles
        await using var store = await PostgresStore.OpenAsync(_cs);
        var articles = new[]
        {
            Article("Shelling near the river broke the ceasefire line overnight.", "Overnight shelling"),
            Article("The harvest along the river was the largest in years.", "Wheat prices fall"),
            Article("Minister Sánchez said the ceasefire held in the north.", "Ceasefire holds"),
        };
        foreach (var a in articles) await store.SaveAsync(a, DocumentBuilder.Story("s-story"));

        // When searched
        var hits = await store.SearchAsync(query);

        // Then exactly the expected articles match
        Assert.Equal(expected.Select(i => articles[i].Id).Order(StringComparer.Ordinal), hits.Select(h => h.ArticleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_TitleAndBodyMatches_RanksTitleFirstAndHighlightsBody()
    {
        // Given one article naming the word in its title and one only in its body
        await using var store = await PostgresStore.OpenAsync(_cs);
        var inBody = Article("Officials inspected the reservoir and the pumping station.", "Inspection tour");
        var inTitle = Article("Engineers reported cracks in the reservoir wall.", "Reservoir wall cracked");
        await store.SaveAsync(inBody, DocumentBuilder.Story("s-story"));
        await store.SaveAsync(inTitle, DocumentBuilder.Story("s-story"));

        // When searched with an accented, upper-case spelling
        var hits = await store.SearchAsync("RÉSERVOIR");

        // Then the title match ranks first and both snippets wrap the match, keeping the original text
        Assert.Equal([inTitle.Id, inBody.Id], hits.Select(h => h.ArticleId));
        Assert.True(hits[0].Rank > hits[1].Rank);
        Assert.Equal("Engineers reported cracks in the [reservoir] wall.", hits[0].Snippet);
        Assert.Contains("[reservoir]", hits[1].Snippet, StringComparison.Ordinal);
        Assert.Equal("Reservoir wall cracked", hits[0].Title);
        Assert.Equal("s-story", hits[0].StoryId);
    }

    [Fact]
    public async Task SearchAsync_Limit_ReturnsTheBestOnes()
    {
        // Given five matching articles
        await using var store = await PostgresStore.OpenAsync(_cs);
        for (int i = 0; i < 5; i++) await store.SaveAsync(Article($"Convoy {i} reached the town."), DocumentBuilder.Story("s-story"));

        // When searched with a limit of two, and with an empty query
        // Then two come back, and nothing for the empty query
        Assert.Equal(2, (await store.SearchAsync("convoy", 2)).Count);
        Assert.Empty(await store.SearchAsync("   "));
    }

    [Fact]
    public async Task SearchAsync_RandomQueries_ServerAcceptsEveryTranslation()
    {
        // Given a store with one article
        await using var store = await PostgresStore.OpenAsync(_cs);
        await store.SaveAsync(Article("The title's words (and some \"quoted\" ones) sit here."), DocumentBuilder.Story("s-story"));
        var random = new Random(7031);
        const string alphabet = "ab \"()*:ORANDTNOT'\\&|!<->title";
        int valid = 0;
        for (int n = 0; n < 400; n++)
        {
            var chars = new char[random.Next(1, 12)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var query = new string(chars);

            // When searched
            // Then the server runs it, or the adapter rejects it with PX2004 before it gets there
            try
            {
                await store.SearchAsync(query);
                valid++;
            }
            catch (StoreException ex) when (ex.Code == StoreErrorCode.BadQuery && ex.InnerException is null)
            {
            }
        }
        Assert.True(valid > 100, $"only {valid} of 400 random queries were valid");
    }
}
