namespace Parallax.Ingest;

/// <summary>How <see cref="SourceReader"/> reads its inputs. Immutable; one instance can serve many readers.</summary>
public sealed record IngestOptions
{
    /// <summary>The default size limit: 10 MB.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <summary>
    /// The largest input read, in bytes: a file on disk, stdin, a download, and the decompressed size of a gzip file.
    /// Larger inputs are refused with PX3005. Must be positive.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// When false (the default) URLs whose host resolves to loopback, link-local, private, shared (CGNAT),
    /// unspecified or multicast addresses are refused with PX3009 before any request is sent.
    /// </summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>How long one download may take in total, redirects included. Must be positive.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many HTTP redirects one download may follow.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The User-Agent sent with downloads.</summary>
    public string UserAgent { get; init; } = "Parallax/1.0 (article ingestion)";

    /// <summary>Opens the stream read for the input "-". Null means the process's standard input.</summary>
    public Func<Stream>? StandardInput { get; init; }
}
