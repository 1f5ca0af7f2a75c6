using Parallax.Core.Articles;
using Parallax.Nlp.Documents;

namespace Parallax.Reporting.Sections;

/// <summary>The story at a glance: label, key terms, article count, outlets, date range.</summary>
internal sealed class SummarySection : IReportSection
{
    public string Id => "summary";

    public string Title => "Summary";

    public int Order => 100;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        Facts.Markdown(writer, Build(context.View));
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        Facts.Html(writer, Build(context.View));
    }

    private static IEnumerable<(string, string)> Build(StoryView view)
    {
        var story = view.Story;
        int originals = view.Articles.Count(a => a.DuplicateOf is null);
        yield return ("Story", story.Label);
        yield return ("Story id", story.Id);
        yield return ("Key terms", story.KeyTerms.IsDefaultOrEmpty ? "none" : string.Join(", ", story.KeyTerms));
        yield return ("Articles", originals == view.Articles.Length
            ? StoryReportWriter.Plural(view.Articles.Length, "article")
            : $"{StoryReportWriter.Plural(view.Articles.Length, "article")} ({StoryReportWriter.Plural(view.Articles.Length - originals, "duplicate")})");
        yield return ("Outlets", Outlets(view));
        yield return ("Published", DateRange(view));
        yield return ("Story opened", ReportText.Iso(story.CreatedAt));
        yield return ("Last updated", ReportText.Iso(story.UpdatedAt));
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Outlets(StoryView view)
    {
        var known = view.Articles.Where(a => a.Outlet is not null)
            .GroupBy(a => a.Outlet!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({Count(g.Count())})")
            .ToList();
        int unknown = view.Articles.Count(a => a.Outlet is null);
        if (unknown > 0) known.Add($"unknown outlet ({Count(unknown)})");
        return known.Count == 0 ? "none" : string.Join(", ", known);
    }

    private static string DateRange(StoryView view)
    {
        var dated = view.Articles
            .Select(a => ArticleFacts.Value(a, MetadataField.Published))
            .Select(v => (Value: v, At: ArticleFacts.ParsePublished(v)))
            .Where(d => d.At is not null)
            .OrderBy(d => d.At)
            .ToList();
        int undated = view.Articles.Length - dated.Count;
        var suffix = undated > 0 ? $" ({Count(undated)} without a usable date)" : string.Empty;
        if (dated.Count == 0) return "unknown" + suffix;
        var first = dated[0].Value!;
        var last = dated[^1].Value!;
        return (string.Equals(first, last, StringComparison.Ordinal) ? first : $"{first} to {last}") + suffix;
    }
}
