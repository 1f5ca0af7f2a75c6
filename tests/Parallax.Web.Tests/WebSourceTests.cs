using System.Text.RegularExpressions;

namespace Parallax.Web.Tests;

/// <summary>Checks on the front end's sources that need no browser.</summary>
public sealed partial class WebSourceTests
{
    [Fact]
    public void Sources_AnyFile_NeverParseHtmlStrings()
    {
        // Given every TypeScript source of the UI
        var src = Path.Combine(BrowserEnvironment.RepoRoot, "web", "src");
        var files = Directory.GetFiles(src, "*.ts", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        // When they are searched for the DOM APIs that parse a string as HTML or run it as code
        var hits = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => HtmlSinks().IsMatch(l.Text) && !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        // Then there are none: article text reaches the page only as text nodes and attribute values
        Assert.True(hits.Count == 0, "HTML-parsing sinks in web/src:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void TsConfig_Strict_IsOn()
    {
        // Given the UI's TypeScript configuration
        var config = File.ReadAllText(Path.Combine(BrowserEnvironment.RepoRoot, "web", "tsconfig.json"));

        // Then strict checking and no implicit any are on
        Assert.Matches("\"strict\":\\s*true", config);
        Assert.Matches("\"noImplicitAny\":\\s*true", config);
    }

    [GeneratedRegex(@"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|eval\s*\(|new\s+Function\s*\()")]
    private static partial Regex HtmlSinks();
}
