using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Parallax.Server;

namespace Parallax.Web.Tests;

/// <summary>
/// One real server on a free loopback port with a private data directory, serving web/dist, with samples/ and a
/// hostile article ingested through the API with a key; plus one headless Debian Chromium driven by Playwright.
/// Shared by the browser tests of the collection. Starting fails (rather than skipping) when Chromium or the built UI
/// is missing; <see cref="BrowserFactAttribute"/> decides whether a test gets that far.
/// </summary>
public sealed class WorkbenchFixture : IAsyncLifetime
{
    public const string Key = "web-test-key-41c9";

    /// <summary>The flag the hostile article's payloads would set if any of them ran.</summary>
    public const string PwnedFlag = "__parallaxPwned";

    /// <summary>A plain-text article whose body and title carry script and event-handler markup.</summary>
    public const string HostileTitle = "Harbour <img src=x onerror=\"window.__parallaxPwned='title'\"> report";

    public static readonly string HostileBody = string.Join("\n\n",
        "Port officials in Dariv said on Tuesday that the inspection schedule would not change.",
        "<script>window.__parallaxPwned = 'script'; alert('script ran');</script>",
        "A reader pasted <img src=x onerror=\"window.__parallaxPwned='onerror'; alert('onerror ran')\"> into the comments.",
        "Another wrote <svg onload=\"window.__parallaxPwned='svg'\"></svg> and <a href=\"javascript:window.__parallaxPwned='link'\">a link</a>.",
        "The agency said talks in Vienna would resume next week.");

    private string? _dataDir;
    private IPlaywright? _playwright;

    public ParallaxServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The story the samples form (the one with the most articles).</summary>
    public string StoryId { get; private set; } = "";

    /// <summary>The hostile article's id.</summary>
    public string HostileArticleId { get; private set; } = "";

    /// <summary>Ids of the stored sample articles, in file name order.</summary>
    public List<string> SampleArticleIds { get; } = [];

    /// <summary>Why the fixture could not start (Chromium or web/dist missing), or null.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        Unavailable = BrowserEnvironment.Missing();
        if (Unavailable is not null) return;

