using Parallax.Core.Watch;

namespace Parallax.Reporting.Map;

/// <summary>One closed ring of a buffer outline, in degrees; <see cref="Hole"/> rings cut out of the rest.</summary>
/// <param name="Points">The ring's positions (not repeated at the end).</param>
/// <param name="Hole">True for a polygon hole, which must wind against the other rings when drawn.</param>
internal sealed record BufferRing(IReadOnlyList<GeoPoint> Points, bool Hole);

/// <summary>
/// The area within a distance of a zone's shape (its buffer, as <see cref="Zone.Covers"/> counts it), as rings whose
/// union is that area: the polygons themselves, and around every line segment and polygon edge a capsule (the two sides
/// offset geodesically by the distance, joined by half circles around the ends), around every point a circle. Drawn
/// with the non-zero fill rule and the rings oriented alike (holes against them), the rings fill the buffer exactly,
/// up to the sampling of the circles, without computing their union.
/// </summary>
/// <remarks>Pure and deterministic. Offsets are computed on the sphere of <see cref="Geodesy.EarthRadiusKm"/>, so the band
/// has the same width in kilometres whatever the map's projection.</remarks>
internal static class ZoneBuffer
{
    /// <summary>Longest piece of a segment offset as one capsule: beyond it the straight edges of the drawing drift from the great circle.</summary>
    private const double MaxPieceKm = 25;

    /// <summary>Positions per half circle.</summary>
    private const int ArcSteps = 12;

