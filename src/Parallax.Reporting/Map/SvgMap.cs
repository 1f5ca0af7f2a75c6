using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Core.Watch;

namespace Parallax.Reporting.Map;

/// <summary>A place to mark on the map.</summary>
/// <param name="Label">Text shown beside the marker.</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Weight">Mentions; larger markers for more, and labels go to the heaviest first.</param>
internal sealed record MapMarker(string Label, double Latitude, double Longitude, int Weight);

/// <summary>
/// Draws an inline SVG map, offline: country outlines (<see cref="CountryOutlines"/>), zones with their buffers, and
/// markers, in an equirectangular projection scaled by the cosine of the middle latitude, fitted to the markers' and the
/// buffered zones' extent.
/// </summary>
/// <remarks>Pure and deterministic: numbers are written with the invariant culture at 0.1 px; stateless.</remarks>
internal static class SvgMap
{
    public const int Width = 720;
    private const int MinHeight = 320;
    private const int MaxHeight = 560;
    private const double Padding = 0.15;
    private const double MinSpanDegrees = 1.2;
    private const int MaxLabels = 30;
    private const int LegendRow = 18;
    private const int LegendPadding = 6;

    /// <summary>How close (beyond its buffer) a marker must be for a zone to be drawn with it.</summary>
    public const double NearZoneKm = 150;

    // Widest buffer first: warm, light colours that stay readable where several bands overlap.
    private static readonly string[] BufferColours = ["#f5b041", "#eb984e", "#e67e22", "#d35400", "#c0392b", "#a04000"];

    /// <summary>The extent drawn: west, south, east, north in degrees.</summary>
    internal readonly record struct Extent(double West, double South, double East, double North);

    /// <summary>The padded extent around the markers and zones, widened so that the picture is neither a sliver nor a tower.</summary>
    public static Extent Fit(IReadOnlyList<MapMarker> markers, IReadOnlyList<Zone> zones)
    {
        var lats = markers.Select(m => m.Latitude).ToList();
        var lons = markers.Select(m => m.Longitude).ToList();
        foreach (var z in zones)
        {
            var (s, w, n, e) = ZoneBuffer.Bounds(z.Geometry, z.BufferKm);
            lats.Add(s);
            lats.Add(n);
            lons.Add(w);
            lons.Add(e);
        }
        double south = lats.Min(), north = lats.Max(), west = lons.Min(), east = lons.Max();
        double latSpan = Math.Max(north - south, MinSpanDegrees), lonSpan = Math.Max(east - west, MinSpanDegrees);
        double midLat = (south + north) / 2, midLon = (west + east) / 2;
        latSpan *= 1 + 2 * Padding;
        lonSpan *= 1 + 2 * Padding;
        double cos = Math.Cos(Math.Clamp(midLat, -80, 80) * Math.PI / 180);
        // Height in pixels when the width is fixed; widen the smaller span to keep it between the limits.
        double height = Width * latSpan / (lonSpan * cos);
        if (height > MaxHeight) lonSpan = latSpan * Width / (MaxHeight * cos);
        else if (height < MinHeight) latSpan = lonSpan * cos * MinHeight / Width;
        latSpan = Math.Min(latSpan, 170);
        lonSpan = Math.Min(lonSpan, 360);
        double s2 = Math.Max(-85, midLat - latSpan / 2), n2 = Math.Min(85, midLat + latSpan / 2);
        return new Extent(midLon - lonSpan / 2, s2, midLon + lonSpan / 2, n2);
    }

    /// <summary>
    /// The zones worth drawing beside <paramref name="markers"/>: those with a marker within <see cref="NearZoneKm"/> of their
    /// buffer. A story about Helsinki is not stretched to show zones in Syria; one that names Quneitra or Damascus is framed
    /// to show the places and the zones together. All zones when there is no marker.
    /// </summary>
    public static List<Zone> ZonesNear(IReadOnlyList<MapMarker> markers, IReadOnlyList<Zone> zones)
    {
        if (markers.Count == 0) return [.. zones];
        return [.. zones.Where(z => markers.Any(m => z.Geometry.DistanceKm(new GeoPoint(m.Latitude, m.Longitude)) <= z.BufferKm + NearZoneKm))];
    }

