using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Parallax.Testing;

namespace Parallax.Server.Tests;

/// <summary>A real server on 127.0.0.1 with a free port, a private data directory and captured logs.</summary>
public sealed class ServerHarness : IAsyncDisposable
{
    public const string Key = "test-key-7f3a9c";

    private ServerHarness(ParallaxServer server, string dataDir, LogCapture logs)
    {
        Server = server;
        DataDirectory = dataDir;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(server.Addresses[0]) };
    }

    public ParallaxServer Server { get; }
    public string DataDirectory { get; }
    public LogCapture Logs { get; }
    public HttpClient Client { get; }

    public static async Task<ServerHarness> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, string? dataDir = null)
    {
        dataDir ??= NewDataDirectory();
        var logs = new LogCapture();
        var options = new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            DataDirectory = dataDir,
            ApiKeys = [Key],
            ContentRoot = dataDir,
            MaxParallelism = 2,
            ConfigureLogging = b =>
            {
                b.SetMinimumLevel(LogLevel.Trace);
                b.AddProvider(logs);
            },
        };
        if (configure is not null) options = configure(options);
        var server = await ParallaxServer.StartAsync(options);
        return new ServerHarness(server, dataDir, logs);
    }

    public static string NewDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parallax-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string SamplesFolder => Path.Combine(SharedData.RepoRoot ?? throw new InvalidOperationException("Parallax.slnx not found above the test binaries."), "samples");

    /// <summary>POSTs with the key.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return Client.SendAsync(request);
    }

    /// <summary>Sends any method, with the key unless <paramref name="key"/> is null.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return Client.SendAsync(request);
    }

    public static StringContent Text(string body, string mediaType) =>
        new(body, new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" });

    public static StringContent Json(object value) => Text(JsonSerializer.Serialize(value), "application/json");

    /// <summary>Posts every sample article as a raw body, its sidecar's fields as query metadata, in file name order.</summary>
    public async Task<List<JsonElement>> IngestSamplesAsync()
    {
        var results = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(SamplesFolder).Where(f => !f.EndsWith(".meta.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
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
            using var response = await PostAsync("/api/v1/articles" + query, Text(await File.ReadAllTextAsync(file), type));
            results.Add(await ReadJsonAsync(response));
        }
        return results;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS only leaves a temporary folder behind.
        }
    }
}

/// <summary>Keeps every formatted log message (with exceptions) for assertions.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string All => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // State values are kept too: a structured sink would write them even when the message leaves them out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} {exception}");
        }
    }
}

/// <summary>One server with the samples ingested, shared by the read tests of a class.</summary>
public sealed class SamplesFixture : IAsyncLifetime
{
    public ServerHarness Harness { get; private set; } = null!;
    public List<JsonElement> Outcomes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Harness = await ServerHarness.StartAsync();
        Outcomes = await Harness.IngestSamplesAsync();
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
