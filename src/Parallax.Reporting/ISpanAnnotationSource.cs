using Parallax.Core.Articles;
using Parallax.Text;

namespace Parallax.Reporting;

/// <summary>
/// Supplies stand-off highlights for the HTML article view: spans of an article's clean text
/// (<see cref="Parallax.Nlp.Documents.Document.Text"/>) to mark, each with a CSS class and a tooltip.
/// The article view merges the annotations of every registered source.
/// </summary>
/// <remarks>
/// Implementations must be stateless or immutable and thread-safe. A source returns nothing for a document that
/// lacks the layers it reads.
/// </remarks>
public interface ISpanAnnotationSource
{
    /// <summary>Stable name of the source (e.g. "language"), used to order sources deterministically.</summary>
    string Name { get; }

    /// <summary>CSS rules for the classes this source uses (same restrictions as <see cref="IReportSection.Stylesheet"/>).</summary>
    string Stylesheet { get; }

    /// <summary>
    /// The annotations for one article, over its clean text. Offsets are UTF-16 code units, end exclusive.
    /// An empty span is a point marker, drawn as a small badge at that offset. Spans that reach past the
    /// clean text are clipped to it; spans that start past it are dropped.
    /// </summary>
    IEnumerable<SpanAnnotation> Annotate(ArticleRecord article);
}

/// <summary>A highlight or point marker over an article's clean text.</summary>
/// <param name="Span">Clean-text span (UTF-16, end exclusive). Empty: a point marker at <see cref="TextSpan.Start"/>.</param>
/// <param name="CssClass">CSS class(es) for the element: letters, digits, '-' and '_' separated by spaces.</param>
/// <param name="Title">Tooltip text (plain text; HTML-encoded by the view).</param>
/// <param name="Badge">Text of a point marker's badge (plain text); ignored for non-empty spans.</param>
/// <param name="Language">BCP 47 language of the span's text, emitted as <c>lang</c> with <c>dir="auto"</c>, or null.</param>
public sealed record SpanAnnotation(TextSpan Span, string CssClass, string Title, string? Badge = null, string? Language = null);
