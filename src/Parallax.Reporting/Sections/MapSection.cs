using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core.Watch;
using Parallax.Nlp.Places;
using Parallax.Reporting.Map;

namespace Parallax.Reporting.Sections;

/// <summary>
/// The story's resolved places on an offline map (inline SVG over Natural Earth country outlines; no tile server,
/// no network), with the watch zones given to the constructor and in <see cref="ReportOptions.Zones"/> (outlines, buffers
/// as shaded bands, and a legend naming each zone and distance; zones far from every place are left out), followed by a
/// table of the places. The Markdown report has the table only.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MapSection : IReportSection
{
    private static readonly string[] Header = ["Place", "Latitude", "Longitude", "Kind", "Admin path", "Mentions", "Articles"];
    private readonly ImmutableArray<Zone> _zones;

    /// <summary>A map section that also draws <paramref name="zones"/> (none when empty or default).</summary>
    public MapSection(ImmutableArray<Zone> zones = default) => _zones = zones.IsDefault ? [] : zones;

    /// <inheritdoc/>
    public string Id => "map";

    /// <inheritdoc/>
    public string Title => "Places";

    /// <inheritdoc/>
    public int Order => 250;

    /// <inheritdoc/>
    public string Stylesheet => """
        .map svg { max-width: 100%; height: auto; border: 1px solid #c9d3db; }
        .map .sea { fill: #e8f0f6; }
        .map .land path { fill: #f5f2ea; stroke: #8d8d8d; stroke-width: 0.6; stroke-linejoin: round; }
        .map .zone-area { fill: #2f7fbf; fill-opacity: 0.14; stroke: #2f7fbf; stroke-width: 1.2; }
        .map .zone-line { fill: none; stroke: #2f7fbf; stroke-width: 2; stroke-dasharray: 6 3; }
        .map .zone-point { fill: #2f7fbf; }
        .map .zone-buffer { fill-opacity: 0.28; stroke: none; }
        .map .legend-box { fill: #ffffff; stroke: #c9d3db; }
        .map .legend .zone-area, .map .legend .zone-buffer { stroke: #7f8c8d; stroke-width: 0.5; }
        .map circle { fill: #c0392b; fill-opacity: 0.85; stroke: #ffffff; stroke-width: 1; }
        .map text { font: 11px sans-serif; fill: #222222; paint-order: stroke; stroke: #ffffff; stroke-width: 3; stroke-linejoin: round; }
        .map figcaption { font-size: 0.85em; color: #555555; }
        """;

    /// <summary>One resolved place of the story: its entry, how often it is named and in which articles.</summary>
    private sealed record PlaceRow(GazetteerEntry Entry, int Mentions, ImmutableArray<string> ArticleIds);

    private static List<PlaceRow> Rows(ReportContext context)
    {
        var byId = new Dictionary<string, (GazetteerEntry Entry, int Mentions, List<string> Articles)>(StringComparer.Ordinal);
        foreach (var a in context.View.Articles)
        {
            if (!a.Document.TryGet(PlaceLayers.Places, out var places)) continue;
            foreach (var p in places)
            {
                if (p.Status != PlaceStatus.Resolved || p.Entry is not { } e) continue;
                if (!byId.TryGetValue(e.Id, out var row)) byId[e.Id] = row = (e, 0, []);
                row.Mentions++;
                if (!row.Articles.Contains(a.Id)) row.Articles.Add(a.Id);
                byId[e.Id] = row;
            }
        }
        return
        [
            .. byId.Values
                .Select(r => new PlaceRow(r.Entry, r.Mentions, [.. r.Articles]))
                .OrderByDescending(r => r.Mentions).ThenBy(r => r.Entry.Name, StringComparer.Ordinal).ThenBy(r => r.Entry.Id, StringComparer.Ordinal),
        ];
    }

    /// <inheritdoc/>
    public void RenderMarkdown(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var rows = Rows(context);
        if (rows.Count == 0)
        {
            writer.Write("No place in this story was resolved to coordinates.\n");
            return;
        }
        writer.Write("The HTML report draws these places on a map.\n\n");
        Table.Markdown(writer, Header, Cells(context, rows));
    }

    /// <inheritdoc/>
    public void RenderHtml(ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var rows = Rows(context);
        if (rows.Count == 0)
        {
            writer.Write("<p>No place in this story was resolved to coordinates.</p>\n");
            return;
        }
        var markers = rows.Select(r => new MapMarker(r.Entry.Name, r.Entry.Latitude, r.Entry.Longitude, r.Mentions)).ToList();
        var given = _zones.Concat(context.Options.Zones.Where(z => !_zones.Any(mine => string.Equals(mine.Id, z.Id, StringComparison.Ordinal)))).ToList();
        var zones = SvgMap.ZonesNear(markers, given);
        writer.Write("<figure class=\"map\">\n");
        SvgMap.Write(writer, $"Map of the {rows.Count.ToString(CultureInfo.InvariantCulture)} places named in this story", markers, zones);
        writer.Write("<figcaption>Marker size grows with the number of mentions.");
        if (zones.Count > 0)
        {
            writer.Write(" Blue: watch zones (" + ReportText.Html(string.Join(", ", zones.Select(z => z.Name))) + ")");
            writer.Write(zones.Any(z => z.BufferKm > 0) ? "; shaded bands: their buffers, at the distance the legend gives." : ".");
        }
        var away = given.Where(z => !zones.Contains(z)).Select(z => z.Name).ToList();
        if (away.Count > 0) writer.Write(" Not drawn, being far from these places: " + ReportText.Html(string.Join(", ", away)) + ".");
        writer.Write(" Country outlines: Natural Earth (public domain), via world-atlas.</figcaption>\n</figure>\n");
        Table.Html(writer, Header, Cells(context, rows));
    }

    private static IEnumerable<IReadOnlyList<Cell>> Cells(ReportContext context, List<PlaceRow> rows) =>
        rows.Select(r => (IReadOnlyList<Cell>)
        [
            r.Entry.Name,
            r.Entry.Latitude.ToString("0.0000", CultureInfo.InvariantCulture),
            r.Entry.Longitude.ToString("0.0000", CultureInfo.InvariantCulture),
            new Cell(r.Entry.FeatureCode, Code: true),
            r.Entry.AdminPath,
            r.Mentions.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", r.ArticleIds.Select(context.LabelOf)),
        ]);
}