    /// <summary>The rings covering every point within <paramref name="distanceKm"/> of <paramref name="geometry"/>; empty when the distance is not positive.</summary>
    public static List<BufferRing> Rings(ZoneGeometry geometry, double distanceKm)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var rings = new List<BufferRing>();
        if (!(distanceKm > 0)) return rings;
        foreach (var polygon in geometry.Polygons)
        {
            rings.Add(new BufferRing(Open(polygon.Outer), Hole: false));
            foreach (var hole in polygon.Holes) rings.Add(new BufferRing(Open(hole), Hole: true));
            foreach (var ring in polygon.Holes.Prepend(polygon.Outer))
            {
                var open = Open(ring);
                for (int i = 0; i < open.Count; i++) Capsules(rings, open[i], open[(i + 1) % open.Count], distanceKm);
            }
        }
        foreach (var line in geometry.Lines)
        {
            for (int i = 1; i < line.Length; i++) Capsules(rings, line[i - 1], line[i], distanceKm);
        }
        foreach (var p in geometry.Points) rings.Add(new BufferRing(Circle(p, distanceKm), Hole: false));
        return rings;
    }

    /// <summary>The bounds of the buffered shape: the shape's bounds widened by the distance (south, west, north, east).</summary>
    public static (double South, double West, double North, double East) Bounds(ZoneGeometry geometry, double distanceKm)
    {
        var (s, w, n, e) = geometry.Bounds();
        if (!(distanceKm > 0)) return (s, w, n, e);
        double dLat = Degrees(distanceKm / Geodesy.EarthRadiusKm);
        double widest = Math.Cos(Radians(Math.Min(85, Math.Max(Math.Abs(s), Math.Abs(n)) + dLat)));
        double dLon = dLat / Math.Max(widest, 0.05);
        return (Math.Max(-90, s - dLat), Math.Max(-180, w - dLon), Math.Min(90, n + dLat), Math.Min(180, e + dLon));
    }

    private static List<GeoPoint> Open(IReadOnlyList<GeoPoint> ring)
    {
        int n = ring.Count > 1 && ring[0] == ring[^1] ? ring.Count - 1 : ring.Count;
        var list = new List<GeoPoint>(n);
        for (int i = 0; i < n; i++) list.Add(ring[i]);
        return list;
    }

    /// <summary>Capsules around the great-circle segment from <paramref name="a"/> to <paramref name="b"/>, cut into pieces of at most <see cref="MaxPieceKm"/>.</summary>
    private static void Capsules(List<BufferRing> rings, GeoPoint a, GeoPoint b, double km)
    {
        double length = Geodesy.DistanceKm(a, b);
        if (length < 1e-6)
        {
            rings.Add(new BufferRing(Circle(a, km), Hole: false));
            return;
        }
        int pieces = Math.Max(1, (int)Math.Ceiling(length / MaxPieceKm));
        var from = a;
        for (int i = 1; i <= pieces; i++)
        {
            var to = i == pieces ? b : Intermediate(a, b, (double)i / pieces);
            rings.Add(new BufferRing(Capsule(from, to, km), Hole: false));
            from = to;
        }
    }

    // Bearings grow clockwise: left side forward, the half circle ahead of the end, right side back, the half circle
    // behind the start. Every capsule therefore winds the same way.
    private static List<GeoPoint> Capsule(GeoPoint a, GeoPoint b, double km)
    {
        double ahead = Bearing(a, b);
        double atEnd = Bearing(b, a) + 180;
        var ring = new List<GeoPoint>(2 * (ArcSteps + 1));
        for (int s = 0; s <= ArcSteps; s++) ring.Add(Destination(b, atEnd - 90 + (180.0 * s / ArcSteps), km));
        for (int s = 0; s <= ArcSteps; s++) ring.Add(Destination(a, ahead + 90 + (180.0 * s / ArcSteps), km));
        return ring;
    }

    private static List<GeoPoint> Circle(GeoPoint p, double km)
    {
        var ring = new List<GeoPoint>(4 * ArcSteps);
        for (int s = 0; s < 4 * ArcSteps; s++) ring.Add(Destination(p, 360.0 * s / (4 * ArcSteps), km));
        return ring;
    }

    /// <summary>The initial great-circle bearing from <paramref name="a"/> to <paramref name="b"/>, degrees clockwise from north.</summary>
    private static double Bearing(GeoPoint a, GeoPoint b)
    {
        double φ1 = Radians(a.Latitude), φ2 = Radians(b.Latitude), dλ = Radians(b.Longitude - a.Longitude);
        double y = Math.Sin(dλ) * Math.Cos(φ2);
        double x = Math.Cos(φ1) * Math.Sin(φ2) - Math.Sin(φ1) * Math.Cos(φ2) * Math.Cos(dλ);
        return Degrees(Math.Atan2(y, x));
    }

    /// <summary>The point <paramref name="km"/> from <paramref name="p"/> along the great circle leaving it at <paramref name="bearing"/>.</summary>
    private static GeoPoint Destination(GeoPoint p, double bearing, double km)
    {
        double δ = km / Geodesy.EarthRadiusKm, θ = Radians(bearing);
        double φ1 = Radians(p.Latitude), λ1 = Radians(p.Longitude);
        double sinφ2 = Math.Sin(φ1) * Math.Cos(δ) + Math.Cos(φ1) * Math.Sin(δ) * Math.Cos(θ);
        double φ2 = Math.Asin(Math.Clamp(sinφ2, -1, 1));
        double λ2 = λ1 + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ1), Math.Cos(δ) - Math.Sin(φ1) * sinφ2);
        return new GeoPoint(Degrees(φ2), Degrees(λ2));
    }

    /// <summary>The point at <paramref name="fraction"/> of the way from <paramref name="a"/> to <paramref name="b"/> on the great circle.</summary>
    private static GeoPoint Intermediate(GeoPoint a, GeoPoint b, double fraction)
    {
        double δ = Geodesy.DistanceKm(a, b) / Geodesy.EarthRadiusKm;
        double sinδ = Math.Sin(δ);
        if (sinδ < 1e-12) return a;
        double wa = Math.Sin((1 - fraction) * δ) / sinδ, wb = Math.Sin(fraction * δ) / sinδ;
        double φ1 = Radians(a.Latitude), λ1 = Radians(a.Longitude), φ2 = Radians(b.Latitude), λ2 = Radians(b.Longitude);
        double x = wa * Math.Cos(φ1) * Math.Cos(λ1) + wb * Math.Cos(φ2) * Math.Cos(λ2);
        double y = wa * Math.Cos(φ1) * Math.Sin(λ1) + wb * Math.Cos(φ2) * Math.Sin(λ2);
        double z = wa * Math.Sin(φ1) + wb * Math.Sin(φ2);
        return new GeoPoint(Degrees(Math.Atan2(z, Math.Sqrt(x * x + y * y))), Degrees(Math.Atan2(y, x)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
