using AngleSharp.Dom;
using Parallax.Reporting.Tests.Html;

namespace Parallax.Reporting.Tests;

/// <summary>Text copied from a web page must be shown, never run: checked on the parsed DOM.</summary>
public sealed class HostileTextTests
{
    private static IDocument HostileDom() => HtmlDom.Parse(new StoryReportWriter().Html(Stories.Hostile()));

    [Fact]
    public void WriteHtml_HostileText_CreatesNoActiveElements()
    {
        // Given a story whose body, metadata, evidence, removed text, ids and label carry markup
        // When the report is parsed as a browser would
        var dom = HostileDom();

        // Then no script, image, frame, svg, object or embed element exists
        Assert.Empty(dom.QuerySelectorAll("script, img, iframe, svg, object, embed, link, base, form, input"));
    }

    [Fact]
    public void WriteHtml_HostileText_CreatesNoEventHandlerOrScriptUrlAttributes()
    {
        // Given the hostile story
        // When the report is parsed
        var dom = HostileDom();

        // Then no element has an on* attribute, and no attribute value is a javascript: URL
        var attributes = dom.All.SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WriteHtml_HostileText_IsShownLiterally()
    {
        // Given the hostile story
        // When the report is parsed
        var dom = HostileDom();
        var text = dom.Body!.TextContent;

        // Then each hostile string is visible as text, in the body, the metadata table and the removed table
        Assert.Contains("Before " + Stories.Script + " after.", text, StringComparison.Ordinal);
        Assert.Contains(Stories.ImgOnError, dom.GetElementById("article-A1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Stories.AttributeBreakout, dom.GetElementById("metadata")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ad slot " + Stories.Script, dom.GetElementById("removed")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Stories.Script + " story", dom.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(Stories.Script + " story", dom.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_HostileTooltipText_StaysInsideTheTitleAttribute()
    {
        // Given a foreign-language span whose script name tries to break out of its attribute
        // When the report is parsed
        var span = Assert.Single(HostileDom().QuerySelectorAll(".lang-other"));

        // Then the whole string is the title's value and the text is the span's text
        Assert.Contains("Latin\" onmouseover=\"alert(5)", span.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal(Stories.ImgOnError, span.TextContent);
    }

    [Fact]
    public void WriteMarkdown_HostileText_EveryAngleBracketIsEscaped()
    {
        // Given the hostile story
        // When the Markdown report is written
        var markdown = new StoryReportWriter().Markdown(Stories.Hostile());

        // Then no '<' reaches a Markdown renderer as raw HTML: each one is backslash-escaped
        for (int i = markdown.IndexOf('<', StringComparison.Ordinal); i >= 0; i = markdown.IndexOf('<', i + 1))
            Assert.True(i > 0 && markdown[i - 1] == '\\', $"Unescaped '<' at {i}: {markdown.Substring(Math.Max(0, i - 20), Math.Min(40, markdown.Length - Math.Max(0, i - 20)))}");
        Assert.Contains("Before \\<script\\>alert('x')\\</script\\> after.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_AnyStory_HasNoExternalReferences()
    {
        foreach (var view in new[] { Stories.Harbour(), Stories.Hostile() })
        {
            // Given a story whose metadata holds http(s) URLs
            // When the report is parsed
            var html = new StoryReportWriter().Html(view);
            var dom = HtmlDom.Parse(html);

            // Then every href is an in-page anchor, nothing has a src, and the CSS loads nothing
            Assert.All(dom.QuerySelectorAll("[href]"), e => Assert.StartsWith("#", e.GetAttribute("href"), StringComparison.Ordinal));
            Assert.Empty(dom.QuerySelectorAll("[src], [srcset], [data], [action], [poster], [background]"));
            var css = string.Concat(dom.QuerySelectorAll("style").Select(s => s.TextContent));
            Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, dom.QuerySelectorAll("style").Length);
            Assert.Contains("default-src 'none'", dom.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);
        }
    }
}
