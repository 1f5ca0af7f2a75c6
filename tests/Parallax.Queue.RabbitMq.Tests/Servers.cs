using Npgsql;
using RabbitMQ.Client;

namespace Parallax.Queue.RabbitMq.Tests;

/// <summary>
/// The RabbitMQ broker and PostgreSQL server the worker tests use: PARALLAX_TEST_RABBITMQ (".ci/rabbitmq.sh") and
/// PARALLAX_TEST_POSTGRES (".ci/postgres.sh"). Outside CI a missing one skips the tests with the reason; under CI=true
/// the tests run and fail, so a missing server never passes silently.
/// </summary>
internal static class Servers
{
    public const string RabbitMqVariable = "PARALLAX_TEST_RABBITMQ";
    public const string PostgresVariable = "PARALLAX_TEST_POSTGRES";

    private static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason
    {
        get
        {
            if (InCi) return null;
            if (Get(RabbitMqVariable) is null) return $"{RabbitMqVariable} is not set; start a broker with: eval \"$(bash .ci/rabbitmq.sh)\"";
            if (Get(PostgresVariable) is null) return $"{PostgresVariable} is not set; start a server with: eval \"$(bash .ci/postgres.sh)\"";
            return null;
        }
    }

    public static string RabbitMq => Get(RabbitMqVariable) ?? throw new InvalidOperationException(
        $"{RabbitMqVariable} is not set but CI=true: the queue tests need a RabbitMQ broker. .ci/run sources .ci/rabbitmq.sh, " +
        "which installs and starts one on 127.0.0.1; see its messages above for why it did not.");

    public static string Postgres => Get(PostgresVariable) ?? throw new InvalidOperationException(
        $"{PostgresVariable} is not set but CI=true: the queue tests need a PostgreSQL server. .ci/run sources .ci/postgres.sh; " +
        "see its messages above for why it did not start.");

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "px_queue_" + Guid.NewGuid().ToString("N");
        await using (var c = new NpgsqlConnection(Postgres))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(Postgres);
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

    /// <summary>Deletes a test queue and its dead-letter queue.</summary>
    public static async Task DeleteQueuesAsync(string queueName)
    {
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queueName, false, false);
        await channel.QueueDeleteAsync(queueName + ".dead", false, false);
    }
}

/// <summary>A fact that needs the broker and the PostgreSQL server: skipped with the reason outside CI when one is missing.</summary>
internal sealed class ServerFactAttribute : FactAttribute
{
    public ServerFactAttribute()
    {
        if (Servers.SkipReason is { } reason) Skip = reason;
    }
}
