using System.Net;
using System.Net.Sockets;
using System.Text;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest.Tests;

/// <summary>
/// Fetching is tested against an HttpListener on 127.0.0.1 only; refusal is tested with addresses that are refused
/// before any packet is sent.
/// </summary>
public sealed class UrlTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Func<HttpListenerResponse, Task>> _routes = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly string _base;

    public UrlTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            lock (_requests) _requests.Add(path);
            try
            {
                if (_routes.TryGetValue(path, out var handler)) await handler(context.Response);
                else context.Response.StatusCode = 404;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up (timeout tests); nothing to answer.
            }
        }
    }

    private static Func<HttpListenerResponse, Task> Reply(string contentType, byte[] body) => async r =>
    {
        r.ContentType = contentType;
        r.ContentLength64 = body.Length;
        await r.OutputStream.WriteAsync(body);
    };

    private static IngestOptions Local => new() { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task ReadAsync_HtmlUrl_UsesHeaderCharset()
    {
        // Given
        _routes["/page"] = Reply("text/html; charset=windows-1252", Fixtures.Windows1252("<html><body><p>D\u00E9j\u00E0 vu \u2014 again</p></body></html>"));

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(Local, _base + "page"));

        // Then
        Assert.Equal(_base + "page", item.Source.SourceId);
        Assert.Equal(ContentKind.Html, item.Source.Kind);
        Assert.Contains("D\u00E9j\u00E0 vu \u2014 again", item.Source.Raw);
        Assert.Equal("windows-1252", item.Source.Encoding);
    }

    [Fact]
    public async Task ReadAsync_FeedUrl_YieldsItsItems()
    {
        // Given
        _routes["/feed"] = Reply("application/rss+xml", Fixtures.Utf8(Fixtures.Rss));

        // When
        var items = await Reading.ReadAllAsync(Local, _base + "feed");

        // Then
        Assert.Equal([_base + "feed#1", _base + "feed#2", _base + "feed#3"], items.Cast<IngestedSource>().Select(i => i.Source.SourceId));
    }

    [Fact]
    public async Task ReadAsync_RedirectedUrl_IsFollowed()
    {
        // Given
        _routes["/old"] = r =>
        {
            r.StatusCode = 301;
            r.RedirectLocation = _base + "new.txt";
            return Task.CompletedTask;
        };
        _routes["/new.txt"] = Reply("text/plain; charset=utf-8", Fixtures.Utf8("Moved article."));

        // When
        var item = Reading.Single(await Reading.ReadAllAsync(Local, _base + "old"));

        // Then
        Assert.Equal("Moved article.", item.Source.Raw);
        Assert.Equal(ContentKind.PlainText, item.Source.Kind);
    }

    [Fact]
    public async Task ReadAsync_HttpError_IsNetworkFailedWithStatus()
    {
        // Given: no route, so the server answers 404

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(Local, _base + "missing")));

        // Then
        Assert.Equal(InputErrorCode.NetworkFailed, failure.Code);
        Assert.Contains("HTTP 404", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_DownloadOverLimit_IsTooLarge()
    {
        // Given
        _routes["/big"] = Reply("text/plain", Fixtures.Utf8(new string('y', 3_000)));

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(Local with { MaxBytes = 1_000 }, _base + "big")));

        // Then
        Assert.Equal(InputErrorCode.TooLarge, failure.Code);
        Assert.Contains("1000-byte limit", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_SlowServer_TimesOut()
    {
        // Given
        _routes["/slow"] = async r =>
        {
            await Task.Delay(3_000);
            await Reply("text/plain", Fixtures.Utf8("late"))(r);
        };

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(Local with { Timeout = TimeSpan.FromMilliseconds(300) }, _base + "slow")));

        // Then
        Assert.Equal(InputErrorCode.NetworkFailed, failure.Code);
        Assert.Contains("did not answer within 0.3 s", failure.Message);
    }

    [Fact]
    public async Task ReadAsync_LoopbackWithoutPermission_IsRefusedBeforeAnyRequest()
    {
        // Given
        _routes["/page"] = Reply("text/plain", Fixtures.Utf8("secret"));

        // When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(_base + "page")));

        // Then
        Assert.Equal(InputErrorCode.NetworkRefused, failure.Code);
        Assert.StartsWith("PX3009: ", failure.Message);
        Assert.Contains("AllowPrivateNetworks", failure.Message);
        lock (_requests) Assert.Empty(_requests);
    }

    [Theory]
    [InlineData("http://10.1.2.3/a")]
    [InlineData("http://172.20.0.1/a")]
    [InlineData("http://192.168.1.1/a")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/a")]
    [InlineData("http://[fd00::1]/a")]
    [InlineData("http://[::ffff:10.0.0.1]/a")]
    [InlineData("http://localhost/a")]
    public async Task ReadAsync_PrivateAddress_IsRefused(string url)
    {
        // Given / When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync(url)));

        // Then
        Assert.Equal(InputErrorCode.NetworkRefused, failure.Code);
        Assert.Equal(url, failure.SourceId);
    }

    [Fact]
    public async Task ReadAsync_NonHttpUrl_IsInvalidUrl()
    {
        // Given / When
        var failure = Assert.IsType<IngestFailure>(Assert.Single(await Reading.ReadAllAsync("ftp://files.example/a.txt")));

        // Then
        Assert.Equal(InputErrorCode.InvalidUrl, failure.Code);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

public sealed class NetworkPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.0.9", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fdff:ffff::1", true)]
    [InlineData("::ffff:192.168.1.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("ff02::1", true)]
    public void IsPrivate_Address_MatchesPolicy(string address, bool expected)
    {
        // Given
        var ip = IPAddress.Parse(address);

        // When
        var actual = NetworkPolicy.IsPrivate(ip);

        // Then
        Assert.Equal(expected, actual);
    }
}
