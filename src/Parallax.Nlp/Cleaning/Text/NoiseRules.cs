using System.Text.RegularExpressions;
using Parallax.Nlp.Documents;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>A verdict on one line: why it is noise and a short explanation for the report.</summary>
internal readonly record struct NoiseVerdict(RemovalReason Reason, string Detail);

/// <summary>
/// Line-level noise patterns for text scraped from news pages. Each rule is general — the shape of a
/// sign-up form, a photo credit, a counter — and is gated by line features (length, final punctuation,
/// capitalisation) so that an ordinary article sentence does not match.
/// </summary>
internal static partial class NoiseRules
{
    /// <summary>Lines longer than this are article prose, whatever phrases they contain.</summary>
    public const int MaxFormLineWords = 20;
    private const int MaxCaptionWords = 45;
    private const int MaxSpamWords = 10;
    private const int MaxTeaserWords = 22;

    /// <summary>Strength of a line as part of a sign-up or comment form: 0 none, 1 a generic UI word, 2 a telling phrase.</summary>
    public static int SignUpStrength(string line, int words)
    {
        if (words > MaxFormLineWords) return 0;
        int strong = SignUpPhrase().Count(line);
        if (strong > 0) return strong >= 2 ? 3 : 2;
        return FormUiWord().IsMatch(line) ? 1 : 0;
    }

    /// <summary>Strength of a line as part of a comment section: 0 none, 1 a form label, 2 a telling phrase.</summary>
    public static int CommentStrength(string line, int words)
    {
        if (words > MaxFormLineWords) return 0;
        if (CommentPhrase().IsMatch(line)) return 2;
        return CommentLabel().IsMatch(line) || FormUiWord().IsMatch(line) ? 1 : 0;
    }

    /// <summary>The verdict for a line that is noise on its own, whatever surrounds it; null for anything else.</summary>
    public static NoiseVerdict? ClassifyLine(string line, int words)
    {
        if (CounterLine().IsMatch(line)) return new(RemovalReason.Counter, "a lone number (view, share or comment counter)");
        if (words <= MaxCaptionWords)
        {
            if (MojibakeCaption().IsMatch(line)) return new(RemovalReason.PhotoCaption, "photo caption framed by '??' markers");
            if (CreditSuffix().IsMatch(line)) return new(RemovalReason.PhotoCaption, "photo caption ending in a 'Credit:' label");
            if (CreditParenthesisStart().IsMatch(line)) return new(RemovalReason.PhotoCaption, "photo caption opening with a (Photographer/Outlet) credit");
            if (CreditParenthesisEnd().IsMatch(line)) return new(RemovalReason.PhotoCaption, "photo caption ending with a (Photographer/Outlet) credit");
            if (CaptionLabel().IsMatch(line)) return new(RemovalReason.PhotoCaption, "line labelled as a photo or image caption");
            if (AgencyPhotoCredit().IsMatch(line)) return new(RemovalReason.PhotoCaption, "agency photo credit");
        }
        if (SpamLead().IsMatch(line)) return new(RemovalReason.Spam, "link-bait line opening with 'Click here:'");
        if (words <= MaxSpamWords && !LineFeatures.EndsWithTerminal(line) && SpamWord().IsMatch(line) && MostlyLowerCase(line))
            return new(RemovalReason.Spam, "short unpunctuated line with shopping spam words");
        if (words <= MaxFormLineWords + 5 && Syndication().IsMatch(line))
            return new(RemovalReason.SyndicationBoilerplate, "aggregator or syndication boilerplate");
        if (words <= MaxFormLineWords && SubscriptionLine().IsMatch(line))
            return new(RemovalReason.Subscription, "subscription call to action");
        if (AdvertisementLine().IsMatch(line)) return new(RemovalReason.Advertisement, "advertisement label");
        if (NavigationLine().IsMatch(line) || Breadcrumb().IsMatch(line) || FollowUs().IsMatch(line))
            return new(RemovalReason.Navigation, "page navigation or share control");
        if (words <= MaxTeaserWords && RelatedMarker().IsMatch(line) && (words <= 3 || !LineFeatures.EndsSentence(line)))
            return new(RemovalReason.RelatedContent, "related-article link ('Read more', 'Related')");
        return null;
    }