    /// <summary>Writes the &lt;svg&gt; element. <paramref name="title"/> is plain text (encoded here).</summary>
    /// <remarks>
    /// Zones are drawn under the markers: first each buffer as a shaded band (<c>path.zone-buffer</c>, widest first, so
    /// narrower bands stack darker towards the shape), then each distinct shape once as an outline (<c>path.zone-area</c>,
    /// <c>path.zone-line</c>, <c>rect.zone-point</c>). With zones, a legend below the map (<c>g.legend</c>) names each shape
    /// and each buffer with its distance.
    /// </remarks>
    public static void Write(TextWriter writer, string title, IReadOnlyList<MapMarker> markers, IReadOnlyList<Zone> zones)
    {
        var extent = Fit(markers, zones);
        double cos = Math.Cos(Math.Clamp((extent.South + extent.North) / 2, -80, 80) * Math.PI / 180);
        double k = Width / ((extent.East - extent.West) * cos);
        int mapHeight = (int)Math.Round((extent.North - extent.South) * k);
        (double X, double Y) P(double lon, double lat) => ((lon - extent.West) * cos * k, (extent.North - lat) * k);
        var shapes = Shapes(zones);
        var buffers = zones.Where(z => z.BufferKm > 0).OrderByDescending(z => z.BufferKm).ThenBy(z => z.Id, StringComparer.Ordinal).ToList();
        int legendRows = zones.Count == 0 ? 0 : shapes.Count + buffers.Count;
        int height = mapHeight + (legendRows == 0 ? 0 : LegendPadding * 2 + LegendRow * legendRows);

        writer.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {I(Width)} {I(height)}\" width=\"{I(Width)}\" height=\"{I(height)}\" role=\"img\" aria-label=\"{ReportText.Html(title)}\">\n");
        writer.Write($"<title>{ReportText.Html(title)}</title>\n");
        writer.Write($"<rect class=\"sea\" x=\"0\" y=\"0\" width=\"{I(Width)}\" height=\"{I(mapHeight)}\"/>\n");
        writer.Write("<g class=\"land\">\n");
        foreach (var c in CountryOutlines.All)
        {
            if (c.East < extent.West || c.West > extent.East || c.North < extent.South || c.South > extent.North) continue;
            var d = new StringBuilder();
            foreach (var ring in c.Rings)
            {
                if (!ring.Any(p => p.Lon >= extent.West - 5 && p.Lon <= extent.East + 5 && p.Lat >= extent.South - 5 && p.Lat <= extent.North + 5)) continue;
                Path(d, ring.Select(p => P(p.Lon, p.Lat)), close: true);
            }
            if (d.Length == 0) continue;
            writer.Write($"<path d=\"{d}\"><title>{ReportText.Html(c.Name)}</title></path>\n");
        }
        writer.Write("</g>\n");

        if (zones.Count > 0)
        {
            writer.Write("<g class=\"zones\">\n");
            for (int b = 0; b < buffers.Count; b++)
            {
                var z = buffers[b];
                var d = new StringBuilder();
                foreach (var ring in ZoneBuffer.Rings(z.Geometry, z.BufferKm))
                {
                    var points = ring.Points.Select(p => P(p.Longitude, p.Latitude)).ToList();
                    // Non-zero filling needs every ring wound alike and every hole against them.
                    if ((SignedArea(points) < 0) != ring.Hole) points.Reverse();
                    Path(d, points, close: true);
                }
                writer.Write($"<path class=\"zone-buffer\" data-zone=\"{ReportText.Html(z.Id)}\" data-buffer-km=\"{Km(z.BufferKm)}\" fill=\"{BufferColour(b)}\" fill-rule=\"nonzero\" d=\"{d}\"><title>{ReportText.Html(z.Name)}: within {Km(z.BufferKm)} km</title></path>\n");
            }
            foreach (var (shape, label) in shapes)
            {
                var d = new StringBuilder();
                foreach (var polygon in shape.Polygons)
                {
                    foreach (var ring in polygon.Holes.Prepend(polygon.Outer)) Path(d, ring.Select(p => P(p.Longitude, p.Latitude)), close: true);
                }
                if (d.Length > 0) writer.Write($"<path class=\"zone-area\" d=\"{d}\"><title>{ReportText.Html(label)}</title></path>\n");
                var l = new StringBuilder();
                foreach (var line in shape.Lines) Path(l, line.Select(p => P(p.Longitude, p.Latitude)), close: false);
                if (l.Length > 0) writer.Write($"<path class=\"zone-line\" d=\"{l}\"><title>{ReportText.Html(label)}</title></path>\n");
                foreach (var p in shape.Points)
                {
                    var (x, y) = P(p.Longitude, p.Latitude);
                    writer.Write($"<rect class=\"zone-point\" x=\"{F(x - 3)}\" y=\"{F(y - 3)}\" width=\"6\" height=\"6\"><title>{ReportText.Html(label)}</title></rect>\n");
                }
            }
            writer.Write("</g>\n");
        }

