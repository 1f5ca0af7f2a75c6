namespace Parallax.Core.Queue;

/// <summary>
/// A lock that every writer of one store takes around story assignment and the save that follows, so that articles
/// are assigned to stories one at a time in commit order, as a single ingest run would, even when several worker
/// processes on several machines share the store. Adapters: an in-process lock (<see cref="LocalStoreWriteLock"/>, for
/// a store only one process writes) and a PostgreSQL advisory lock.
/// </summary>
public interface IStoreWriteLock : IAsyncDisposable
{
    /// <summary>
    /// Waits for the lock and returns a handle that releases it when disposed. Cancelling the wait throws
    /// <see cref="OperationCanceledException"/> without taking the lock.
    /// </summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken = default);
}

/// <summary>An <see cref="IStoreWriteLock"/> within one process (a SemaphoreSlim); enough for an embedded store.</summary>
public sealed class LocalStoreWriteLock : IStoreWriteLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_gate);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Releaser(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
