using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Parallax.Ingest;

/// <summary>
/// Downloads one URL with a total timeout, a size cap and the address policy. With its own client the policy is
/// enforced at connect time on the addresses actually dialled, and redirects are followed by hand so each hop is
/// checked. With a caller's client the host of every hop it is asked for and the final URL are checked by resolving
/// them, which is weaker (the caller's handler may follow redirects itself).
/// </summary>
internal sealed class UrlFetcher
{
    private readonly IngestOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownClient;

    public UrlFetcher(IngestOptions options, HttpClient? http)
    {
        _options = options;
        _ownClient = http is null;
        _http = http ?? CreateClient(options);
    }

    public HttpClient Client => _http;

    public bool OwnsClient => _ownClient;

    public async Task<(RawInput? Input, IngestFailure? Failure)> FetchAsync(Uri uri, string id, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var token = timeout.Token;
        var current = uri;
        try
        {
            for (int hop = 0; hop <= _options.MaxRedirects; hop++)
            {
                if (await CheckHostAsync(current, id, token) is { } refused) return (null, refused);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                        return (null, Fail(id, InputErrorCode.NetworkFailed, $"{id} redirects to {current}, which is not http or https; fetch the page in a browser and save it."));
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    return (null, Fail(id, InputErrorCode.NetworkFailed,
                        $"{id} answered HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}; check the URL, or save the page and read the file."));
                }
                if (!_ownClient && response.RequestMessage?.RequestUri is { } final && final != current
                    && await CheckHostAsync(final, id, token) is { } refusedFinal)
                    return (null, refusedFinal);
                if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
                    return (null, TooLarge(id, $"Content-Length is {length.ToString(CultureInfo.InvariantCulture)} bytes"));
                var bytes = await ReadCappedAsync(response.Content, token);
                if (bytes is null) return (null, TooLarge(id, "the download went past it"));
                var contentType = response.Content.Headers.ContentType;
                var name = Path.GetFileName(current.AbsolutePath);
                return (new RawInput(bytes, string.IsNullOrEmpty(name) ? null : name, contentType?.MediaType, contentType?.CharSet), null);
            }
            return (null, Fail(id, InputErrorCode.NetworkFailed,
                $"{id} redirected more than {_options.MaxRedirects.ToString(CultureInfo.InvariantCulture)} times; check the URL or raise IngestOptions.MaxRedirects."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Fail(id, InputErrorCode.NetworkFailed,
                $"{id} did not answer within {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; try again later or raise IngestOptions.Timeout."));
        }
        catch (HttpRequestException ex) when (Find<AddressRefusedException>(ex) is { } refused)
        {
            return (null, Refused(id, refused.Message));
        }
        catch (HttpRequestException ex)
        {
            return (null, Fail(id, InputErrorCode.NetworkFailed, $"{id} could not be fetched ({ex.Message.TrimEnd('.')}); check the URL and the network, or save the page and read the file."));
        }
    }

    private async Task<IngestFailure?> CheckHostAsync(Uri uri, string id, CancellationToken token)
    {
        if (_options.AllowPrivateNetworks) return null;
        var host = uri.IdnHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, token);
            }
            catch (SocketException ex)
            {
                return Fail(id, InputErrorCode.NetworkFailed, $"{id}: the host {host} could not be resolved ({ex.Message.TrimEnd('.')}); check the URL and the network.");
            }
        }
        var bad = addresses.FirstOrDefault(NetworkPolicy.IsPrivate);
        return bad is null ? null : Refused(id, $"{host} resolves to {bad}, which is not a public address");
    }

    private IngestFailure Refused(string id, string why) =>
        Fail(id, InputErrorCode.NetworkRefused,
            $"{id} was refused before any request: {why}. Loopback, link-local and private networks are not fetched unless allowed (--allow-private-networks, IngestOptions.AllowPrivateNetworks).");

    private IngestFailure TooLarge(string id, string detail) =>
        Fail(id, InputErrorCode.TooLarge,
            $"{id} is larger than the {Limits.Describe(_options.MaxBytes)} limit ({detail}); raise the limit (--max-bytes, IngestOptions.MaxBytes) or save a smaller page.");

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken token)
    {
        await using var stream = await content.ReadAsStreamAsync(token);
        return await StreamLimits.ReadCappedAsync(stream, _options.MaxBytes, token);
    }

    private static bool IsRedirect(HttpStatusCode code) =>
        code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }

    private static IngestFailure Fail(string id, InputErrorCode code, string message) => ContentReader.Fail(id, code, message);

    private static HttpClient CreateClient(IngestOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, token) => ConnectAsync(context, options.AllowPrivateNetworks, token),
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return client;
    }

    /// <summary>Resolves and dials the host itself so the addresses checked are the ones connected to (no DNS rebinding gap).</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken token)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, token);
        if (!allowPrivate && addresses.FirstOrDefault(NetworkPolicy.IsPrivate) is { } bad)
            throw new AddressRefusedException(host, bad);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Reads streams without ever holding more than the limit plus one buffer.</summary>
internal static class StreamLimits
{
    /// <summary>The stream's bytes, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + n > maxBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