    /// <summary>
    /// True when a line inside the body looks like a teaser for another article: a headline with a
    /// " | Kicker" tail, or a short unpunctuated line in Title Case.
    /// </summary>
    public static NoiseVerdict? ClassifyTeaser(string line, int words)
    {
        if (words > MaxTeaserWords || LineFeatures.EndsWithTerminal(line)) return null;
        if (PipeKicker().IsMatch(line)) return new(RemovalReason.RelatedContent, "headline-like teaser with a ' | Kicker' tail inside the body");
        if (words >= 5 && LineFeatures.IsTitleCase(line)) return new(RemovalReason.RelatedContent, "unpunctuated Title Case headline inside the body");
        return null;
    }

    /// <summary>Inline subscription prompts inside a sentence ("… on Friday. (click here to subscribe).").</summary>
    public static Match InlineSubscription(string line) => InlineSubscriptionPattern().Match(line);

    private static bool MostlyLowerCase(string line)
    {
        int lower = 0, upper = 0;
        foreach (char c in line)
        {
            if (char.IsLower(c)) lower++;
            else if (char.IsUpper(c)) upper++;
        }
        return lower > upper * 2;
    }

    [GeneratedRegex(@"thank(?:s| you) for (?:signing up|subscribing|registering|joining)|\bnewsletters?\b|\bsign(?:ing)?[ \-]?up (?:for|to|now|here)\b|something went wrong|try again later|e-?mail address (?:you (?:have )?(?:provided|entered)|is (?:already|not|invalid))|\balready (?:registered|subscribed)\b|enter (?:your|a valid) e-?mail|\bunsubscribe\b|\binbox\b|you(?:'|’)re (?:all set|now subscribed|on the list)|by (?:signing up|subscribing),? you agree", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SignUpPhrase();

    [GeneratedRegex(@"^(?:click here|tap here|close|thank you|thanks|submit|sign up|subscribe|cancel|ok|okay|continue|register|log ?in|sign in|no,? thanks|not now|dismiss|got it|x|×|✕)[.,!]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FormUiWord();

    [GeneratedRegex(@"^leave a (?:reply|comment)\b|^(?:no|\d+|one) comments?\s*:?$|^post a comment\b|your e-?mail address will not be published|required fields are marked|^(?:add|write|post|submit) (?:a |your )?comment\b|^comments?\s*(?:\(\d+\)|:)?$|^(?:newer|older) posts?\b|^subscribe to:? post comments|^(?:join|start) the (?:conversation|discussion)\b|^(?:show|view|load|hide|read) (?:all |more )?comments\b|save my name,? e-?mail,? and website|^you must be (?:logged|signed) in to (?:post a )?comment|^comments are (?:closed|moderated)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CommentPhrase();

    [GeneratedRegex(@"^(?:name|e-?mail|website|comment|reply|cancel reply|post comment|notify me of (?:follow-up comments|new posts)\b.*)\s*\*?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CommentLabel();

    [GeneratedRegex(@"^(?:\d{1,3}(?:[,.\u00A0 ]\d{3})+|\d{1,7})(?:\.\d)?\s*[kKmM]?\s*(?:views?|reads?|shares?|comments?|likes?)?$|^(?:views?|shares?|reads?|likes?)\s*:?\s*\d[\d,.]*\s*[kKmM]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CounterLine();

    [GeneratedRegex(@"^\?\?\s*\(|\?\?\s*\([^()\n]{2,80}\)\s*\?\?", RegexOptions.CultureInvariant)]
    private static partial Regex MojibakeCaption();

    [GeneratedRegex(@"(?:^|\s|\p{Ll}|[.)])Credit\s*:\s*[\p{L}\p{N} .,/&'’\-]{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditSuffix();

    [GeneratedRegex(@"^\((?:(?:Photo(?:graph)?s?|Picture|Image|Credit)\s*:?\s*)?\p{Lu}[^()\n/]{1,50}/[^()\n]{2,50}\)", RegexOptions.CultureInvariant)]
    private static partial Regex CreditParenthesisStart();

    [GeneratedRegex(@"\((?:(?:Photo(?:graph)?s?|Picture|Image|Credit)\s*:?\s*)?\p{Lu}[^()\n/]{1,50}/\s?\p{Lu}[^()\n]{1,50}\)\s*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex CreditParenthesisEnd();

    [GeneratedRegex(@"^(?:Photo(?:graph)?|Picture|Image|Pictured|Caption|Illustration|File photo|Main image|Top image)\s*:", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionLabel();

    [GeneratedRegex(@"^(?:REUTERS|AFP|AP|EPA|ANADOLU|GETTY)/\p{Lu}|(?:/|\bvia\s)(?:Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|Alamy|Anadolu(?: Agency)?)\s*\)?\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPhotoCredit();

    [GeneratedRegex(@"^(?:click|tap) here\s*[:\-–—]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpamLead();

    [GeneratedRegex(@"\b(?:cheap|wholesale|replica|discount(?:ed)?|viagra|cialis|casino|payday|for sale|buy now|free shipping|jerseys?|outlet store|promo code|coupons?|bitcoin profit)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpamWord();

    [GeneratedRegex(@"^Newspapers (?:in|from) \p{Lu}[\p{L} .\-]{1,30}$|^(?:printed and distributed by|powered by) pressreader|pressreader\.com|^(?:copyright|©|\(c\))\s.{0,120}all rights reserved\.?$|^all rights reserved\.?$|^this (?:article|story|report) (?:was |is )?(?:originally |first )?(?:published|appeared) (?:in|on|by)\b|^(?:republished|reproduced|reprinted) (?:with permission )?(?:from|by)\b|^(?:distributed|syndicated) by\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Syndication();

    [GeneratedRegex(@"^\(?\s*(?:click|tap) here to (?:subscribe|sign up|register|join)\b[^()]{0,40}\)?\.?$|^subscribe (?:now|today|here)\b|^(?:already a subscriber|become a (?:member|subscriber|supporter)|get unlimited access|support (?:our|independent) journalism|subscribe to (?:continue|read|unlock))|^to continue reading,? (?:please )?(?:subscribe|log in|sign in)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SubscriptionLine();

    [GeneratedRegex(@"\s*\((?:click|tap) here to (?:subscribe|sign up|register|join)[^()\n]{0,40}\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InlineSubscriptionPattern();

    [GeneratedRegex(@"^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|paid content|story continues below(?: this)? advertisement)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AdvertisementLine();

    [GeneratedRegex(@"^(?:home|menu|search|skip to (?:main )?content|share(?: this(?: article| story| page)?)?|share on (?:facebook|twitter|x|whatsapp|linkedin|telegram)|tweet|whatsapp|print|e-?mail|facebook|twitter|linkedin|telegram|copy link|back to top|close|log ?in|sign in)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NavigationLine();

    [GeneratedRegex(@"^\p{Lu}[\p{L} ]{1,25}(?:\s*[>»›]\s*\p{Lu}[\p{L} ]{1,25}){1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"^follow (?:us|\p{Lu}[\p{L} ]{1,30}) on (?:facebook|twitter|x|instagram|telegram|whatsapp|youtube|linkedin)\b.{0,60}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FollowUs();

    [GeneratedRegex(@"^(?:(?:read|see) (?:more|also)|related(?: articles?| stories| news| coverage)?|recommended(?: for you)?|more from|more on this(?: story)?|also read|also on|you (?:may|might) also like|most (?:read|popular|viewed)|trending(?: now)?|more stories|editor(?:'|’)s picks?|latest news|top stories|watch)\b\s*[:\-–—»>]?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelatedMarker();

    [GeneratedRegex(@"^[^|]{10,200}\s\|\s\p{Lu}[\p{L}\-]{2,20}(?:\s\p{Lu}?[\p{L}\-]{2,20})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PipeKicker();
}
