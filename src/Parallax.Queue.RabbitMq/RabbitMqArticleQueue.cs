using System.Globalization;
using System.Text;
using Parallax.Core.Queue;
using Parallax.Nlp.Documents;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Parallax.Queue.RabbitMq;

/// <summary>
/// <see cref="IArticleQueue"/> on RabbitMQ: a durable queue (default <see cref="DefaultQueueName"/>) on the default
/// exchange, persistent messages, publisher confirms, manual acknowledgements with a prefetch limit, and a durable
/// dead-letter queue named after it with ".dead" appended.
/// </summary>
/// <remarks>
/// <para>Dead letters are republished (persistent, confirmed) to the dead-letter queue with the error in the header
/// <see cref="ErrorHeader"/>, then the original is acknowledged; messages the broker itself rejects go there too.</para>
/// <para>The connection does not recover by itself: when it is lost, <see cref="ConsumeAsync"/> throws PX2101 and the
/// unacknowledged messages return to the queue, so a supervisor (systemd, Kubernetes) restarts the worker. Publishing
/// and consuming may run at the same time from several threads.</para>
/// </remarks>
public sealed class RabbitMqArticleQueue : IArticleQueue
{
    /// <summary>The queue used when none is named.</summary>
    public const string DefaultQueueName = "parallax.articles";

    /// <summary>The header that carries a dead letter's error text.</summary>
    public const string ErrorHeader = "x-parallax-error";

    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly SemaphoreSlim _publishGate = new(1, 1);

    private RabbitMqArticleQueue(IConnection connection, IChannel publisher, string queueName, string location)
    {
        _connection = connection;
        _publisher = publisher;
        QueueName = queueName;
        Location = location;
    }

    /// <summary>The queue's name.</summary>
    public string QueueName { get; }

