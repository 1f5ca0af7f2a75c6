using System.Text.RegularExpressions;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Recognises short lines inside the body that are furniture rather than reporting: ad labels, sign-up prompts,
/// "Read more" teasers, share prompts, copyright lines. Only short paragraphs are judged, so a sentence of
/// reporting that mentions a newsletter is never removed.
/// </summary>
internal static partial class ParagraphFilter
{
    private const int MaxJudged = 160;

    [GeneratedRegex(@"^(advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|skip advertisement|article continues below( advertisement)?|continue reading below)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdLabel();

    [GeneratedRegex(@"\b(sign up|signup|subscribe|newsletter|get our .{0,40}(email|alerts)|register for free|already a subscriber|log ?in to)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignUp();

    [GeneratedRegex(@"^(read more|related|more|see also|recommended|watch|listen|trending|also read|read next|up next|most read|more from)\b\s*[:|—–-]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Teaser();

    [GeneratedRegex(@"^(share( this( article| story)?)?|copy link|link copied|print|email|comments?|click to share.*|follow us.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Share();

    [GeneratedRegex(@"(©|\(c\)|copyright \d{4}|all rights reserved)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    /// <summary>The reason to remove a paragraph, or null to keep it.</summary>
    public static (RemovalReason Reason, string Detail)? Judge(string paragraph)
    {
        if (paragraph.Length > MaxJudged) return null;
        if (AdLabel().IsMatch(paragraph)) return (RemovalReason.Advertisement, "advertisement label");
        if (Teaser().IsMatch(paragraph)) return (RemovalReason.RelatedContent, "teaser line");
        if (Share().IsMatch(paragraph)) return (RemovalReason.Boilerplate, "share or print prompt");
        if (SignUp().IsMatch(paragraph)) return (RemovalReason.SignUpPrompt, "matched sign-up phrases");
        if (Copyright().IsMatch(paragraph)) return (RemovalReason.Boilerplate, "copyright line");
        return null;
    }
}