        writer.Write("<g class=\"places\">\n");
        // Heaviest first for labels; drawn lightest first so the important markers end on top.
        var ranked = markers.OrderByDescending(m => m.Weight).ThenBy(m => m.Label, StringComparer.Ordinal).ToList();
        var labelled = ranked.Take(MaxLabels).ToHashSet();
        foreach (var m in Enumerable.Reverse(ranked))
        {
            var (x, y) = P(m.Longitude, m.Latitude);
            double r = 3 + Math.Min(4, Math.Log2(Math.Max(1, m.Weight)));
            writer.Write($"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\"><title>{ReportText.Html(m.Label)} ({F4(m.Latitude)}, {F4(m.Longitude)})</title></circle>\n");
        }
        foreach (var m in ranked.Where(labelled.Contains))
        {
            var (x, y) = P(m.Longitude, m.Latitude);
            bool left = x > Width - 120;
            writer.Write($"<text x=\"{F(left ? x - 7 : x + 7)}\" y=\"{F(y + 4)}\"{(left ? " text-anchor=\"end\"" : "")}>{ReportText.Html(m.Label)}</text>\n");
        }
        writer.Write("</g>\n");
        if (legendRows > 0) Legend(writer, mapHeight, shapes, buffers);
        writer.Write("</svg>\n");
    }

    /// <summary>The legend strip below the map: one row per shape (its outline) and per buffer (its shade and distance).</summary>
    private static void Legend(TextWriter writer, int top, List<(ZoneGeometry Shape, string Label)> shapes, List<Zone> buffers)
    {
        int height = LegendPadding * 2 + LegendRow * (shapes.Count + buffers.Count);
        writer.Write($"<g class=\"legend\">\n<rect class=\"legend-box\" x=\"0\" y=\"{I(top)}\" width=\"{I(Width)}\" height=\"{I(height)}\"/>\n");
        int y = top + LegendPadding;
        foreach (var (shape, label) in shapes)
        {
            if (shape.Polygons.Length > 0) writer.Write($"<rect class=\"zone-area\" x=\"12\" y=\"{I(y + 3)}\" width=\"28\" height=\"12\"/>\n");
            else if (shape.Lines.Length > 0) writer.Write($"<line class=\"zone-line\" x1=\"12\" y1=\"{I(y + 9)}\" x2=\"40\" y2=\"{I(y + 9)}\"/>\n");
            else writer.Write($"<rect class=\"zone-point\" x=\"23\" y=\"{I(y + 6)}\" width=\"6\" height=\"6\"/>\n");
            writer.Write($"<text class=\"legend-label\" x=\"50\" y=\"{I(y + 13)}\">{ReportText.Html(label)}</text>\n");
            y += LegendRow;
        }
        for (int b = 0; b < buffers.Count; b++)
        {
            writer.Write($"<rect class=\"zone-buffer\" fill=\"{BufferColour(b)}\" x=\"12\" y=\"{I(y + 3)}\" width=\"28\" height=\"12\"/>\n");
            writer.Write($"<text class=\"legend-label\" x=\"50\" y=\"{I(y + 13)}\">{ReportText.Html(buffers[b].Name)}: within {Km(buffers[b].BufferKm)} km</text>\n");
            y += LegendRow;
        }
        writer.Write("</g>\n");
    }

    /// <summary>
    /// The distinct shapes among the zones, each with a label: several zones often share one shape with different buffers
    /// (the Golan line at 5, 20 and 60 km), and the shape is drawn once. The label names the zones without a buffer, else the first zone.
    /// </summary>
    private static List<(ZoneGeometry Shape, string Label)> Shapes(IReadOnlyList<Zone> zones)
    {
        var groups = new List<(string Key, ZoneGeometry Shape, List<Zone> Zones)>();
        foreach (var z in zones)
        {
            var key = ShapeKey(z.Geometry);
            int at = groups.FindIndex(g => string.Equals(g.Key, key, StringComparison.Ordinal));
            if (at < 0) groups.Add((key, z.Geometry, [z]));
            else groups[at].Zones.Add(z);
        }
        return
        [
            .. groups.Select(g =>
            {
                var plain = g.Zones.Where(z => !(z.BufferKm > 0)).Select(z => z.Name).ToList();
                return (g.Shape, plain.Count > 0 ? string.Join("; ", plain) : g.Zones[0].Name + " (shape)");
            }),
        ];
    }

    private static string ShapeKey(ZoneGeometry g)
    {
        var b = new StringBuilder();
        void Add(IEnumerable<GeoPoint> points, char tag)
        {
            b.Append(tag);
            foreach (var p in points) b.Append(p.Latitude.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(p.Longitude.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        }
        foreach (var polygon in g.Polygons)
        {
            foreach (var ring in polygon.Holes.Prepend(polygon.Outer)) Add(ring, 'R');
        }
        foreach (var line in g.Lines) Add(line, 'L');
        Add(g.Points, 'P');
        return b.ToString();
    }

    /// <summary>Twice the signed area of a projected ring (positive when it winds clockwise on screen, y pointing down).</summary>
    private static double SignedArea(List<(double X, double Y)> ring)
    {
        double sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++) sum += (ring[j].X * ring[i].Y) - (ring[i].X * ring[j].Y);
        return sum;
    }

    private static string BufferColour(int widestFirst) => BufferColours[widestFirst % BufferColours.Length];

    private static string Km(double km) => km.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Path(StringBuilder d, IEnumerable<(double X, double Y)> points, bool close)
    {
        bool first = true;
        foreach (var (x, y) in points)
        {
            d.Append(first ? 'M' : 'L').Append(F(x)).Append(',').Append(F(y));
            first = false;
        }
        if (!first && close) d.Append('Z');
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string F4(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
