using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core.Articles;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Time;
using Parallax.Nlp.Tokens;

namespace Parallax.Reporting.Sections;

/// <summary>
/// What happened when, and which outlet said so: every temporal expression with a calendar value (dates and times; not
/// durations, sets, vague references or values with unknown parts), grouped by the date it resolves to, in calendar
/// order (a month or year before the days inside it). Each row gives the role (happened, reported, claimed or planned),
/// the outlet, the article and the sentence it came from. Then each article's publication date and how it was obtained.
/// </summary>
/// <remarks>Near copies (articles with a <see cref="ArticleRecord.DuplicateOf"/>) are left out of the rows so a syndicated
/// copy does not look like a second outlet agreeing; their publication dates are still listed.</remarks>
internal sealed class TimelineSection : IReportSection
{
    private static readonly string[] PublicationHeader = ["Article", "Outlet", "Published", "How it was obtained", "Relative dates resolved against"];

    private const string Intro = "Dates the articles mention, resolved to the calendar and grouped by date, so that outlets reporting the same date appear together. "
        + "Roles: *happened* (an event's date), *reported* (when something was said), *claimed or planned* (a date announced or claimed for the future). "
        + "Near copies of another article are left out.";

    public string Id => "timeline";

    public string Title => "Timeline";

    public int Order => 150;

