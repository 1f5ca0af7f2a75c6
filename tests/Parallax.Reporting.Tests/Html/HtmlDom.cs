using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parallax.Reporting.Tests.Html;

/// <summary>Parses report HTML the way a browser would, so specs assert on the DOM rather than on strings.</summary>
internal static class HtmlDom
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string Html(this StoryReportWriter writer, Parallax.Core.Articles.StoryView view)
    {
        using var sw = new StringWriter();
        writer.WriteHtml(view, sw);
        return sw.ToString();
    }

    public static string Markdown(this StoryReportWriter writer, Parallax.Core.Articles.StoryView view)
    {
        using var sw = new StringWriter();
        writer.WriteMarkdown(view, sw);
        return sw.ToString();
    }
}
