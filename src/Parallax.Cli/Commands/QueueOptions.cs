using System.CommandLine;
using Parallax.Queue.RabbitMq;

namespace Parallax.Cli.Commands;

/// <summary>The --queue and --queue-name options shared by <c>parallax ingest</c> and <c>parallax worker</c>.</summary>
internal static class QueueOptions
{
    /// <summary>Environment variable naming the broker (an AMQP URI).</summary>
    public const string QueueVariable = "PARALLAX_QUEUE";

    /// <summary>Environment variable naming the queue.</summary>
    public const string QueueNameVariable = "PARALLAX_QUEUE_NAME";

    public static Option<string?> Uri(bool ingest) => new("--queue")
    {
        Description = ingest
            ? $"Publish the articles to this RabbitMQ broker (amqp://user:pass@host:5672/) for `parallax worker` instead of analysing them here. Default: ${QueueVariable}."
            : $"The RabbitMQ broker to take articles from (amqp://user:pass@host:5672/). Default: ${QueueVariable}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(QueueVariable) is { Length: > 0 } q ? q : null,
    };

    public static Option<string> Name() => new("--queue-name")
    {
        Description = $"The queue's name (its dead letters go to NAME.dead). Default: ${QueueNameVariable}, else {RabbitMqArticleQueue.DefaultQueueName}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(QueueNameVariable) is { Length: > 0 } n ? n : RabbitMqArticleQueue.DefaultQueueName,
    };
}
