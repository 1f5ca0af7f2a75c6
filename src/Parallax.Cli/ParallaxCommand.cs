using System.CommandLine;
using Parallax.Cli.Commands;

namespace Parallax.Cli;

/// <summary>The command tree of <c>parallax</c>. <see cref="RunAsync"/> is the testable entry point.</summary>
internal static class ParallaxCommand
{
    /// <summary>The data directory when neither --data-dir nor PARALLAX_DATA_DIR is given.</summary>
    public const string DefaultDataDirectory = ".parallax";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken = default)
    {
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "Folder holding the store (parallax.db) and reports. Default: $PARALLAX_DATA_DIR, else ./.parallax",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARALLAX_DATA_DIR") is { Length: > 0 } d ? d : DefaultDataDirectory,
        };
        var store = new Option<string?>("--store")
        {
            Description = "Use a PostgreSQL store instead of the SQLite file: postgres://user:pass@host:port/db or \"Host=…;Database=…\". Default: $PARALLAX_STORE, else SQLite in --data-dir.",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARALLAX_STORE") is { Length: > 0 } s ? s : null,
        };
        var root = new RootCommand("Parallax: news articles from many outlets turned into a structured, source-attributed picture.");
        root.Options.Add(dataDir);
        root.Options.Add(store);

        CliContext Context(ParseResult r) => new(r.GetValue(dataDir)!, r.GetValue(store), stdout, stderr, interactive);

        root.Subcommands.Add(AnalyzeCommand.Create(Context, report: true));
        root.Subcommands.Add(AnalyzeCommand.Create(Context, report: false));
        root.Subcommands.Add(StoriesCommand.Create(Context));
        root.Subcommands.Add(ShowCommand.Create(Context));
        root.Subcommands.Add(SearchCommand.Create(Context));
        root.Subcommands.Add(ExportCommand.Create(Context));
        root.Subcommands.Add(AlertsCommand.Create(Context));
        root.Subcommands.Add(AlertsCommand.CreateRules(Context));
        root.Subcommands.Add(EvalCommand.Create(Context));
        root.Subcommands.Add(TrainCommand.Create(Context));
        root.Subcommands.Add(GazetteerCommand.Create(Context));
        root.Subcommands.Add(BenchCommand.Create(Context));
        root.Subcommands.Add(ServeCommand.Create(Context));
        root.Subcommands.Add(WorkerCommand.Create(Context));

        Parallax.Nlp.Pipeline.DefaultPipeline.RegisterLayers();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await root.Parse(args).InvokeAsync(config, cts.Token).ConfigureAwait(false);
        }
        catch (Parallax.Core.Storage.StoreException ex)
        {
            stderr.WriteLine($"parallax: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Parallax.Core.Queue.QueueException ex)
        {
            stderr.WriteLine($"parallax: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("parallax: interrupted; what was stored so far is kept, and running the same command again resumes.");
            return ExitCodes.Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