    public string Stylesheet => """
        :root { --tl-planned: #bf3989; --tl-reported: #8250df; --tl-happened: #1f6feb; }
        @media (prefers-color-scheme: dark) { :root { --tl-planned: #ff80c8; --tl-reported: #d2a8ff; --tl-happened: #58a6ff; } }
        .tl-group { border-left: 3px solid var(--line); padding: 0 0 0.25rem 1rem; margin: 0 0 1.25rem; }
        .tl-group.tl-has-planned { border-left-style: dashed; border-left-color: var(--tl-planned); }
        .tl-group > h3 { margin: 0 0 0.4rem; font-size: 1.05rem; }
        .tl-group > h3 code { font-weight: normal; color: var(--muted); margin-left: 0.4rem; }
        .tl-sources { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.4rem; }
        .tl-sources.tl-agree { color: var(--fg); font-weight: 600; }
        ul.tl-rows { list-style: none; margin: 0; padding: 0; }
        li.tl-row { margin: 0 0 0.6rem; }
        .tl-role { display: inline-block; font-size: 0.72rem; line-height: 1.4; padding: 0 0.45rem; border-radius: 999px; border: 1px solid currentColor; margin-right: 0.35rem; }
        .tl-happened .tl-role { color: var(--tl-happened); }
        .tl-reported .tl-role { color: var(--tl-reported); }
        .tl-planned .tl-role { color: var(--tl-planned); border-style: dashed; font-weight: 600; }
        .tl-meta { font-size: 0.9rem; }
        .tl-excerpt { margin: 0.2rem 0 0; font-size: 0.95rem; }
        .tl-excerpt mark { background: var(--panel); color: var(--fg); border-bottom: 2px solid var(--tl-happened); }
        .tl-reported .tl-excerpt mark { border-bottom-color: var(--tl-reported); }
        .tl-planned .tl-excerpt mark { border-bottom: 2px dashed var(--tl-planned); }
        #timeline table th:nth-child(-n+3), #timeline table td:nth-child(-n+3) { white-space: nowrap; overflow-wrap: normal; }
        #timeline table td:nth-child(5) { overflow-wrap: normal; min-width: 9rem; }
        """;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Intro + "\n\n");
        var groups = Groups(context);
        if (groups.Count == 0) writer.Write("No dated expressions were found (or the temporal stage has not run on these articles).\n\n");
        foreach (var g in groups)
        {
            writer.Write(string.Equals(g.Period.Label, g.Period.Key, StringComparison.Ordinal)
                ? $"### {ReportText.Markdown(g.Period.Label)}\n\n"
                : $"### {ReportText.Markdown(g.Period.Label)} · `{g.Period.Key}`\n\n");
            writer.Write(ReportText.Markdown(Sources(context, g)) + "\n\n");
            writer.Write("| Role | Outlet | Article | Value | Excerpt |\n| --- | --- | --- | --- | --- |\n");
            foreach (var e in g.Entries)
            {
                var role = TimelineValues.RoleLabel(e.Timex.Role);
                if (e.Timex.Role == TimexRole.ClaimedOrPlanned) role = "**" + role + "**";
                writer.Write($"| {role} | {ReportText.MarkdownCell(e.Article.Outlet ?? "unknown outlet")} | {ReportText.MarkdownCell(context.LabelOf(e.Article.Id))} | ");
                writer.Write($"{ReportText.MarkdownCell(Value(e))} | ");
                var (before, match, after) = e.Excerpt;
                writer.Write($"{Inline(before)}**{Inline(match)}**{Inline(after)} |\n");
            }
            writer.Write('\n');
        }
        writer.Write("### Publication dates\n\n");
        Table.Markdown(writer, PublicationHeader, PublicationRows(context));
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<p>Dates the articles mention, resolved to the calendar and grouped by date, so that outlets reporting the same date appear together. "
            + "Roles: <em>happened</em> (an event&#39;s date), <em>reported</em> (when something was said), <em>claimed or planned</em> (a date announced or claimed for the future). "
            + "Near copies of another article are left out.</p>\n");
        var groups = Groups(context);
        if (groups.Count == 0) writer.Write("<p class=\"muted\">No dated expressions were found (or the temporal stage has not run on these articles).</p>\n");
        foreach (var g in groups)
        {
            bool planned = g.Entries.Any(e => e.Timex.Role == TimexRole.ClaimedOrPlanned);
            writer.Write($"<div class=\"tl-group{(planned ? " tl-has-planned" : string.Empty)}\" data-date=\"{ReportText.Html(g.Period.Key)}\">\n<h3>");
            var label = ReportText.Html(g.Period.Label);
            writer.Write(g.Period.MachineValue is { } machine ? $"<time datetime=\"{ReportText.Html(machine)}\">{label}</time>" : label);
            // A bare year reads the same in both forms; the value is shown only when it adds something.
            if (!string.Equals(g.Period.Label, g.Period.Key, StringComparison.Ordinal)) writer.Write($"<code>{ReportText.Html(g.Period.Key)}</code>");
            writer.Write("</h3>\n");
            writer.Write(OutletCount(g) > 1 ? "<p class=\"tl-sources tl-agree\">" : "<p class=\"tl-sources\">");
            writer.Write(ReportText.Html(Sources(context, g)) + "</p>\n<ul class=\"tl-rows\">\n");
            foreach (var e in g.Entries)
            {
                writer.Write($"<li class=\"tl-row tl-{TimelineValues.RoleClass(e.Timex.Role)}\"><span class=\"tl-role\">{ReportText.Html(TimelineValues.RoleLabel(e.Timex.Role))}</span>");
                writer.Write($"<span class=\"tl-meta\">{ReportText.Html(e.Article.Outlet ?? "unknown outlet")} · ");
                writer.Write($"<a href=\"#{ReportText.Html(context.AnchorOf(e.Article.Id))}\">{ReportText.Html(context.LabelOf(e.Article.Id))}</a> · ");
                writer.Write($"<code title=\"{ReportText.Html(e.Timex.Resolution)}\">{ReportText.Html(Value(e))}</code></span>\n");
                var (before, match, after) = e.Excerpt;
                writer.Write($"<blockquote class=\"tl-excerpt\">{ReportText.Html(before)}<mark>{ReportText.Html(match)}</mark>{ReportText.Html(after)}</blockquote></li>\n");
            }
            writer.Write("</ul>\n</div>\n");
        }
        writer.Write("<h3>Publication dates</h3>\n");
        Table.Html(writer, PublicationHeader, PublicationRows(context));
    }

    private sealed record Entry(CalendarPeriod Period, Timex Timex, ArticleRecord Article, int ArticleIndex, (string Before, string Match, string After) Excerpt);

    private sealed record Group(CalendarPeriod Period, ImmutableArray<Entry> Entries);

    private static List<Group> Groups(ReportContext context)
    {
        var entries = new List<Entry>();
        var articles = context.View.Articles;
        for (int i = 0; i < articles.Length; i++)
        {
            var article = articles[i];
            if (article.DuplicateOf is not null || !TimeLayers.TryGetTimexes(article.Document, out var timexes) || timexes.IsDefaultOrEmpty) continue;
            var text = ArticleFacts.CleanText(article);
            var sentences = article.Document.TryGet(TokenLayers.Sentences, out var s) ? s : default;
            foreach (var t in timexes)
            {
                if (t.Type is not (TimexType.Date or TimexType.Time) || t.Span.Start >= text.Length || TimelineValues.Period(t.Value) is not { } period) continue;
                entries.Add(new Entry(period, t, article, i, TimelineValues.Excerpt(text, t.Span, sentences, context.Options.ExcerptLength)));
            }
        }
        return
        [
            .. entries.GroupBy(e => e.Period.Key, StringComparer.Ordinal)
                .Select(g => new Group(g.First().Period, [.. g.OrderBy(e => e.Article.Outlet is null ? 1 : 0)
                    .ThenBy(e => e.Article.Outlet, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Article.Outlet, StringComparer.Ordinal)
                    .ThenBy(e => e.ArticleIndex).ThenBy(e => e.Timex.Span.Start)]))
                .OrderBy(g => g.Period, CalendarPeriod.TimelineOrder),
        ];
    }

    /// <summary>The value as shown in a row: the TimeML value, then the time of day and modifier in words.</summary>
    private static string Value(Entry e)
    {
        var extra = new List<string>(2);
        if (e.Period.TimeOfDay is { } tod) extra.Add(tod);
        if (TimelineValues.ModifierLabel(e.Timex.Modifier) is { } mod) extra.Add(mod);
        return extra.Count == 0 ? e.Timex.Value : $"{e.Timex.Value} ({string.Join(", ", extra)})";
    }

    private static int OutletCount(Group g) => g.Entries.Select(e => e.Article.Outlet ?? "\0" + e.Article.Id).Distinct(StringComparer.Ordinal).Count();

    /// <summary>"Mentioned by 2 outlets: Haaretz (A1), DEBKAfile (A3)" or "Mentioned by Haaretz (A1)".</summary>
    private static string Sources(ReportContext context, Group g)
    {
        var outlets = g.Entries
            .GroupBy(e => e.Article.Outlet ?? "unknown outlet", StringComparer.Ordinal)
            .Select(o => $"{o.Key} ({string.Join(", ", o.Select(e => context.LabelOf(e.Article.Id)).Distinct(StringComparer.Ordinal))})")
            .ToList();
        int n = OutletCount(g);
        return n > 1
            ? $"Mentioned by {n.ToString(CultureInfo.InvariantCulture)} outlets: {string.Join(", ", outlets)}"
            : $"Mentioned by {string.Join(", ", outlets)}";
    }

    private static string Inline(string text) => text.Length == 0 ? string.Empty : ReportText.Markdown(text).Replace("\n", " ", StringComparison.Ordinal);

    private static List<IReadOnlyList<Cell>> PublicationRows(ReportContext context) =>
    [
        .. context.View.Articles.Select(a =>
        {
            var published = a.Document.Metadata[MetadataField.Published];
            var anchor = TimeLayers.TryGetAnchor(a.Document, out var found) ? found : null;
            return (IReadOnlyList<Cell>)
            [
                new Cell(context.LabelOf(a.Id), context.AnchorOf(a.Id)),
                a.Outlet ?? "unknown outlet",
                published is null ? "unknown" : ReportText.Shorten(published.Value, context.Options.ExcerptLength),
                HowObtained(published, anchor, context.Options.ExcerptLength),
                AnchorCell(anchor),
            ];
        }),
    ];

    private static string HowObtained(MetadataCandidate? published, TemporalAnchor? anchor, int limit)
    {
        if (published is null)
            return anchor is null ? "unknown: not in the metadata, and the temporal stage has not run" : $"uncertain: not in the metadata, and the text fixes no day ({anchor.Explanation})";
        if (published.Source != MetadataSource.Inferred)
            return $"from the metadata: {ArticleFacts.SourceLabel(published.Source)}, confidence {ReportText.Number(published.Confidence)}";
        var why = ReportText.Shorten(anchor?.Explanation ?? published.Evidence, limit);
        return PublicationDate.IsUncertain(published)
            ? $"uncertain: inferred from the text with confidence {ReportText.Number(published.Confidence)} ({why})"
            : $"inferred from the text with confidence {ReportText.Number(published.Confidence)} ({why})";
    }

    private static string AnchorCell(TemporalAnchor? anchor) => anchor?.Source switch
    {
        null => "not analysed",
        AnchorSource.Known => TimelineValues.Iso(anchor.Date) + " (known)",
        AnchorSource.Inferred => $"{TimelineValues.Iso(anchor.Date)} (inferred, confidence {ReportText.Number(anchor.Confidence)})",
        _ => "none: relative dates left unresolved",
    };
}
