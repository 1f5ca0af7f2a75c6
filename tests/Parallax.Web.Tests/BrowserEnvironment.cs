using Parallax.Testing;

namespace Parallax.Web.Tests;

/// <summary>
/// Where the browser tests find Chromium and the built UI, and whether they may skip. Locally a missing Chromium or
/// web/dist skips the browser tests with the reason; under CI=true nothing skips, so a missing piece fails them.
/// </summary>
public static class BrowserEnvironment
{
    /// <summary>Overrides the Chromium binary (default /usr/bin/chromium, Debian's package).</summary>
    public const string ChromiumVariable = "PARALLAX_CHROMIUM";

    /// <summary>Overrides the screenshot folder (default artifacts/screenshots under the repository root).</summary>
    public const string ScreenshotsVariable = "PARALLAX_SCREENSHOTS";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static string RepoRoot => SharedData.RepoRoot ?? throw new InvalidOperationException("Parallax.slnx not found above the test binaries.");

    public static string WebDist => Path.Combine(RepoRoot, "web", "dist");

    public static string SamplesFolder => Path.Combine(RepoRoot, "samples");

    public static string ScreenshotsFolder =>
        Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } p ? Path.GetFullPath(p) : Path.Combine(RepoRoot, "artifacts", "screenshots");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>What is missing for the browser tests (null when Chromium and the built UI are there).</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath))
            missing.Add($"Chromium is not at {ChromiumPath} (install Debian's chromium: .ci/browser.sh, or set {ChromiumVariable})");
        if (!File.Exists(Path.Combine(WebDist, "index.html")))
            missing.Add($"the web UI is not built ({WebDist}/index.html is missing: run .ci/browser.sh, or `npm ci && npm run build` in web/)");
        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    /// <summary>The skip reason for a browser test: what is missing, locally only; null under CI so the test runs and fails.</summary>
    public static string? SkipReason() => InCi ? null : Missing();
}

/// <summary>A fact that needs Chromium and web/dist: skipped with the reason locally, failing under CI=true when they are missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.SkipReason() is { } reason) Skip = reason;
    }
}
