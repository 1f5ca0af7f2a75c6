using System.Globalization;
using Parallax.Core.Analysis;

namespace Parallax.Reporting.Sections;

/// <summary>Who interacts with whom: one row per (actor, event type, actor) with the story events and reports behind it.</summary>
internal sealed class NetworkSection : IReportSection
{
    private static readonly string[] Header = ["Actor", "Event type", "Other actor", "Events", "Reports"];

    public string Id => "network";

    public string Title => "Actor network";

    public int Order => 190;

    public string Stylesheet => string.Empty;

    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var rows = Rows(context);
        if (rows.Count == 0) writer.Write("No events with two known actors were found.\n");
        else Table.Markdown(writer, Header, rows);
    }

    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var rows = Rows(context);
        if (rows.Count == 0) writer.Write("<p class=\"muted\">No events with two known actors were found.</p>\n");
        else Table.Html(writer, Header, rows);
    }

    private static List<IReadOnlyList<Cell>> Rows(ReportContext context) =>
    [
        .. StoryAnalysisCache.Of(context).Network.Edges.Select(e => (IReadOnlyList<Cell>)
        [
            e.Source.Name,
            e.PloverType,
            e.Target.Name,
            string.Join(", ", e.EventIds),
            e.Reports.ToString(CultureInfo.InvariantCulture),
        ]),
    ];
}
