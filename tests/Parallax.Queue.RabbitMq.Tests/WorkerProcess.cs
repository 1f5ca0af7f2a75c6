using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Parallax.Queue.RabbitMq.Tests;

/// <summary>A real `parallax worker` (or other command) run as `dotnet parallax.dll …`, its output collected line by line.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _out.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _err.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static CliProcess Start(string dataDir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(dataDir);
        // The children get their settings from the command line only.
        psi.Environment.Remove("PARALLAX_STORE");
        psi.Environment.Remove("PARALLAX_QUEUE");
        psi.Environment.Remove("PARALLAX_QUEUE_NAME");
        psi.Environment.Remove("PARALLAX_TEST_WORKER_STALL");
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        return new CliProcess(Process.Start(psi)!);
    }

    public static CliProcess Worker(string dataDir, string queueUri, string queueName, string store, int prefetch,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Start(dataDir, environment, "worker", "--queue", queueUri, "--queue-name", queueName, "--store", store,
            "--prefetch", prefetch.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<string> Out => [.. _out];

    public string Log => $"stdout:\n{string.Join('\n', _out)}\nstderr:\n{string.Join('\n', _err)}";

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Article ids this process reported with the given verb ("stored" or "already").</summary>
    public IReadOnlyList<string> Ids(string verb) =>
        [.. Out.Where(l => l.StartsWith(verb + " ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])];

    /// <summary>SIGKILL: the process gets no chance to acknowledge, commit or clean up.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGINT, as Ctrl+C sends, then waits for the process to end (killing it if it hangs).</summary>
    public async Task<int> InterruptAsync(TimeSpan wait)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
            throw new TimeoutException("The process did not stop after SIGINT.\n" + Log);
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async Task<int> WaitAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
