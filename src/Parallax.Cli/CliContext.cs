using Parallax.Storage.Sqlite;
using Spectre.Console;

namespace Parallax.Cli;

/// <summary>Shared services of one CLI invocation: consoles and the data directory.</summary>
internal sealed class CliContext
{
    public CliContext(string dataDirectory, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        DataDirectory = dataDirectory;
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
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public bool Interactive { get; }
    public IAnsiConsole Console { get; }
    public IAnsiConsole ErrorConsole { get; }

    public Task<SqliteStore> OpenStoreAsync(CancellationToken ct) => SqliteStore.OpenAsync(DataDirectory, ct);

    public string ReportDirectory => Path.Combine(DataDirectory, "reports");

    public void Fail(string message) => Error.WriteLine($"parallax: {message}");
}