        (Server, _dataDir) = await StartServerAsync(BrowserEnvironment.WebDist);
        BaseUrl = Server.Addresses[0].TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        // The watch rule is in place before the articles arrive, so ingestion itself raises the alerts.
        await InstallWatchAsync(Client);
        SampleArticleIds.AddRange(await IngestSamplesAsync(Client));
        HostileArticleId = await IngestAsync(Client, "/api/v1/articles?outlet=Test%20Desk&published=2025-03-11&title=" + Uri.EscapeDataString(HostileTitle), HostileBody, "text/plain");
        using (var stories = await Client.GetAsync("/api/v1/stories?limit=500"))
        {
            using var doc = JsonDocument.Parse(await stories.Content.ReadAsStringAsync());
            StoryId = doc.RootElement.GetProperty("items").EnumerateArray()
                .OrderByDescending(s => s.GetProperty("articleCount").GetInt32())
                .First().GetProperty("id").GetString()!;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--metrics-recording-only",
                "--mute-audio",
            ],
        });
        Directory.CreateDirectory(BrowserEnvironment.ScreenshotsFolder);
    }

    /// <summary>Throws with the reason when the browser environment is missing (reached only under CI or by mistake).</summary>
    public void EnsureAvailable()
    {
        if (Unavailable is not null)
            throw new InvalidOperationException("The browser tests cannot run: " + Unavailable + (BrowserEnvironment.InCi ? " (CI=true: browser tests fail instead of skipping)." : "."));
    }

    /// <summary>A fresh page (own context) that records dialogs, console errors and every request it makes.</summary>
    public async Task<WorkbenchPage> NewPageAsync()
    {
        EnsureAvailable();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        return new WorkbenchPage(this, context, page);
    }

    /// <summary>GETs a JSON document from the API.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    /// <summary>Starts a server on a free loopback port with a new temporary data directory and this fixture's key.</summary>
    public static async Task<(ParallaxServer Server, string DataDirectory)> StartServerAsync(string? webRoot)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "parallax-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var server = await ParallaxServer.StartAsync(new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            DataDirectory = dataDir,
            ContentRoot = dataDir,
            WebRoot = webRoot,
            ApiKeys = [Key],
            MaxParallelism = 2,
            ConfigureLogging = b => b.SetMinimumLevel(LogLevel.Warning),
        });
        return (server, dataDir);
    }

    /// <summary>The watch-rule zone the fixture installs: Vienna, where the samples' talks take place, with a 25 km buffer.</summary>
    public const string ZoneId = "vienna-area";

    /// <summary>The rule the fixture installs (talks or agreements inside <see cref="ZoneId"/>).</summary>
    public const string RuleId = "talks-in-vienna";

    private const string ZoneGeoJson = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "vienna-centre", "properties": {"name": "Vienna, city centre"},
           "geometry": {"type": "Polygon", "coordinates": [[[16.30, 48.17], [16.45, 48.17], [16.45, 48.25], [16.30, 48.25], [16.30, 48.17]]]}}
        ]}
        """;

    private const string Rules = """
        [zone vienna-area]
        name = Vienna, 25 km buffer
        file = zones/vienna.geojson
        buffer = 25 km

        [rule talks-in-vienna]
        title = Talks or agreements in Vienna
        inside = vienna-area
        event-type = CONSULT, AGREE
        """;

    /// <summary>PUTs the zone file and the rule file through the API with the key.</summary>
    public static async Task InstallWatchAsync(HttpClient client)
    {
        foreach (var (path, body, type) in new[] { ("/api/v1/zones/files/vienna.geojson", ZoneGeoJson, "application/geo+json"), ("/api/v1/watches/vienna", Rules, "text/plain") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(body, new MediaTypeHeaderValue(type) { CharSet = "utf-8" }) };
            request.Headers.Add("X-Api-Key", Key);
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT {path} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>POSTs every file of samples/ (sidecar fields as query metadata) in file name order; returns the article ids.</summary>
    public static async Task<List<string>> IngestSamplesAsync(HttpClient client)
    {
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(BrowserEnvironment.SamplesFolder).Where(f => !f.EndsWith(".meta.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var query = new StringBuilder();
            var sidecar = file + ".meta.json";
            if (File.Exists(sidecar))
            {
                using var meta = JsonDocument.Parse(await File.ReadAllTextAsync(sidecar));
                foreach (var p in meta.RootElement.EnumerateObject())
                    query.Append(query.Length == 0 ? '?' : '&').Append(p.Name).Append('=').Append(Uri.EscapeDataString(p.Value.GetString()!));
            }
            var type = file.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "text/plain";
            ids.Add(await IngestAsync(client, "/api/v1/articles" + query, await File.ReadAllTextAsync(file), type));
        }
        return ids;
    }

    private static async Task<string> IngestAsync(HttpClient client, string path, string body, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" }),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Ingesting {path} failed with {(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("articles")[0].GetProperty("articleId").GetString()
            ?? throw new InvalidOperationException($"Ingesting {path} stored no article: {text}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        if (_dataDir is not null)
        {
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the OS only leaves a temporary folder behind.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WorkbenchCollection : ICollectionFixture<WorkbenchFixture>
{
    public const string Name = "workbench";
}

/// <summary>A page of the workbench with what it did: dialogs opened, console errors, and the hosts it asked.</summary>
public sealed class WorkbenchPage(WorkbenchFixture fixture, IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> _dialogs = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];
    private bool _hooked;

    public IPage Page => page;
    public IReadOnlyList<string> Dialogs => _dialogs;
    public IReadOnlyList<string> ConsoleErrors => _errors;
    public IReadOnlyList<string> Requests => _requests;

    /// <summary>Opens a hash route ("#/story/s-…") and waits until the page says it has rendered.</summary>
    public async Task OpenAsync(string hashRoute)
    {
        Hook();
        await page.GotoAsync(fixture.BaseUrl + "/" + hashRoute);
        await WaitReadyAsync();
    }

    /// <summary>Waits until the app has rendered the current route (body[data-ready=true]).</summary>
    public Task WaitReadyAsync() => page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });

    /// <summary>Saves a full-page screenshot under the screenshots folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserEnvironment.ScreenshotsFolder, name + ".png"), FullPage = true });
    }

    private void Hook()
    {
        if (_hooked) return;
        _hooked = true;
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Type + ": " + dialog.Message);
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Add(message.Text);
        };
        page.Request += (_, request) => _requests.Add(request.Url);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
