using Parallax.Core.Storage;
using Parallax.Testing;

namespace Parallax.Storage.Postgres.Tests;

/// <summary>The store contract, run against the PostgreSQL adapter in a fresh database per test.</summary>
[NeedsPostgres]
public sealed class PostgresStoreContractTests : StoreContractTests, IAsyncLifetime
{
    private readonly List<string> _databases = [];

    protected override async Task<IStore> CreateStoreAsync()
    {
        var cs = await PostgresTestServer.CreateDatabaseAsync();
        _databases.Add(cs);
        return await PostgresStore.OpenAsync(cs);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cs in _databases) await PostgresTestServer.DropDatabaseAsync(cs);
    }
}
