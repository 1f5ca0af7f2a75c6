using Parallax.Core.Articles;
using Parallax.Text;

namespace Parallax.Reporting.Annotations;

/// <summary>Marks where cleaning removed a block: a small badge at the block's clean offset, its text in the tooltip.</summary>
internal sealed class RemovedBlockMarkerSource : ISpanAnnotationSource
{
    private const int TooltipLength = 160;

    public string Name => "removed";

    public string Stylesheet => """
        .badge.removed { background: var(--removed-bg); color: var(--removed-fg); }
        """;

    public IEnumerable<SpanAnnotation> Annotate(ArticleRecord article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var clean = ArticleFacts.Clean(article);
        if (clean is null) yield break;
        foreach (var block in clean.Removed)
        {
            int at = Math.Clamp(block.CleanOffset, 0, clean.Text.Length);
            var reason = ArticleFacts.ReasonLabel(block.Reason);
            var title = $"Removed ({reason}): {block.Detail} — “{ReportText.Shorten(block.Text, TooltipLength)}”";
            yield return new SpanAnnotation(new TextSpan(at, at), "removed", title, "removed: " + reason);
        }
    }
}
