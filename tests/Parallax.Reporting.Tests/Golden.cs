using System.Text;
using Parallax.Testing;

namespace Parallax.Reporting.Tests;

/// <summary>
/// Compares output with a file under tests/Parallax.Reporting.Tests/Golden. With PARALLAX_UPDATE_GOLDEN=1 the file
/// is rewritten instead (review the diff before committing).
/// </summary>
internal static class Golden
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Verify(string name, string actual)
    {
        var root = SharedData.RepoRoot ?? throw new InvalidOperationException("Parallax.slnx not found above the test binaries.");
        var path = Path.Combine(root, "tests", "Parallax.Reporting.Tests", "Golden", name);
        if (string.Equals(Environment.GetEnvironmentVariable("PARALLAX_UPDATE_GOLDEN"), "1", StringComparison.Ordinal))
        {
            File.WriteAllText(path, actual, Utf8);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with PARALLAX_UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = File.ReadAllText(path, Utf8);
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && string.Equals(e[line], a[line], StringComparison.Ordinal)) line++;
        Assert.Fail($"{name} differs from the golden file at line {line + 1}.\nexpected: {(line < e.Length ? e[line] : "<end>")}\nactual:   {(line < a.Length ? a[line] : "<end>")}\n" +
                    "If the change is intended, rerun with PARALLAX_UPDATE_GOLDEN=1 and review the diff.");
    }
}
