using Parallax.Core.Storage;
using Parallax.Storage.Postgres;
using Parallax.Storage.Sqlite;
using Spectre.Console;

namespace Parallax.Cli;

/// <summary>Shared services of one CLI invocation: consoles and the data directory.</summary>
internal sealed class CliContext
{
    public CliContext(string dataDirectory, string? store, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        DataDirectory = dataDirectory;
        Store = store;
        Out = stdout;
        Error = stderr;
        Interactive = interactive;
        AnsiConsoleSettings Settings(TextWriter writer) => new()
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        };
        Console = AnsiConsole.Create(Settings(stdout));
        ErrorConsole = AnsiConsole.Create(Settings(stderr));
        if (!interactive)
        {
            Console.Profile.Width = 160;
            ErrorConsole.Profile.Width = 160;
        }
    }

    public string DataDirectory { get; }

    /// <summary>A PostgreSQL URI or connection string from --store / PARALLAX_STORE, or null for the SQLite file in the data directory.</summary>
    public string? Store { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public bool Interactive { get; }
    public IAnsiConsole Console { get; }
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Opens the store: PostgreSQL when --store names one, else SQLite in the data directory.</summary>
    public async Task<IStore> OpenStoreAsync(CancellationToken ct)
    {
        if (Store is null) return await SqliteStore.OpenAsync(DataDirectory, ct).ConfigureAwait(false);
        if (!PostgresStore.IsPostgresLocation(Store))
            throw new StoreException(StoreErrorCode.OpenFailed, $"--store '{Redact(Store)}' is not a PostgreSQL URI (postgres://user@host/db) or connection string (Host=…;Database=…); omit it to use SQLite in --data-dir.");
        return await PostgresStore.OpenAsync(Store, ct).ConfigureAwait(false);
    }

    private static string Redact(string s) => System.Text.RegularExpressions.Regex.Replace(s, "(?i)(password=)[^;]*|(://[^:/@]+:)[^@]*@", m => m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***@");

    public string ReportDirectory => Path.Combine(DataDirectory, "reports");

    public void Fail(string message) => Error.WriteLine($"parallax: {message}");
}
