using System.Globalization;
using Parallax.Core.Analysis;

namespace Parallax.Reporting.Sections;

/// <summary>
/// Each article's framing side by side (one column per article, not a rating of its outlet): how often it hedges, how
/// much it relies on unnamed sources, whom it quotes, which labels it uses for each kind of actor and which loaded verbs
/// for each kind of act (lexicons in data/lexicons/framing).
/// </summary>
internal sealed class FramingSection : IReportSection
{
    private const string Intro = "How each article frames the story, side by side. Labels and loaded verbs come from the framing lexicons "
        + "(data/lexicons/framing); the connotation is the lexicon's. Hedges are words such as “reportedly” or “is said to”, per 1,000 words. "
        + "This compares articles, not outlets.";

    public string Id => "framing";

    public string Title => "Framing by article";

    public int Order => 180;

    public string Stylesheet => "#framing table td:first-child { white-space: nowrap; font-weight: 600; }";

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Intro + "\n\n");
        var (header, rows) = Build(context);
        if (rows.Count == 0) writer.Write("No articles to compare.\n");
        else Table.Markdown(writer, header, rows);
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"<p>{ReportText.Html(Intro)}</p>\n");
        var (header, rows) = Build(context);
        if (rows.Count == 0) writer.Write("<p class=\"muted\">No articles to compare.</p>\n");
        else Table.Html(writer, header, rows);
    }

    internal static (List<string> Header, List<IReadOnlyList<Cell>> Rows) Build(ReportContext context)
    {
        var framing = StoryAnalysisCache.Of(context).Framing;
        var header = new List<string> { string.Empty };
        header.AddRange(framing.Select(f => context.LabelOf(f.ArticleId) + " · " + f.Outlet));
        var rows = new List<IReadOnlyList<Cell>>();
        if (framing.IsEmpty) return (header, rows);

        IReadOnlyList<Cell> Row(string label, Func<ArticleFraming, string> cell) => [label, .. framing.Select(f => new Cell(cell(f)))];
        rows.Add(Row("Words", f => f.Words.ToString(CultureInfo.InvariantCulture)));
        rows.Add(Row("Hedges per 1,000 words", f => $"{ReportText.Number(f.HedgesPer1000Words, 1)} ({f.Hedges.ToString(CultureInfo.InvariantCulture)}: {Terms(f.HedgeUses, connotation: false)})"));
        rows.Add(Row("Quotes", f => f.Quotes.ToString(CultureInfo.InvariantCulture)));
        rows.Add(Row("Unnamed sources", f => f.Quotes == 0 ? "no quotes" : $"{ReportText.Number(f.UnnamedShare * 100, 0)} % ({f.UnnamedQuotes.ToString(CultureInfo.InvariantCulture)} of {f.Quotes.ToString(CultureInfo.InvariantCulture)})"));
        rows.Add(Row("Who it quotes", f => f.Sources.IsEmpty ? "nobody" : string.Join("; ", f.Sources.Select(s =>
            s.Name + (s.Kind == Parallax.Nlp.Quotes.SourceKind.Named ? string.Empty : " (" + s.Kind.ToString().ToLowerInvariant() + ")") + (s.Count > 1 ? " ×" + s.Count.ToString(CultureInfo.InvariantCulture) : string.Empty)))));
        foreach (var group in framing.SelectMany(f => f.Labels).Select(l => l.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            rows.Add(Row("Labels: " + group, f => Terms([.. f.Labels.Where(l => l.Group == group)], connotation: true)));
        foreach (var frame in framing.SelectMany(f => f.Verbs).Select(l => l.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            rows.Add(Row("Verbs: " + frame, f => Terms([.. f.Verbs.Where(l => l.Group == frame)], connotation: true)));
        return (header, rows);
    }

    private static string Terms(IReadOnlyList<FramingUse> uses, bool connotation) =>
        uses.Count == 0
            ? "—"
            : string.Join(", ", uses.OrderByDescending(u => u.Count).ThenBy(u => u.Term, StringComparer.Ordinal).Select(u =>
                u.Term + (u.Count > 1 ? " ×" + u.Count.ToString(CultureInfo.InvariantCulture) : string.Empty) + (connotation ? " (" + u.Connotation + ")" : string.Empty)));
}
