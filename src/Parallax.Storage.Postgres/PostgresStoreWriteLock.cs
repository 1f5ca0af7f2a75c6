using Npgsql;
using Parallax.Core.Queue;
using Parallax.Core.Storage;

namespace Parallax.Storage.Postgres;

/// <summary>
/// The write lock of a shared PostgreSQL store: a session-level advisory lock (key "PRLX", 3) held on one dedicated
/// connection, so that workers on any number of machines assign stories one at a time. When a worker process dies
/// its connection closes and the server releases the lock at once.
/// </summary>
/// <remarks>
/// One instance per process; <see cref="AcquireAsync"/> calls are serialised inside the process too. If the lock's
/// connection breaks while held, the lock is lost: <see cref="AcquireAsync"/> reconnects next time, and the release
/// reports nothing (the caller's store save has its own transaction). Errors are <see cref="StoreException"/> PX2001.
/// </remarks>
public sealed class PostgresStoreWriteLock : IStoreWriteLock
{
    // Same class id as the store's own advisory locks ("PRLX"); 1 and 2 are the store's migrations and sequence.
    private const int LockClass = 0x50524C58;
    private const int StoryAssignmentLock = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _location;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;

    private PostgresStoreWriteLock(NpgsqlDataSource dataSource, string location)
    {
        _dataSource = dataSource;
        _location = location;
    }

    /// <summary>
    /// Creates the lock for the store at <paramref name="connectionString"/> (the same forms
    /// <see cref="PostgresStore.OpenAsync"/> takes). Connects lazily, on the first <see cref="AcquireAsync"/>.
    /// </summary>
    /// <exception cref="StoreException">PX2001 when the settings are malformed.</exception>
    public static PostgresStoreWriteLock Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = ConnectionStrings.Parse(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StoreException(StoreErrorCode.OpenFailed, $"The PostgreSQL connection settings are not valid: {ex.Message}.", ex);
        }
        // Its own small pool: the lock's connection must never be one a store operation waits for.
        settings.MaxPoolSize = 2;
        settings.ApplicationName = "parallax write lock";
        return new PostgresStoreWriteLock(NpgsqlDataSource.Create(settings), ConnectionStrings.Describe(settings));
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    _connection ??= await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", _connection);
                    cmd.Parameters.AddWithValue(LockClass);
                    cmd.Parameters.AddWithValue(StoryAssignmentLock);
                    // Cancelling the wait cancels the statement on the server; the lock is then not taken.
                    await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    return new Handle(this);
                }
                catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // A broken connection (server restart, network): drop it and try once more on a new one.
                    await DropConnectionAsync().ConfigureAwait(false);
                    if (attempt >= 2)
                        throw new StoreException(StoreErrorCode.OpenFailed, $"Cannot take the story-assignment lock on '{_location}': {ex.Message}.", ex);
                }
                catch (OperationCanceledException)
                {
                    // The connection may be left mid-statement; a fresh one is cheaper than finding out.
                    await DropConnectionAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", _connection);
                cmd.Parameters.AddWithValue(LockClass);
                cmd.Parameters.AddWithValue(StoryAssignmentLock);
                await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and with it the lock.
            await DropConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is null) return;
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Already broken; nothing to release.
        }
        _connection = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private sealed class Handle(PostgresStoreWriteLock owner) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) await owner.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
