using Microsoft.Extensions.Logging;
using Parallax.Nlp.Pipeline;

namespace Parallax.Server;

/// <summary>
/// How <see cref="ParallaxServer"/> listens, where its store is and how it guards access. Immutable; validated by
/// <see cref="ParallaxServer.StartAsync"/>.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The address used when none is given: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The default largest request body: 16 MB.</summary>
    public const long DefaultMaxRequestBytes = 16L * 1024 * 1024;

    /// <summary>The environment variable holding API keys (separated by commas, semicolons or white space).</summary>
    public const string ApiKeysVariable = "PARALLAX_API_KEYS";

    /// <summary>Addresses to listen on, as ASP.NET Core's <c>--urls</c> takes them ("http://127.0.0.1:0" picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The folder holding the SQLite store, used when <see cref="Store"/> is null.</summary>
    public string DataDirectory { get; init; } = ".parallax";

    /// <summary>A PostgreSQL URI or connection string, or null for SQLite in <see cref="DataDirectory"/>. Never logged unredacted.</summary>
    public string? Store { get; init; }

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header. Empty: every write (and keyed read) is refused with 401.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>When true, reads under /api need a key too; when false (default) they are open.</summary>
    public bool KeyedReads { get; init; }

    /// <summary>When true, <c>POST /api/v1/feeds {"url": …}</c> may fetch loopback and private addresses.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>The largest request body accepted, in bytes; larger ones get 413 (PX4006). Also the per-download limit.</summary>
    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>The content root (default: the current directory); its <c>wwwroot</c> is the web root unless <see cref="WebRoot"/> is set.</summary>
    public string? ContentRoot { get; init; }

    /// <summary>The folder of static files (the web UI) served outside /api, or null for the default (see docs/api.md).</summary>
    public string? WebRoot { get; init; }

    /// <summary>Documents analysed at once during ingestion (0: number of cores).</summary>
    public int MaxParallelism { get; init; }

    /// <summary>The per-document pipeline ingestion runs; null uses <see cref="DefaultPipeline.Create"/>, as the CLI does.</summary>
    public DocumentPipeline? Pipeline { get; init; }

    /// <summary>The clock stamped on stored articles and stories.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Configures logging; null writes single-line console logs. Called after the default providers are cleared.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>
    /// Splits a key list as given in <see cref="ApiKeysVariable"/>: separated by commas, semicolons or white space,
    /// blanks dropped. Null or empty gives no keys.
    /// </summary>
    public static IReadOnlyList<string> ParseKeys(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
