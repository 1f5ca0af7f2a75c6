using System.Globalization;
using Parallax.Core.Queue;
using Parallax.Ingest;
using Parallax.Queue.RabbitMq;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax ingest --queue</c>: reads the inputs as ingest does and publishes each article for the workers.</summary>
internal static class QueueIngest
{
    public static async Task<int> RunAsync(CliContext ctx, string queueUri, string queueName, IReadOnlyList<string> inputs,
        IngestOptions ingestOptions, bool verbose, CancellationToken ct)
    {
        await using var queue = await RabbitMqArticleQueue.ConnectAsync(queueUri, queueName, ct).ConfigureAwait(false);
        using var http = new HttpClient();
        var reader = new SourceReader(ingestOptions, http);
        int published = 0, failed = 0;
        // The same text under two names is one article: publish it once per run (workers skip it anyway).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int repeated = 0;
        await foreach (var item in reader.ReadAsync(inputs, ct).ConfigureAwait(false))
        {
            switch (item)
            {
                case IngestedSource ok:
                    foreach (var w in ok.Warnings) ctx.Error.WriteLine($"warning {ok.Source.SourceId}: {w.Message}");
                    if (!seen.Add(ok.Source.ContentHash))
                    {
                        repeated++;
                        continue;
                    }
                    await queue.PublishAsync(ok.Source, ct).ConfigureAwait(false);
                    published++;
                    if (verbose) ctx.Error.WriteLine($"queued  {ok.Source.SourceId} → {ok.Source.ContentHash}");
                    break;
                case IngestFailure f:
                    failed++;
                    ctx.Error.WriteLine($"error   {f.SourceId}: {f.Message}");
                    break;
            }
        }
        var table = new Table().AddColumns("queued", "repeated", "failed", "queue");
        table.AddRow(I(published), I(repeated), I(failed), Markup.Escape(queue.Location));
        ctx.Console.Write(table);
        if (failed == 0) return ExitCodes.Success;
        return published > 0 ? ExitCodes.Partial : ExitCodes.Failure;
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
