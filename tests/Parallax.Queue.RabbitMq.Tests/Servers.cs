using Parallax.Testing;
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
    public const string PostgresVariable = PostgresTestServer.Variable;

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

    public static string Postgres => PostgresTestServer.ConnectionString;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static Task<string> CreateDatabaseAsync() => PostgresTestServer.CreateDatabaseAsync("px_queue_");

    public static Task DropDatabaseAsync(string connectionString) => PostgresTestServer.DropDatabaseAsync(connectionString);

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
