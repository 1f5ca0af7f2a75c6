using System.Collections.Immutable;

namespace Parallax.Core.Watch;

/// <summary>A polygon: an outer ring and optional holes, each a closed list of positions (first equals last, or closed implicitly).</summary>
/// <param name="Outer">The outer boundary.</param>
/// <param name="Holes">Areas cut out of it.</param>
public sealed record GeoPolygon(ImmutableArray<GeoPoint> Outer, ImmutableArray<ImmutableArray<GeoPoint>> Holes);

/// <summary>
/// The shape of a zone: any mix of polygons, lines (polylines) and points, as read from GeoJSON Polygon,
/// MultiPolygon, LineString, MultiLineString, Point and MultiPoint geometries.
/// </summary>
/// <remarks>
/// Containment treats polygon edges as straight lines in longitude/latitude (as GeoJSON's RFC 7946 does), which is
/// exact enough for zones of a few hundred kilometres and away from the poles and the antimeridian. Distances are
/// great-circle distances (<see cref="Geodesy"/>). Immutable and thread-safe.
/// </remarks>
public sealed class ZoneGeometry
{
    /// <summary>Creates a geometry; at least one part must be present.</summary>
    /// <exception cref="ArgumentException">When all three lists are empty, a ring has fewer than three positions or a line fewer than two.</exception>
    public ZoneGeometry(ImmutableArray<GeoPolygon> polygons, ImmutableArray<ImmutableArray<GeoPoint>> lines, ImmutableArray<GeoPoint> points)
    {
        Polygons = polygons.IsDefault ? [] : polygons;
        Lines = lines.IsDefault ? [] : lines;
        Points = points.IsDefault ? [] : points;
        if (Polygons.IsEmpty && Lines.IsEmpty && Points.IsEmpty) throw new ArgumentException("A zone geometry needs at least one polygon, line or point.");
        foreach (var p in Polygons)
        {
            foreach (var ring in p.Holes.Prepend(p.Outer))
                if (ring.Length < 3) throw new ArgumentException("A polygon ring needs at least three positions.");
        }
        foreach (var l in Lines)
            if (l.Length < 2) throw new ArgumentException("A line needs at least two positions.");
    }

    /// <summary>The polygons (areas).</summary>
    public ImmutableArray<GeoPolygon> Polygons { get; }

    /// <summary>The polylines.</summary>
    public ImmutableArray<ImmutableArray<GeoPoint>> Lines { get; }

    /// <summary>Single positions.</summary>
    public ImmutableArray<GeoPoint> Points { get; }

    /// <summary>True when <paramref name="p"/> lies inside one of the polygons (on an edge counts as inside only by chance of rounding).</summary>
    public bool Contains(GeoPoint p)
    {
        foreach (var polygon in Polygons)
        {
            if (!InRing(p, polygon.Outer)) continue;
            if (!polygon.Holes.Any(h => InRing(p, h))) return true;
        }
        return false;
    }

    /// <summary>
    /// Kilometres from <paramref name="p"/> to the nearest part: 0 inside a polygon, else the great-circle distance to
    /// the nearest polygon edge, line segment or point.
    /// </summary>
    public double DistanceKm(GeoPoint p)
    {
        if (Contains(p)) return 0;
        double best = double.PositiveInfinity;
        foreach (var polygon in Polygons)
        {
            foreach (var ring in polygon.Holes.Prepend(polygon.Outer))
                best = Math.Min(best, ToPolyline(p, ring, closed: true));
        }
        foreach (var line in Lines) best = Math.Min(best, ToPolyline(p, line, closed: false));
        foreach (var q in Points) best = Math.Min(best, Geodesy.DistanceKm(p, q));
        return best;
    }

    /// <summary>The bounding box of every part: (south, west, north, east) in degrees.</summary>
    public (double South, double West, double North, double East) Bounds()
    {
        var all = Polygons.SelectMany(p => p.Outer).Concat(Lines.SelectMany(l => l)).Concat(Points).ToList();
        return (all.Min(q => q.Latitude), all.Min(q => q.Longitude), all.Max(q => q.Latitude), all.Max(q => q.Longitude));
    }

    private static double ToPolyline(GeoPoint p, ImmutableArray<GeoPoint> line, bool closed)
    {
        double best = double.PositiveInfinity;
        for (int i = 1; i < line.Length; i++) best = Math.Min(best, Geodesy.DistanceToSegmentKm(p, line[i - 1], line[i]));
        if (closed && line[0] != line[^1]) best = Math.Min(best, Geodesy.DistanceToSegmentKm(p, line[^1], line[0]));
        return best;
    }

    // Even-odd ray casting in longitude/latitude.
    private static bool InRing(GeoPoint p, ImmutableArray<GeoPoint> ring)
    {
        bool inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.Latitude > p.Latitude) != (b.Latitude > p.Latitude))
            {
                double x = a.Longitude + (p.Latitude - a.Latitude) / (b.Latitude - a.Latitude) * (b.Longitude - a.Longitude);
                if (p.Longitude < x) inside = !inside;
            }
        }
        return inside;
    }
}
