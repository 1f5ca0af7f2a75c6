using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parallax.Core.Storage;
using Parallax.Ingest;
using Parallax.Nlp.Ner;
using Parallax.Nlp.Pipeline;
using Parallax.Server.Endpoints;
using Parallax.Server.Ingestion;
using Parallax.Server.Security;
using Parallax.Server.Watch;

namespace Parallax.Server;

/// <summary>
/// The Parallax HTTP service: the versioned JSON API under /api/v1 over the same store and processor the CLI uses,
/// its OpenAPI document at /openapi/v1.json, /health, and the web UI's static files from the web root. See docs/api.md.
/// </summary>
/// <remarks>
/// Create with <see cref="StartAsync"/>; the instance is listening when it returns. Thread-safe. Dispose (or
/// <see cref="StopAsync"/>) to stop listening and close the store. Secrets (API keys, passwords in
/// <see cref="ServerOptions.Store"/>) are never logged.
/// </remarks>
public sealed partial class ParallaxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ParallaxServer(WebApplication app, IReadOnlyList<string> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The addresses actually listened on (a requested port 0 shows the port chosen), e.g. "http://127.0.0.1:5080".</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>The running application's services, for hosts that need them.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Opens the store, builds the application and starts listening.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range (no URL, a non-positive request limit).</exception>
    /// <exception cref="StoreException">PX2xxx: the store could not be opened; the message names it without its password.</exception>
    /// <exception cref="IOException">An address could not be bound (in use, not local).</exception>
    public static async Task<ParallaxServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Urls.Count == 0) throw new ArgumentException("Give at least one URL to listen on, e.g. http://127.0.0.1:5080.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRequestBytes, nameof(options));

        var app = Build(options);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Parallax.Server");
        var holder = app.Services.GetRequiredService<StoreHolder>();
        LogOpening(logger, options.Store is null ? Path.GetFullPath(options.DataDirectory) : Secrets.Redact(options.Store));
        try
        {
            await holder.OpenAsync(options, cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, Secrets.Redact(ex.Message));
            await app.DisposeAsync();
            throw;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [.. options.Urls];
        var keys = app.Services.GetRequiredService<ApiKeyVerifier>().Count;
        LogListening(logger, string.Join(", ", addresses), Secrets.Redact(holder.Store.Location), keys,
            options.KeyedReads ? "keyed" : "open", app.Environment.WebRootPath ?? "(none)");
        if (keys == 0) LogNoKeys(logger, ServerOptions.ApiKeysVariable);
        return new ParallaxServer(app, addresses);
    }

    /// <summary>Completes when the server has been asked to stop (Ctrl+C, SIGTERM, <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening, letting requests in flight finish within the host's shutdown timeout.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Stops the server if needed and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static WebApplication Build(ServerOptions options)
    {
        var contentRoot = Path.GetFullPath(options.ContentRoot ?? Directory.GetCurrentDirectory());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = contentRoot,
            WebRootPath = WebRootOf(options, contentRoot),
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is null)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            });
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }
        else
        {
            options.ConfigureLogging(builder.Logging);
        }

        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });

        // The entity layer must be known before stored documents are read back.
        EntityLayers.Register();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<StoreHolder>();
        services.AddSingleton<StoryCache>();
        services.AddSingleton<WatchRules>();
        services.AddSingleton(new ApiKeyVerifier(options.ApiKeys));
        services.AddSingleton(options.Pipeline ?? DefaultPipeline.Create());
        services.AddSingleton(_ => new SourceReader(new IngestOptions { MaxBytes = options.MaxRequestBytes, AllowPrivateNetworks = options.AllowPrivateNetworks }));
        services.AddSingleton<RequestInputs>();
        services.AddSingleton<IngestQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestQueue>());
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<OpenApiInfo>());

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleExceptionAsync,
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<AccessMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var api = app.MapGroup("/api/v1");
        IngestEndpoints.Map(api);
        StoryEndpoints.Map(api);
        StoryViewEndpoints.Map(api);
        StoryAnalysisEndpoints.Map(api);
        StoreAnalysisEndpoints.Map(api);
        ArticleEndpoints.Map(api);
        EntityEndpoints.Map(api);
        ExportEndpoints.Map(api);
        AlertEndpoints.Map(api);
        WatchEndpoints.Map(api);
        app.MapGet("/health", HealthAsync).WithName("Health").WithSummary("Liveness and store counts.").Produces<HealthReport>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.Map("/api/{**rest}", (HttpRequest request) => Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: no API endpoint answers {request.Method} {request.Path}; see /openapi/v1.json for the list."))
            .ExcludeFromDescription();
        app.MapFallback(StaticFallback.ServeIndexAsync).ExcludeFromDescription();
        return app;
    }

    internal static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // ASP.NET Core relaxes escaping by default; article text is hostile input, so '<', '>' and '&' leave escaped.
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static string WebRootOf(ServerOptions options, string contentRoot)
    {
        if (options.WebRoot is not null) return Path.GetFullPath(options.WebRoot);
        // A folder counts only when it holds the UI: an empty wwwroot must not hide web/dist.
        var beside = Path.Combine(contentRoot, "wwwroot");
        if (File.Exists(Path.Combine(beside, "index.html"))) return beside;
        // Installed builds carry the UI next to the assembly.
        var installed = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(installed, "index.html"))) return installed;
        // In a checkout, `npm run build` in web/ leaves the UI in web/dist: found from the content root or a folder above it.
        return WebDistAbove(contentRoot) ?? beside;
    }

    /// <summary>The first web/dist holding an index.html in <paramref name="start"/> or a folder above it, or null.</summary>
    internal static string? WebDistAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var dist = Path.Combine(dir.FullName, "web", "dist");
            if (File.Exists(Path.Combine(dist, "index.html"))) return dist;
        }
        return null;
    }

    private static async Task<IResult> HealthAsync(StoreHolder store, CancellationToken ct)
    {
        var stats = await store.Store.GetStatsAsync(ct);
        return TypedResults.Ok(new HealthReport("ok", stats.Articles, stats.Stories, stats.SchemaVersion));
    }

    private static async Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Parallax.Server");
        IResult result;
        switch (error)
        {
            case StoreException { Code: StoreErrorCode.BadQuery } bad:
                result = Problems.Result(StatusCodes.Status400BadRequest, Code(bad.Code), "Bad search query", Secrets.Redact(bad.Message));
                break;
            case StoreException store:
                LogRequestFailed(logger, context.Request.Method, context.Request.Path, Secrets.Redact(store.ToString()));
                result = Problems.Result(StatusCodes.Status503ServiceUnavailable, Code(store.Code), "Store unavailable", Secrets.Redact(store.Message));
                break;
            case WatchRulesBrokenException rules:
                result = AlertEndpoints.BrokenRules(rules.Error);
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                result = Problems.TooLarge(context.RequestServices.GetRequiredService<ServerOptions>().MaxRequestBytes);
                break;
            case BadHttpRequestException bad:
                result = Problems.BadRequest($"{Problems.Format(ApiErrorCode.BadRequest)}: {bad.Message}");
                break;
            default:
                LogRequestFailed(logger, context.Request.Method, context.Request.Path, Secrets.Redact(error?.ToString()));
                result = Problems.Result(StatusCodes.Status500InternalServerError, ApiErrorCode.Internal, "Internal error",
                    $"{Problems.Format(ApiErrorCode.Internal)}: the request failed unexpectedly; the server log has the details.");
                break;
        }
        await result.ExecuteAsync(context);
    }

    private static string Code(StoreErrorCode code) => "PX" + ((int)code).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opening the store {Store}")]
    private static partial void LogOpening(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Parallax API listening on {Addresses}; store {Store}; {Keys} API key(s); reads {Reads}; web root {WebRoot}")]
    private static partial void LogListening(ILogger logger, string addresses, string store, int keys, string reads, string webRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key is configured: every write is refused with 401. Start with --api-key KEY or set {Variable}.")]
    private static partial void LogNoKeys(ILogger logger, string variable);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed: {Error}")]
    private static partial void LogRequestFailed(ILogger logger, string method, string path, string error);
}

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">"ok" when the store answers.</param>
/// <param name="Articles">Stored articles.</param>
/// <param name="Stories">Stories.</param>
/// <param name="SchemaVersion">The store's schema version.</param>
public sealed record HealthReport(string Status, int Articles, int Stories, int SchemaVersion);
