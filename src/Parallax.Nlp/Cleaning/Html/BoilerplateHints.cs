using System.Text;
using AngleSharp.Dom;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>What an element's tag, class, id and role say about it.</summary>
/// <param name="Reason">The removal reason the element suggests, or null when it looks like content.</param>
/// <param name="Detail">Why, for the removal report.</param>
/// <param name="IsPositive">True when the names mark the article body itself ("article-body", itemprop=articleBody).</param>
internal readonly record struct Hint(RemovalReason? Reason, string Detail, bool IsPositive);

/// <summary>
/// Reads the naming conventions news sites use for page furniture. Names are matched as words of the class and id
/// (split at punctuation and camel case) or as distinctive substrings; publishers are never named.
/// </summary>
internal static class BoilerplateHints
{
    private static readonly string[] PositiveSubstrings =
    [
        "articlebody", "article-body", "article__body", "article_body", "storybody", "story-body", "story__body",
        "entry-content", "post-content", "postcontent", "article-content", "articlecontent", "article__content",
        "bodytext", "body-text", "story-content", "storycontent", "main-content", "article-text", "articletext",
        "richtext", "rich-text", "story-text", "content-body", "contentbody", "post-body", "postbody", "entry-body",
    ];

    // Ordered: the first matching rule names the reason.
    private static readonly (RemovalReason Reason, string Detail, string[] Substrings, string[] Words)[] Rules =
    [
        (RemovalReason.CookieBanner, "cookie or consent banner", ["cookie", "consent", "gdpr", "onetrust"], ["cmp"]),
        (RemovalReason.SignUpPrompt, "newsletter or sign-up prompt",
            ["newsletter", "signup", "sign-up", "subscribe", "subscription", "regwall", "registration"], ["optin"]),
        (RemovalReason.CommentSection, "comment section", ["comment", "disqus"], ["respond", "discussion", "replies"]),
        (RemovalReason.Advertisement, "advertisement",
            ["advert", "adslot", "adunit", "ad-slot", "ad-unit", "ad-container", "ad-wrapper", "sponsor", "dfp-", "taboola", "outbrain"],
            ["ad", "ads", "adv", "dfp", "gpt", "promo", "promoted", "commercial", "banner"]),
        (RemovalReason.RelatedContent, "related or recommended content",
            ["related", "recommend", "trending", "mostread", "most-read", "mostpopular", "most-popular", "morestories",
             "more-stories", "more-news", "morenews", "readmore", "read-more", "readnext", "read-next", "upnext",
             "up-next", "also-read", "alsoread", "recirc", "more-from", "morefrom", "you-may", "youmay", "further-reading"],
            ["tags", "tag", "topics", "keywords", "teaser", "teasers", "popular", "carousel"]),
        (RemovalReason.PhotoCaption, "photo caption or credit",
            ["caption", "figcaption", "image-credit", "imagecredit", "photo-credit", "photocredit", "gallery", "lightbox"],
            ["credit", "credits", "figure", "media"]),
        (RemovalReason.Metadata, "byline, date or other article metadata",
            ["byline", "timestamp", "dateline", "article-meta", "articlemeta", "post-meta", "author-bio", "authorbio"],
            ["author", "authors", "date", "published", "updated", "kicker", "eyebrow", "headline"]),
        (RemovalReason.Navigation, "navigation, header or footer",
            ["breadcrumb", "navbar", "navigation", "footer", "masthead", "sidebar", "skip-link", "skiplink", "pagination", "toolbar"],
            ["nav", "menu", "header", "widget", "aside", "rail"]),
        (RemovalReason.Boilerplate, "embedded social-media post",
            ["twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "social-embed", "embed-twitter", "embed-instagram"], []),
        (RemovalReason.Boilerplate, "share buttons or page chrome",
            ["social", "sharebar", "share-bar", "sharing", "print-", "modal", "popup", "overlay"],
            ["share", "follow", "print", "toast", "sr", "visually"]),
    ];

    /// <summary>Classifies an element by its tag, class, id, role and visibility.</summary>
    public static Hint Classify(IElement element)
    {
        string name = element.LocalName;
        switch (name)
        {
            case "nav": return new Hint(RemovalReason.Navigation, "<nav> element", false);
            case "footer": return new Hint(RemovalReason.Navigation, "<footer> element", false);
            case "aside": return new Hint(RemovalReason.RelatedContent, "<aside> element", false);
            case "figure":
            case "figcaption": return new Hint(RemovalReason.PhotoCaption, "<" + name + "> element", false);
            case "form": return new Hint(RemovalReason.Boilerplate, "<form> element", false);
            case "header": return new Hint(RemovalReason.Navigation, "<header> element", false);
            default: break;
        }

        if (element.HasAttribute("hidden") || IsHiddenByStyle(element.GetAttribute("style")))
            return new Hint(RemovalReason.Boilerplate, "hidden element", false);

        string? role = element.GetAttribute("role");
        if (role is not null)
        {
            if (role.Equals("navigation", StringComparison.OrdinalIgnoreCase) || role.Equals("menu", StringComparison.OrdinalIgnoreCase)
                || role.Equals("menubar", StringComparison.OrdinalIgnoreCase))
                return new Hint(RemovalReason.Navigation, "role=" + role, false);
            if (role.Equals("complementary", StringComparison.OrdinalIgnoreCase))
                return new Hint(RemovalReason.RelatedContent, "role=complementary", false);
            if (role.Equals("contentinfo", StringComparison.OrdinalIgnoreCase) || role.Equals("banner", StringComparison.OrdinalIgnoreCase))
                return new Hint(RemovalReason.Navigation, "role=" + role, false);
            if (role.Equals("dialog", StringComparison.OrdinalIgnoreCase) || role.Equals("alertdialog", StringComparison.OrdinalIgnoreCase))
                return new Hint(RemovalReason.Boilerplate, "role=" + role, false);
        }

        string? itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            return new Hint(null, "itemprop=articleBody", true);

        string? cls = element.GetAttribute("class");
        string? id = element.GetAttribute("id");
        string? testId = element.GetAttribute("data-testid") ?? element.GetAttribute("data-component");
        if (cls is null && id is null && testId is null) return default;
        string joined = string.Concat(cls, " ", id, " ", testId);
        string lower = joined.ToLowerInvariant();

        foreach (var positive in PositiveSubstrings)
        {
            if (lower.Contains(positive, StringComparison.Ordinal)) return new Hint(null, "named as article body", true);
        }

        var words = Words(joined);
        foreach (var rule in Rules)
        {
            foreach (var s in rule.Substrings)
            {
                if (lower.Contains(s, StringComparison.Ordinal)) return new Hint(rule.Reason, rule.Detail + " (\"" + s + "\")", false);
            }
            foreach (var w in rule.Words)
            {
                if (words.Contains(w)) return new Hint(rule.Reason, rule.Detail + " (\"" + w + "\")", false);
            }
        }
        return default;
    }

    private static bool IsHiddenByStyle(string? style)
    {
        if (style is null) return false;
        string compact = style.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Lower-case words of a class/id string, split at non-alphanumerics and at camel-case humps.</summary>
    internal static HashSet<string> Words(string names)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        for (int i = 0; i < names.Length; i++)
        {
            char c = names[i];
            bool boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(names[i - 1]));
            if (boundary && sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }
}
