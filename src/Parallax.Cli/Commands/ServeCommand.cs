using System.CommandLine;
using Parallax.Server;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax serve</c>: the HTTP API and web UI over the store (docs/api.md).</summary>
internal static class ServeCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' as ASP.NET Core takes them. Default: {ServerOptions.DefaultUrl} (this machine only).",
            DefaultValueFactory = _ => ServerOptions.DefaultUrl,
        };
        var apiKeys = new Option<string[]>("--api-key")
        {
            Description = $"A key accepted in the X-Api-Key header (repeat for several). Also read from ${ServerOptions.ApiKeysVariable}. Without any, writes are refused.",
            AllowMultipleArgumentsPerToken = false,
        };
        var keyedReads = new Option<bool>("--keyed-reads") { Description = "Require an API key for reads too (default: reads are open)." };
        var allowPrivate = new Option<bool>("--allow-private-networks") { Description = "Let POST /api/v1/feeds {\"url\"} fetch loopback and private addresses." };
        var maxBytes = new Option<long>("--max-request-bytes")
        {
            Description = "Largest request body accepted, in bytes (default 16 MB); larger ones get 413.",
            DefaultValueFactory = _ => ServerOptions.DefaultMaxRequestBytes,
        };
        var webRoot = new Option<string?>("--web-root") { Description = "Folder of the web UI's static files (default: ./wwwroot, else the one installed beside parallax, else web/dist in the current folder or one above it)." };
        var parallel = new Option<int>("--parallel") { Description = "Articles analysed at once during ingestion (default: number of cores)." };
        var command = new Command("serve", "Serve the JSON API (/api/v1, /openapi/v1.json) and the web UI over the store.");
        command.Options.Add(urls);
        command.Options.Add(apiKeys);
        command.Options.Add(keyedReads);
        command.Options.Add(allowPrivate);
        command.Options.Add(maxBytes);
        command.Options.Add(webRoot);
        command.Options.Add(parallel);
        command.SetAction(async (r, ct) =>
        {
            var ctx = context(r);
            if (r.GetValue(maxBytes) <= 0)
            {
                ctx.Fail("--max-request-bytes must be positive.");
                return ExitCodes.Usage;
            }
            var keys = (r.GetValue(apiKeys) ?? [])
                .Concat(ServerOptions.ParseKeys(Environment.GetEnvironmentVariable(ServerOptions.ApiKeysVariable)))
                .ToList();
            var options = new ServerOptions
            {
                Urls = r.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                DataDirectory = ctx.DataDirectory,
                Store = ctx.Store,
                ApiKeys = keys,
                KeyedReads = r.GetValue(keyedReads),
                AllowPrivateNetworks = r.GetValue(allowPrivate),
                MaxRequestBytes = r.GetValue(maxBytes),
                WebRoot = r.GetValue(webRoot),
                MaxParallelism = r.GetValue(parallel),
            };
            ParallaxServer server;
            try
            {
                server = await ParallaxServer.StartAsync(options, ct).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                ctx.Fail($"cannot listen on {string.Join(", ", options.Urls)}: {ex.Message.TrimEnd('.')}; choose another address with --urls.");
                return ExitCodes.Failure;
            }
            await using (server.ConfigureAwait(false))
            {
                ctx.Error.WriteLine($"parallax: serving on {string.Join(", ", server.Addresses)}; press Ctrl+C to stop.");
                await server.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
