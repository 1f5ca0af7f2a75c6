using Npgsql;

namespace Parallax.Testing;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in PARALLAX_TEST_POSTGRES (".ci/postgres.sh" starts
/// one on 127.0.0.1 and sets it). Its role must be allowed to create databases: each test gets a fresh one. Shared by
/// the store, queue and server test projects.
/// </summary>
public static class PostgresTestServer
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "PARALLAX_TEST_POSTGRES";

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why server tests are skipped, or null when they run. Under CI=true they always run, so a missing server fails
    /// the suite instead of passing it silently.
    /// </summary>
    public static string? SkipReason =>
        Configured is null && !InCi
            ? $"{Variable} is not set; start a server with: eval \"$(bash .ci/postgres.sh)\""
            : null;

    /// <summary>The environment variable's value, or null when it is unset or empty.</summary>
    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    /// <summary>The configured connection string; throws with a clear message when there is none.</summary>
    public static string ConnectionString => Configured ?? throw new InvalidOperationException(
        $"{Variable} is not set but CI=true: the PostgreSQL store tests need a server. .ci/run sources .ci/postgres.sh, " +
        "which installs and starts one on 127.0.0.1; see its messages above for why it did not.");

    /// <summary>Creates an empty database named <paramref name="prefix"/> plus a fresh GUID and returns a connection string for it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "px_test_")
    {
        var name = prefix + Guid.NewGuid().ToString("N");
        await using (var c = new NpgsqlConnection(ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> once the stores using it are disposed.</summary>
    /// <remarks>
    /// Plain DROP DATABASE stops autovacuum workers by itself; WITH (FORCE) would need rights over them. A connection
    /// still closing gets a few moments.
    /// </remarks>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", c);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 40)
            {
                await Task.Delay(250);
            }
        }
    }
}
