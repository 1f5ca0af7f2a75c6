using System.Collections.Frozen;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>Element categories that drive extraction; AngleSharp reports HTML local names in lower case.</summary>
internal static class HtmlTags
{
    /// <summary>Elements that start and end a paragraph of text.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "ul", "caption", "html");

    /// <summary>Elements whose content is never article text (code, media, form controls, document head).</summary>
    public static readonly FrozenSet<string> Skipped = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "video",
        "audio", "source", "track", "picture", "img", "select", "option", "button", "input", "textarea", "head",
        "title", "meta", "link", "base", "map", "area", "dialog");

    /// <summary>Skipped elements whose content the tokenizer reads as raw text, which must never be matched as page text.</summary>
    public static readonly FrozenSet<string> RawText = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "textarea", "title", "template", "noscript");

    /// <summary>Headings kept as their own paragraphs inside the body.</summary>
    public static bool IsSubheading(string name) =>
        name.Length == 2 && name[0] == 'h' && name[1] is >= '2' and <= '6';
}
