using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Parallax.Ingest;

/// <summary>
/// Reads articles from files, folders, standard input ("-") and http(s) URLs, in plain text, Markdown, HTML
/// (also gzipped), JSON Lines, RSS/Atom feeds and e-mail, decoding their bytes and collecting the metadata they
/// carry. Every input yields articles (<see cref="IngestedSource"/>) and failures (<see cref="IngestFailure"/>);
/// a bad input never stops the others.
/// </summary>
/// <remarks>
/// <para>
/// Inputs are read one at a time in the order given; a folder is walked recursively, each folder's entries in
/// ordinal name order, skipping hidden entries and <c>*.meta.json</c> sidecars. Items are yielded as soon as they
/// are read, so memory holds one input (at most <see cref="IngestOptions.MaxBytes"/>) at a time.
/// </para>
/// <para>
/// Source ids: a file input keeps the path as given; a file found in a folder input is named by its path relative
/// to that folder with '/' separators; standard input is "stdin"; a URL is itself. Feed items and JSON Lines
/// records add "#N" (the item's 1-based index, or the record's 1-based line number).
/// </para>
/// <para>
/// Thread safety: one reader can serve concurrent <see cref="ReadAsync"/> calls. Dispose it to release the
/// HTTP client it created (a client passed in is never disposed).
/// </para>
/// </remarks>
public sealed class SourceReader : IDisposable
{
    /// <summary>The source id used for standard input.</summary>
    public const string StdinId = "stdin";

    private readonly IngestOptions _options;
    private readonly HttpClient? _http;
    private readonly Lazy<UrlFetcher> _fetcher;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Limits and policies; see <see cref="IngestOptions"/>.</param>
    /// <param name="http">
    /// The client used for URLs. Null (recommended) creates one on first use whose connections are checked against
    /// the address policy at connect time and which follows redirects hop by hop.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">MaxBytes or Timeout is not positive, or MaxRedirects is negative.</exception>
    public SourceReader(IngestOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects, nameof(options));
        _options = options;
        _http = http;
        _fetcher = new Lazy<UrlFetcher>(() => new UrlFetcher(_options, _http), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Reads the inputs in order. Each input is a file path, a folder path, "-" for standard input, or an http(s) URL.
    /// </summary>
    /// <returns>
    /// Articles and failures as they are read. Bad input is reported as an <see cref="IngestFailure"/> with a PX3xxx
    /// code, never thrown.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; checked between inputs and during reads.</exception>
    public async IAsyncEnumerable<IngestItem> ReadAsync(
        IReadOnlyList<string> inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await foreach (var item in ReadOneAsync(input, cancellationToken))
                yield return item;
        }
    }

    private async IAsyncEnumerable<IngestItem> ReadOneAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            yield return ContentReader.Fail(input ?? "", InputErrorCode.NotFound, "an input is blank; give a file, a folder, - for standard input, or an http(s) URL.");
            yield break;
        }
        if (input == "-")
        {
            await foreach (var item in ReadStdinAsync(cancellationToken)) yield return item;
            yield break;
        }
        if (LooksLikeUrl(input))
        {
            await foreach (var item in ReadUrlAsync(input, cancellationToken)) yield return item;
            yield break;
        }
        if (Directory.Exists(input))
        {
            foreach (var entry in FolderWalker.Walk(input))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Failure is not null)
                {
                    yield return entry.Failure;
                    continue;
                }
                await foreach (var item in ReadFileAsync(entry.FullPath, entry.Id, cancellationToken)) yield return item;
            }
            yield break;
        }
        if (File.Exists(input))
        {
            await foreach (var item in ReadFileAsync(input, input, cancellationToken)) yield return item;
            yield break;
        }
        yield return ContentReader.Fail(input, InputErrorCode.NotFound,
            $"{input} does not exist; check the path (relative paths start at {Directory.GetCurrentDirectory()}).");
    }

    private async IAsyncEnumerable<IngestItem> ReadFileAsync(string path, string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (meta, metaWarnings, externalId, sidecarFailure) = Sidecar.Load(path, id, _options.MaxBytes);
        if (sidecarFailure is not null) yield return sidecarFailure;

        byte[]? bytes = null;
        IngestFailure? failure = null;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxBytes)
            {
                failure = ContentReader.Fail(id, InputErrorCode.TooLarge,
                    $"{id} is {length.ToString(CultureInfo.InvariantCulture)} bytes, over the {Limits.Describe(_options.MaxBytes)} limit; raise the limit (--max-bytes, IngestOptions.MaxBytes) or split the file.");
            }
            else
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                bytes = await StreamLimits.ReadCappedAsync(stream, _options.MaxBytes, cancellationToken);
                if (bytes is null)
                {
                    failure = ContentReader.Fail(id, InputErrorCode.TooLarge,
                        $"{id} grew past the {Limits.Describe(_options.MaxBytes)} limit while being read; raise the limit (--max-bytes, IngestOptions.MaxBytes) or split the file.");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = ContentReader.Fail(id, InputErrorCode.Unreadable, $"{id} could not be read ({ex.Message.TrimEnd('.')}); check that it exists and that you may read it.");
        }
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        var context = new ReadContext(id, meta, metaWarnings, externalId);
        foreach (var item in ContentReader.Read(new RawInput(bytes!, Path.GetFileName(path)), context, _options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    private async IAsyncEnumerable<IngestItem> ReadStdinAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        IngestFailure? failure = null;
        try
        {
            await using var stream = _options.StandardInput?.Invoke() ?? Console.OpenStandardInput();
            bytes = await StreamLimits.ReadCappedAsync(stream, _options.MaxBytes, cancellationToken);
            if (bytes is null)
            {
                failure = ContentReader.Fail(StdinId, InputErrorCode.TooLarge,
                    $"standard input is larger than the {Limits.Describe(_options.MaxBytes)} limit; raise the limit (--max-bytes, IngestOptions.MaxBytes) or pass the article as a file.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            failure = ContentReader.Fail(StdinId, InputErrorCode.Unreadable, $"standard input could not be read ({ex.Message.TrimEnd('.')}); pass the article as a file instead.");
        }
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        foreach (var item in ContentReader.Read(new RawInput(bytes!, null), new ReadContext(StdinId, [], [], null), _options))
            yield return item;
    }

    private async IAsyncEnumerable<IngestItem> ReadUrlAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(input, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return ContentReader.Fail(input, InputErrorCode.InvalidUrl,
                $"{input} is not an absolute http or https URL; fix the URL, or save the page and give the file.");
            yield break;
        }
        var (raw, failure) = await _fetcher.Value.FetchAsync(uri, input, cancellationToken);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        foreach (var item in ContentReader.Read(raw!, new ReadContext(input, [], ImmutableArray<IngestWarning>.Empty, null), _options))
            yield return item;
    }

    private static bool LooksLikeUrl(string input) =>
        input.Contains("://", StringComparison.Ordinal)
        || input.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
        || input.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Disposes the HTTP client the reader created, if any.</summary>
    public void Dispose()
    {
        if (_fetcher.IsValueCreated && _fetcher.Value.OwnsClient) _fetcher.Value.Client.Dispose();
    }
}
