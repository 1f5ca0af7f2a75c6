using Parallax.Core.Articles;
using Parallax.Reporting.Html;

namespace Parallax.Reporting.Sections;

/// <summary>
/// The articles grouped by outlet: what is known about each, then its clean text. In HTML each article is a
/// collapsible &lt;details&gt; whose text carries the span annotations of every registered source.
/// </summary>
internal sealed class ArticlesSection : IReportSection
{
    private const string UnknownOutlet = "Unknown outlet";

    public string Id => "articles";

    public string Title => "Outlets and articles";

    public int Order => 200;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.View.Articles.IsDefaultOrEmpty)
        {
            writer.Write("No articles.\n");
            return;
        }
        foreach (var (outlet, articles) in ByOutlet(context.View))
        {
            writer.Write($"### {ReportText.Markdown(outlet)}\n\n");
            foreach (var article in articles)
            {
                writer.Write($"#### {ReportText.Markdown(Facts.Heading(context, article))}\n\n");
                Facts.Markdown(writer, Facts.OfArticle(context, article));
                var text = ArticleFacts.CleanText(article);
                var paragraphs = ArticleFacts.Paragraphs(article);
                if (paragraphs.IsEmpty) writer.Write("*No clean text.*\n\n");
                foreach (var p in paragraphs)
                {
                    var lines = p.Of(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                    // Blockquoted so the article's words stay visibly apart from the report's; "\" is a hard line break.
                    writer.Write("> ");
                    writer.Write(string.Join("\\\n> ", lines.Select(ReportText.Markdown)));
                    writer.Write("\n\n");
                }
            }
        }
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.View.Articles.IsDefaultOrEmpty)
        {
            writer.Write("<p>No articles.</p>\n");
            return;
        }
        foreach (var (outlet, articles) in ByOutlet(context.View))
        {
            writer.Write($"<h3>{ReportText.Html(outlet)}</h3>\n");
            foreach (var article in articles)
            {
                writer.Write($"<details class=\"article\" id=\"{ReportText.Html(context.AnchorOf(article.Id))}\">\n");
                writer.Write($"<summary>{ReportText.Html(Facts.Heading(context, article))}</summary>\n");
                Facts.Html(writer, Facts.OfArticle(context, article));
                writer.Write("<div class=\"article-text\">\n");
                var paragraphs = ArticleFacts.Paragraphs(article);
                if (paragraphs.IsEmpty) writer.Write("<p class=\"muted\">No clean text.</p>\n");
                else
                {
                    var annotations = context.SpanSources.SelectMany(s => s.Annotate(article));
                    AnnotatedTextRenderer.Render(ArticleFacts.CleanText(article), paragraphs, annotations, writer);
                }
                writer.Write("</div>\n</details>\n");
            }
        }
    }

    private static IEnumerable<(string Outlet, List<ArticleRecord> Articles)> ByOutlet(StoryView view) =>
        view.Articles
            .GroupBy(a => a.Outlet, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key ?? UnknownOutlet, g.ToList()));
}
