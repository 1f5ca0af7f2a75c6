using Parallax.Core.Storage;
using Parallax.Storage.Sqlite;
using Parallax.Testing;

namespace Parallax.Storage.Sqlite.Tests;

/// <summary>The store contract, run against the embedded SQLite adapter in a fresh temporary folder per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly List<string> _dirs = [];

    protected override async Task<IStore> CreateStoreAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parallax-test-" + Guid.NewGuid().ToString("N"));
        _dirs.Add(dir);
        return await SqliteStore.OpenAsync(dir);
    }

    [Fact]
    public async Task OpenAsync_ExistingStore_KeepsDataAndSchemaVersion()
    {
        // Given a store with one article
        var dir = Path.Combine(Path.GetTempPath(), "parallax-test-" + Guid.NewGuid().ToString("N"));
        _dirs.Add(dir);
        var record = new DocumentBuilder().Paragraph("Kept across reopenings.").Record("s-1");
        await using (var store = await SqliteStore.OpenAsync(dir)) await store.SaveAsync(record, DocumentBuilder.Story("s-1"));

        // When it is opened again
        await using var again = await SqliteStore.OpenAsync(dir);

        // Then migrations do not run twice and the data is there
        var stats = await again.GetStatsAsync();
        Assert.Equal(1, stats.Articles);
        Assert.Equal(SqliteStore.SchemaVersion, stats.SchemaVersion);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var d in _dirs)
        {
            try { Directory.Delete(d, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
