using Parallax.Core.Articles;

namespace Parallax.Reporting.Annotations;

/// <summary>Highlights spans whose identified language differs from the document's (an Arabic line in an English article).</summary>
internal sealed class ForeignLanguageSpanSource : ISpanAnnotationSource
{
    public string Name => "language";

    public string Stylesheet => """
        .lang-other { background: var(--lang-bg); border-bottom: 2px solid var(--lang-line); unicode-bidi: isolate; }
        """;

    public IEnumerable<SpanAnnotation> Annotate(ArticleRecord article)
    {
        ArgumentNullException.ThrowIfNull(article);
        foreach (var tag in ArticleFacts.ForeignSpans(article))
        {
            var title = $"{ArticleFacts.LanguageName(tag.Language)} ({tag.Language}), {tag.Script} script, confidence {ReportText.Number(tag.Confidence)}";
            yield return new SpanAnnotation(tag.Span, "lang-other", title, Language: tag.Language);
        }
    }
}
