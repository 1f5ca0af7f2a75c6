using Parallax.Core.Articles;
using Parallax.Nlp.Documents;

namespace Parallax.Reporting.Sections;

/// <summary>Label/value lists (a Markdown bullet list, an HTML &lt;dl&gt;) and the facts shown for an article.</summary>
internal static class Facts
{
    public static void Markdown(TextWriter writer, IEnumerable<(string Label, string Value)> facts)
    {
        foreach (var (label, value) in facts)
            writer.Write($"- **{ReportText.Markdown(label)}:** {ReportText.MarkdownCell(value)}\n");
        writer.Write('\n');
    }

    public static void Html(TextWriter writer, IEnumerable<(string Label, string Value)> facts)
    {
        writer.Write("<dl class=\"facts\">\n");
        foreach (var (label, value) in facts)
            writer.Write($"<dt>{ReportText.Html(label)}</dt><dd>{ReportText.Html(value)}</dd>\n");
        writer.Write("</dl>\n");
    }

    /// <summary>The heading text of an article: "A1 · Title" (the source id when the title is unknown).</summary>
    public static string Heading(ReportContext context, ArticleRecord article) =>
        context.LabelOf(article.Id) + " · " + (article.Title ?? article.Document.Source.SourceId);

    public static IEnumerable<(string, string)> OfArticle(ReportContext context, ArticleRecord article)
    {
        const string unknown = "unknown";
        var language = ArticleFacts.Value(article, MetadataField.Language);
        yield return ("Title", article.Title ?? unknown);
        yield return ("Outlet", article.Outlet ?? unknown);
        yield return ("Author", ArticleFacts.Value(article, MetadataField.Author) ?? unknown);
        yield return ("Published", ArticleFacts.Value(article, MetadataField.Published) ?? unknown);
        yield return ("Language", language is null ? unknown : $"{ArticleFacts.LanguageName(language)} ({language})");
        yield return ("Source id", article.Document.Source.SourceId);
        if (ArticleFacts.Value(article, MetadataField.Url) is { } url) yield return ("URL", url);
        yield return ("Article id", article.Id);
        yield return ("Words", ArticleFacts.Words(ArticleFacts.CleanText(article)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Ingested", ReportText.Iso(article.IngestedAt));
        if (article.DuplicateOf is { } original)
            yield return ("Duplicate of", $"{context.LabelOf(original)} (similarity {ReportText.Number(article.DuplicateSimilarity)})");
    }
}