    /// <summary>The dead-letter queue's name (<see cref="QueueName"/> + ".dead").</summary>
    public string DeadLetterQueueName => QueueName + ".dead";

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>
    /// Connects to the broker at <paramref name="uri"/> (amqp://user:password@host:5672/vhost, or amqps://) and
    /// declares the queue and its dead-letter queue (durable; declaring again is harmless).
    /// </summary>
    /// <exception cref="QueueException">PX2102 for a malformed URI; PX2101 when the broker cannot be reached or refuses the login.</exception>
    public static async Task<RabbitMqArticleQueue> ConnectAsync(string uri, string queueName = DefaultQueueName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        if (!IsAmqpUri(uri, out var parsed))
            throw new QueueException(QueueErrorCode.BadLocation, $"'{Redact(uri)}' is not an AMQP URI; give amqp://user:password@host:5672/ (or amqps://).");
        var location = $"{Redact(uri)} queue {queueName}";
        var factory = new ConnectionFactory
        {
            Uri = parsed,
            // A lost connection ends the worker with PX2101 and its messages are redelivered; see the remarks.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
        };
        IConnection? connection = null;
        try
        {
            connection = await factory.CreateConnectionAsync("parallax " + Environment.MachineName, cancellationToken).ConfigureAwait(false);
            var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken).ConfigureAwait(false);
            await DeclareAsync(publisher, queueName, cancellationToken).ConfigureAwait(false);
            return new RabbitMqArticleQueue(connection, publisher, queueName, location);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            throw new QueueException(QueueErrorCode.BrokerUnavailable, $"Cannot use the queue at {location}: {ex.Message}. Check that RabbitMQ runs and accepts this user, or choose another --queue.", ex);
        }
    }

    /// <summary>True when <paramref name="value"/> is an amqp:// or amqps:// URI.</summary>
    public static bool IsAmqpUri(string value, out Uri parsed)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == "amqp" || u.Scheme == "amqps") && u.Host.Length > 0)
        {
            parsed = u;
            return true;
        }
        parsed = null!;
        return false;
    }

    private static async Task DeclareAsync(IChannel channel, string queueName, CancellationToken ct)
    {
        await channel.QueueDeclareAsync(queueName + ".dead", durable: true, exclusive: false, autoDelete: false, arguments: null,
            cancellationToken: ct).ConfigureAwait(false);
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = queueName + ".dead",
        };
        await channel.QueueDeclareAsync(queueName, durable: true, exclusive: false, autoDelete: false, arguments: arguments,
            cancellationToken: ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PublishAsync(DocumentSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = ArticleMessage.ContentType,
            MessageId = source.ContentHash,
            Type = ArticleMessage.Format,
        };
        await PublishCoreAsync(QueueName, properties, ArticleMessage.Serialize(source), cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishCoreAsync(string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        await _publishGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // With confirmation tracking on, this returns once the broker confirmed the message, and throws when it
            // nacks it or returns it as unroutable (mandatory).
            await _publisher.BasicPublishAsync("", routingKey, mandatory: true, properties, body, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PublishException or OperationInterruptedException or AlreadyClosedException or IOException)
        {
            throw new QueueException(QueueErrorCode.BrokerUnavailable, $"The broker at {Location} did not take the message: {ex.Message}.", ex);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ConsumeAsync(Func<QueueDelivery, CancellationToken, Task<DeliveryVerdict>> handler, int prefetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(prefetch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefetch, ushort.MaxValue);
        IChannel channel;
        try
        {
            channel = await _connection.CreateChannelAsync(
                new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)prefetch), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            throw new QueueException(QueueErrorCode.BrokerUnavailable, $"Cannot consume from {Location}: {ex.Message}.", ex);
        }
        await using var _ = channel.ConfigureAwait(false);

        // Handlers see this token: it fires on the caller's cancellation, so analysis in flight stops and is requeued.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int inFlight = 0;
        int stopped = 0;

        channel.ChannelShutdownAsync += (_, e) =>
        {
            if (Volatile.Read(ref stopped) == 0)
                lost.TrySetResult(new QueueException(QueueErrorCode.BrokerUnavailable, $"The connection to {Location} was lost: {e.ReplyText}.", e.Exception));
            return Task.CompletedTask;
        };

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            Interlocked.Increment(ref inFlight);
            try
            {
                await DeliverAsync(channel, handler, delivery, stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                if (Interlocked.Decrement(ref inFlight) == 0 && Volatile.Read(ref stopped) == 1) idle.TrySetResult();
            }
        };

        string tag;
        try
        {
            await channel.BasicQosAsync(0, (ushort)prefetch, false, cancellationToken).ConfigureAwait(false);
            tag = await channel.BasicConsumeAsync(QueueName, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            throw new QueueException(QueueErrorCode.BrokerUnavailable, $"Cannot consume from {Location}: {ex.Message}.", ex);
        }

        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        var first = await Task.WhenAny(cancelled, lost.Task).ConfigureAwait(false);
        if (first == lost.Task) throw await lost.Task.ConfigureAwait(false);

        // A clean stop: take no more messages, let the handlers in flight answer, then close (which returns any
        // prefetched message nobody started to the queue).
        Volatile.Write(ref stopped, 1);
        try
        {
            await channel.BasicCancelAsync(tag, false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            // The channel is already gone; its messages are back in the queue.
        }
        if (Volatile.Read(ref inFlight) > 0) await Task.WhenAny(idle.Task, lost.Task).ConfigureAwait(false);
        try
        {
            await channel.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            // Closed by the broker meanwhile.
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task DeliverAsync(IChannel channel, Func<QueueDelivery, CancellationToken, Task<DeliveryVerdict>> handler,
        BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        DeliveryVerdict verdict;
        try
        {
            verdict = await handler(new QueueDelivery(delivery.Body, delivery.Redelivered), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            verdict = new DeliveryVerdict(DeliveryAction.Requeue, "stopped before the article was committed");
        }
        catch (Exception ex)
        {
            verdict = new DeliveryVerdict(DeliveryAction.Requeue, ex.Message);
            // A store or broker outage: wait a moment so the message does not spin between workers.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping; requeue at once.
            }
        }

        try
        {
            switch (verdict.Action)
            {
                case DeliveryAction.Ack:
                    await channel.BasicAckAsync(delivery.DeliveryTag, false, CancellationToken.None).ConfigureAwait(false);
                    break;
                case DeliveryAction.DeadLetter:
                    await DeadLetterAsync(delivery, verdict.Error ?? "rejected").ConfigureAwait(false);
                    await channel.BasicAckAsync(delivery.DeliveryTag, false, CancellationToken.None).ConfigureAwait(false);
                    break;
                default:
                    await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: true, CancellationToken.None).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException or QueueException)
        {
            // The channel is gone: the broker requeues the unacknowledged message by itself, and ConsumeAsync reports the loss.
        }
    }

    private async Task DeadLetterAsync(BasicDeliverEventArgs delivery, string error)
    {
        var p = delivery.BasicProperties;
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = p.ContentType,
            MessageId = p.MessageId,
            Type = p.Type,
            Headers = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [ErrorHeader] = Encoding.UTF8.GetBytes(error),
                ["x-parallax-queue"] = Encoding.UTF8.GetBytes(QueueName),
                ["x-parallax-redelivered"] = delivery.Redelivered ? 1 : 0,
                ["x-parallax-host"] = Encoding.UTF8.GetBytes(Environment.MachineName),
            },
        };
        await PublishCoreAsync(DeadLetterQueueName, properties, delivery.Body.ToArray(), CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _publisher.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            await _connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or IOException)
        {
            // Already closed by the broker or the network.
        }
        await _publisher.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _publishGate.Dispose();
    }

    /// <summary>The URI without its password, for messages.</summary>
    internal static string Redact(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u)) return "(unparsable queue URI)";
        var user = u.UserInfo.Split(':', 2)[0];
        var port = u.IsDefaultPort ? "" : ":" + u.Port.ToString(CultureInfo.InvariantCulture);
        return $"{u.Scheme}://{(user.Length > 0 ? user + "@" : "")}{u.Host}{port}{u.AbsolutePath}";
    }
}
