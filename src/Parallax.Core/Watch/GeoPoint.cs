namespace Parallax.Core.Watch;

/// <summary>A WGS84 position in decimal degrees.</summary>
/// <param name="Latitude">Degrees north, in [-90, 90].</param>
/// <param name="Longitude">Degrees east, in [-180, 180].</param>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// Distances on a sphere of the mean Earth radius (6371.0088 km): great-circle distance between points and from a
/// point to a great-circle segment. The spherical model is within 0.5 % of the ellipsoid, which is far below the
/// precision of places read from news text.
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class Geodesy
{
    /// <summary>The mean Earth radius in kilometres (IUGG).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Kilometres in one statute mile.</summary>
    public const double KmPerMile = 1.609344;

    /// <summary>The great-circle distance between two points in kilometres (haversine; stable for short distances).</summary>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        double φ1 = Rad(a.Latitude), φ2 = Rad(b.Latitude);
        double dφ = φ2 - φ1, dλ = Rad(b.Longitude - a.Longitude);
        double h = Math.Sin(dφ / 2) * Math.Sin(dφ / 2) + Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(dλ / 2) * Math.Sin(dλ / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The shortest great-circle distance in kilometres from <paramref name="p"/> to the minor arc from
    /// <paramref name="a"/> to <paramref name="b"/>: the cross-track distance when the point's foot falls on the arc,
    /// else the distance to the nearer end.
    /// </summary>
    public static double DistanceToSegmentKm(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var va = Unit(a);
        var vb = Unit(b);
        var n = Cross(va, vb);
        double nLen = Length(n);
        // A degenerate segment (both ends the same or antipodal) has no defined great circle: use its ends.
        if (nLen < 1e-12) return Math.Min(DistanceKm(p, a), DistanceKm(p, b));
        n = Scale(n, 1 / nLen);
        var vp = Unit(p);
        double side = Dot(vp, n);
        // The foot of the perpendicular: p with its component along the pole removed.
        var foot = Subtract(vp, Scale(n, side));
        double footLen = Length(foot);
        if (footLen > 1e-12)
        {
            foot = Scale(foot, 1 / footLen);
            bool between = Dot(Cross(va, foot), n) >= 0 && Dot(Cross(foot, vb), n) >= 0;
            if (between) return EarthRadiusKm * Math.Asin(Math.Min(1, Math.Abs(side)));
        }
        return Math.Min(DistanceKm(p, a), DistanceKm(p, b));
    }

    private static double Rad(double degrees) => degrees * Math.PI / 180;

    private static (double X, double Y, double Z) Unit(GeoPoint p)
    {
        double φ = Rad(p.Latitude), λ = Rad(p.Longitude);
        return (Math.Cos(φ) * Math.Cos(λ), Math.Cos(φ) * Math.Sin(λ), Math.Sin(φ));
    }

    private static (double X, double Y, double Z) Cross((double X, double Y, double Z) u, (double X, double Y, double Z) v) =>
        (u.Y * v.Z - u.Z * v.Y, u.Z * v.X - u.X * v.Z, u.X * v.Y - u.Y * v.X);

    private static double Dot((double X, double Y, double Z) u, (double X, double Y, double Z) v) => u.X * v.X + u.Y * v.Y + u.Z * v.Z;

    private static double Length((double X, double Y, double Z) u) => Math.Sqrt(Dot(u, u));

    private static (double X, double Y, double Z) Scale((double X, double Y, double Z) u, double k) => (u.X * k, u.Y * k, u.Z * k);

    private static (double X, double Y, double Z) Subtract((double X, double Y, double Z) u, (double X, double Y, double Z) v) =>
        (u.X - v.X, u.Y - v.Y, u.Z - v.Z);
}
