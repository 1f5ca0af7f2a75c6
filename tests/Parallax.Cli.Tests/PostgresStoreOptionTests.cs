using Npgsql;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>A fact that needs the test PostgreSQL server (.ci/postgres.sh exports PARALLAX_TEST_POSTGRES).
/// In CI (CI=true) a missing server is a failure, not a skip.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PARALLAX_TEST_POSTGRES"))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = "PARALLAX_TEST_POSTGRES is not set; run `eval \"$(bash .ci/postgres.sh)\"` to start the test server.";
    }
}

public sealed class PostgresStoreOptionTests
{
    [PostgresFact]
    public async Task Ingest_WithStoreOption_StoresInPostgresAndListsStories()
    {
        // Given a fresh database on the test server
        var server = Environment.GetEnvironmentVariable("PARALLAX_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PARALLAX_TEST_POSTGRES is not set although CI=true: .ci/run must start PostgreSQL (.ci/postgres.sh).");
        var name = "cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        using var cli = new CliRunner();
        var samples = Path.Combine(SharedData.RepoRoot!, "samples");

        // When the samples are ingested into it, twice
        var (code, _, err) = await cli.RunAsync("ingest", samples, "--store", connection);
        var (again, second, _) = await cli.RunAsync("ingest", samples, "--store", connection);

        // Then the articles are stored once and the stories are listed from PostgreSQL
        Assert.True(code == 0, err);
        Assert.Equal(0, again);
        Assert.Contains("already stored", second, StringComparison.Ordinal);
        var (listed, stdout, _) = await cli.RunAsync("stories", "--store", connection);
        Assert.Equal(0, listed);
        Assert.Contains("Dariv", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.DataDir, "parallax.db")));
    }
}
