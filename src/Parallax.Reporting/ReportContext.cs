using System.Collections.Immutable;
using Parallax.Core.Articles;

namespace Parallax.Reporting;

/// <summary>
/// What a section sees while one report is rendered: the story, the options, the annotation sources, and the
/// short labels ("A1", "A2", …) and anchors every section uses to refer to the same article.
/// </summary>
/// <remarks>Immutable; created by <see cref="StoryReportWriter"/> once per report.</remarks>
public sealed class ReportContext
{
    private readonly ImmutableDictionary<string, int> _index;

    internal ReportContext(StoryView view, ReportOptions options, ImmutableArray<ISpanAnnotationSource> spanSources)
    {
        View = view;
        Options = options;
        SpanSources = spanSources;
        var index = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < view.Articles.Length; i++) index.TryAdd(view.Articles[i].Id, i);
        _index = index.ToImmutable();
    }

    /// <summary>The story being reported.</summary>
    public StoryView View { get; }

    /// <summary>The report options.</summary>
    public ReportOptions Options { get; }

    /// <summary>The annotation sources the article view merges, in registry order.</summary>
    public ImmutableArray<ISpanAnnotationSource> SpanSources { get; }

    /// <summary>The article's short label, "A" plus its 1-based position in <see cref="StoryView.Articles"/>; the id itself when not in the story.</summary>
    public string LabelOf(string articleId) =>
        _index.TryGetValue(articleId, out int i) ? "A" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : articleId;

    /// <summary>The article's HTML anchor id ("article-" plus its label), unencoded.</summary>
    public string AnchorOf(string articleId) => "article-" + LabelOf(articleId);

    /// <summary>The article with that id in this story, or null.</summary>
    public ArticleRecord? Find(string articleId) =>
        _index.TryGetValue(articleId, out int i) ? View.Articles[i] : null;
}
