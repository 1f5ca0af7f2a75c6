using System.Diagnostics;
using System.Text;

namespace Parallax.Cli.Tests;

/// <summary>Runs the CLI in-process (fast) or as a child process (for kill tests), each in a fresh data directory.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "parallax-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
    }

    public string DataDir { get; }

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await ParallaxCommand.RunAsync([.. args, "--data-dir", DataDir], stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts `dotnet parallax.dll` with the arguments; the caller waits or kills it.</summary>
    public Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "parallax.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--data-dir");
        psi.ArgumentList.Add(DataDir);
        return Process.Start(psi)!;
    }

    public static string NewFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parallax-in-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
