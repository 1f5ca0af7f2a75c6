namespace Parallax.Testing;

/// <summary>
/// Finds the shared development data (../shared beside the repository checkout). Tests read it when it
/// exists and skip, saying why, when it does not.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> _root = new(FindRoot);
    private static readonly Lazy<string?> _repo = new(FindRepo);

    /// <summary>The repository root (the folder holding Parallax.slnx), or null when not found.</summary>
    public static string? RepoRoot => _repo.Value;

    /// <summary>The shared folder, or null when it is not there.</summary>
    public static string? Root => _root.Value;

    /// <summary>The path of a folder or file below shared/, or null when shared/ or that entry is missing.</summary>
    public static string? PathOf(string relative)
    {
        if (Root is null) return null;
        var p = System.IO.Path.Combine(Root, relative);
        return Directory.Exists(p) || File.Exists(p) ? p : null;
    }

    /// <summary>The reason a test that needs <paramref name="relative"/> is skipped, or null when the data is there.</summary>
    public static string? SkipReason(string relative) =>
        PathOf(relative) is null ? $"../shared/{relative} is not present beside the checkout; this test needs it." : null;

    private static string? FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Parallax.slnx"))) dir = dir.Parent;
        return dir?.FullName;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("PARALLAX_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        if (RepoRoot is null) return null;
        var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }
}

/// <summary>A fact that needs a path under ../shared; skipped with the reason when the path is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFactAttribute : Xunit.FactAttribute
{
    /// <summary>Marks the test as needing <paramref name="relative"/> under shared/.</summary>
    public SharedFactAttribute(string relative)
    {
        Relative = relative;
        Skip = SharedData.SkipReason(relative)!;
    }

    /// <summary>The path under shared/ the test reads.</summary>
    public string Relative { get; }
}

/// <summary>A theory that needs a path under ../shared; skipped with the reason when the path is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedTheoryAttribute : Xunit.TheoryAttribute
{
    /// <summary>Marks the theory as needing <paramref name="relative"/> under shared/.</summary>
    public SharedTheoryAttribute(string relative)
    {
        Relative = relative;
        Skip = SharedData.SkipReason(relative)!;
    }

    /// <summary>The path under shared/ the theory reads.</summary>
    public string Relative { get; }
}
