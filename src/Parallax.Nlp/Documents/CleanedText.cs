using System.Collections.Immutable;
using Parallax.Text;

namespace Parallax.Nlp.Documents;

/// <summary>Why a block was removed from the text during cleaning. Stable names: they appear in exports.</summary>
public enum RemovalReason
{
    /// <summary>Navigation, menus, headers, footers.</summary>
    Navigation,
    /// <summary>Advertising or sponsored content.</summary>
    Advertisement,
    /// <summary>Cookie or consent banners.</summary>
    CookieBanner,
    /// <summary>Newsletter or account sign-up prompts.</summary>
    SignUpPrompt,
    /// <summary>Comment sections and comment forms.</summary>
    CommentSection,
    /// <summary>Spam lines ("Click Here: …").</summary>
    Spam,
    /// <summary>Related-article lists and teasers, "Read More".</summary>
    RelatedContent,
    /// <summary>Photo captions and credits.</summary>
    PhotoCaption,
    /// <summary>View counters, share counts.</summary>
    Counter,
    /// <summary>Aggregator or syndication boilerplate ("Newspapers in English").</summary>
    SyndicationBoilerplate,
    /// <summary>Subscription calls to action.</summary>
    Subscription,
    /// <summary>Lines that became metadata (headline, byline, credit, masthead, dateline).</summary>
    Metadata,
    /// <summary>A repeated copy of a line already in the text (e.g. the headline twice).</summary>
    Repeated,
    /// <summary>Page furniture outside the article body found by main-content extraction.</summary>
    Boilerplate,
    /// <summary>Scripts, styles and other non-text markup.</summary>
    Markup,
}

/// <summary>
/// A block of the raw input left out of the clean text, kept so nothing is lost.
/// </summary>
/// <param name="Reason">Why it was removed.</param>
/// <param name="Text">The removed text (tags stripped for HTML).</param>
/// <param name="RawSpan">Where it was in the raw input.</param>
/// <param name="CleanOffset">The clean-text offset where it would be re-inserted to restore it.</param>
/// <param name="Detail">A short human explanation ("matched newsletter sign-up phrases"), for the report.</param>
public sealed record RemovedBlock(RemovalReason Reason, string Text, TextSpan RawSpan, int CleanOffset, string Detail);

/// <summary>
/// The output of cleaning: the clean text that all later annotations index into, its paragraphs,
/// its map back to the raw input, and what was removed.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CleanedText(
    string Text,
    ImmutableArray<TextSpan> Paragraphs,
    OffsetMap Map,
    ImmutableArray<RemovedBlock> Removed)
{
    /// <summary>
    /// The clean text with the given removed blocks put back at their clean offsets, each as its own paragraph.
    /// Offsets of other annotations do not apply to the restored text.
    /// </summary>
    public string Restore(IEnumerable<RemovedBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var sb = new System.Text.StringBuilder(Text.Length + 256);
        int at = 0;
        foreach (var b in blocks.OrderBy(b => b.CleanOffset).ThenBy(b => b.RawSpan.Start))
        {
            int offset = Math.Clamp(b.CleanOffset, at, Text.Length);
            sb.Append(Text, at, offset - at);
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append("\n\n");
            sb.Append(b.Text).Append("\n\n");
            at = offset;
        }
        sb.Append(Text, at, Text.Length - at);
        return sb.ToString();
    }
}
