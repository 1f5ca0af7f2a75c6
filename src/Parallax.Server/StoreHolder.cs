using Parallax.Core.Storage;
using Parallax.Server.Security;
using Parallax.Storage.Postgres;
using Parallax.Storage.Sqlite;

namespace Parallax.Server;

/// <summary>
/// The one store the server uses for its lifetime, opened at start-up the way the CLI opens it (PostgreSQL when
/// --store names one, else SQLite in the data directory) and disposed at shutdown.
/// </summary>
internal sealed class StoreHolder : IAsyncDisposable
{
    private IStore? _store;

    public IStore Store => _store ?? throw new InvalidOperationException("The store is opened before the server starts listening.");

    public async Task OpenAsync(ServerOptions options, CancellationToken ct)
    {
        if (options.Store is null)
        {
            _store = await SqliteStore.OpenAsync(options.DataDirectory, ct);
            return;
        }
        if (!PostgresStore.IsPostgresLocation(options.Store))
        {
            throw new StoreException(StoreErrorCode.OpenFailed,
                $"--store '{Secrets.Redact(options.Store)}' is not a PostgreSQL URI (postgres://user@host/db) or connection string (Host=…;Database=…); omit it to use SQLite in --data-dir.");
        }
        try
        {
            _store = await PostgresStore.OpenAsync(options.Store, ct);
        }
        catch (StoreException ex)
        {
            // The adapter names the server without its password, but a driver message may echo settings: redact again.
            var message = Secrets.Redact(ex.Message);
            var prefix = "PX" + ((int)ex.Code).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ";
            throw new StoreException(ex.Code, message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
