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
/// Draws an inline SVG map, offline: country outlines (<see cref="CountryOutlines"/>), zones, and markers, in an
/// equirectangular projection scaled by the cosine of the middle latitude, fitted to the markers' and zones' extent.
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

    /// <summary>The extent drawn: west, south, east, north in degrees.</summary>
    internal readonly record struct Extent(double West, double South, double East, double North);

    /// <summary>The padded extent around the markers and zones, widened so that the picture is neither a sliver nor a tower.</summary>
    public static Extent Fit(IReadOnlyList<MapMarker> markers, IReadOnlyList<Zone> zones)
    {
        var lats = markers.Select(m => m.Latitude).ToList();
        var lons = markers.Select(m => m.Longitude).ToList();
        foreach (var z in zones)
        {
            var (s, w, n, e) = z.Geometry.Bounds();
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

    /// <summary>Writes the &lt;svg&gt; element. <paramref name="title"/> is plain text (encoded here).</summary>
    public static void Write(TextWriter writer, string title, IReadOnlyList<MapMarker> markers, IReadOnlyList<Zone> zones)
    {
        var extent = Fit(markers, zones);
        double cos = Math.Cos(Math.Clamp((extent.South + extent.North) / 2, -80, 80) * Math.PI / 180);
        double k = Width / ((extent.East - extent.West) * cos);
        int height = (int)Math.Round((extent.North - extent.South) * k);
        (double X, double Y) P(double lon, double lat) => ((lon - extent.West) * cos * k, (extent.North - lat) * k);

        writer.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {I(Width)} {I(height)}\" width=\"{I(Width)}\" height=\"{I(height)}\" role=\"img\" aria-label=\"{ReportText.Html(title)}\">\n");
        writer.Write($"<title>{ReportText.Html(title)}</title>\n");
        writer.Write($"<rect class=\"sea\" x=\"0\" y=\"0\" width=\"{I(Width)}\" height=\"{I(height)}\"/>\n");
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
            foreach (var z in zones)
            {
                var d = new StringBuilder();
                foreach (var polygon in z.Geometry.Polygons)
                {
                    foreach (var ring in polygon.Holes.Prepend(polygon.Outer)) Path(d, ring.Select(p => P(p.Longitude, p.Latitude)), close: true);
                }
                if (d.Length > 0) writer.Write($"<path class=\"zone-area\" d=\"{d}\"><title>{ReportText.Html(z.Name)}</title></path>\n");
                var l = new StringBuilder();
                foreach (var line in z.Geometry.Lines) Path(l, line.Select(p => P(p.Longitude, p.Latitude)), close: false);
                if (l.Length > 0) writer.Write($"<path class=\"zone-line\" d=\"{l}\"><title>{ReportText.Html(z.Name)}</title></path>\n");
                foreach (var p in z.Geometry.Points)
                {
                    var (x, y) = P(p.Longitude, p.Latitude);
                    writer.Write($"<rect class=\"zone-point\" x=\"{F(x - 3)}\" y=\"{F(y - 3)}\" width=\"6\" height=\"6\"><title>{ReportText.Html(z.Name)}</title></rect>\n");
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
        writer.Write("</g>\n</svg>\n");
    }

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
