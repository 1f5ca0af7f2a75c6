using Parallax.Nlp.Documents;

namespace Parallax.Core.Queue;

/// <summary>
/// The port between <c>parallax ingest --queue</c> and <c>parallax worker</c>: a durable queue of ingested sources.
/// Adapter: RabbitMQ (Parallax.Queue.RabbitMq).
/// </summary>
/// <remarks>
/// Contract: <see cref="PublishAsync"/> returns only after the broker has taken responsibility for the message
/// (persisted and confirmed). <see cref="ConsumeAsync"/> delivers each message at least once: a message is removed
/// only when the handler answers <see cref="DeliveryAction.Ack"/>; when a consumer dies before answering, the broker
/// delivers the message again, possibly to another consumer. Handlers must therefore be idempotent (the store's
/// content-hash idempotency makes <see cref="QueueWorker"/> so).
/// </remarks>
public interface IArticleQueue : IAsyncDisposable
{
    /// <summary>Where the queue lives, for messages, without any password ("amqp://user@host:5672/ queue parallax.articles").</summary>
    string Location { get; }

    /// <summary>Publishes one source as a persistent message and waits for the broker's confirmation.</summary>
    /// <exception cref="QueueException">PX2101 when the broker cannot be reached or refuses the message.</exception>
    Task PublishAsync(DocumentSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers messages to <paramref name="handler"/>, at most <paramref name="prefetch"/> at once (the handler is
    /// called concurrently up to that many times), until <paramref name="cancellationToken"/> is cancelled. Then it
    /// stops taking messages, waits for the handlers in flight to answer, and returns. A handler that throws
    /// <see cref="OperationCanceledException"/> or any other exception gets its message requeued.
    /// </summary>
    /// <exception cref="QueueException">PX2101 when the connection to the broker is lost or cannot be made.</exception>
    Task ConsumeAsync(Func<QueueDelivery, CancellationToken, Task<DeliveryVerdict>> handler, int prefetch, CancellationToken cancellationToken);
}

/// <summary>One message handed to a consumer.</summary>
/// <param name="Body">The message body (<see cref="ArticleMessage"/>); valid only until the handler returns.</param>
/// <param name="Redelivered">True when the broker delivered this message before (a consumer died or requeued it).</param>
public sealed record QueueDelivery(ReadOnlyMemory<byte> Body, bool Redelivered);

/// <summary>What to do with a delivered message.</summary>
public enum DeliveryAction
{
    /// <summary>Done (stored, or already stored): remove it from the queue.</summary>
    Ack,
    /// <summary>It can never succeed (bad input): move it to the dead-letter queue with the error, and carry on.</summary>
    DeadLetter,
    /// <summary>It failed for a passing reason (store unreachable, shutting down): put it back for a later try.</summary>
    Requeue,
}

/// <summary>A handler's answer for one message.</summary>
/// <param name="Action">What the queue does with the message.</param>
/// <param name="Error">Why, for <see cref="DeliveryAction.DeadLetter"/> and <see cref="DeliveryAction.Requeue"/>; kept with a dead letter.</param>
public sealed record DeliveryVerdict(DeliveryAction Action, string? Error = null)
{
    /// <summary>The message is done.</summary>
    public static DeliveryVerdict Ack { get; } = new(DeliveryAction.Ack);
}

/// <summary>Stable queue error codes (PX21xx, beside the store's PX20xx).</summary>
public enum QueueErrorCode
{
    /// <summary>PX2101: the broker could not be reached, refused the message, or the connection was lost.</summary>
    BrokerUnavailable = 2101,
    /// <summary>PX2102: the queue location is not a valid amqp:// or amqps:// URI.</summary>
    BadLocation = 2102,
}

/// <summary>A queue error with a stable PX21xx code and advice.</summary>
public sealed class QueueException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueueException(QueueErrorCode code, string message, Exception? inner = null)
        : base($"PX{(int)code}: {message}", inner) => Code = code;

    /// <summary>The stable code.</summary>
    public QueueErrorCode Code { get; }
}
