using System.Collections.Immutable;

namespace Parallax.Nlp.Places;

/// <summary>
/// One place of the <see cref="Gazetteer"/>: a GeoNames-style record. Immutable and thread-safe.
/// </summary>
/// <param name="Id">Stable id: the GeoNames id as text where the place has one, otherwise an id of ours (<c>px:…</c>, <c>us-county:…</c>).</param>
/// <param name="Name">Preferred name.</param>
/// <param name="AlternateNames">Other names and spellings (may be empty).</param>
/// <param name="Latitude">Decimal degrees, WGS84.</param>
/// <param name="Longitude">Decimal degrees, WGS84.</param>
/// <param name="FeatureClass">GeoNames feature class: A (country, region), P (populated place), H (water), T (terrain), L (area), S (spot).</param>
/// <param name="FeatureCode">GeoNames feature code such as PCLI, ADM1, ADM2, PPLC, PPL, RGN.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code, or empty for places spanning countries.</param>
/// <param name="Admin1Code">GeoNames first-level admin code, or empty.</param>
/// <param name="Admin1Name">Name of the first-level admin region, or empty.</param>
/// <param name="Population">People; 0 when unknown.</param>
public sealed record GazetteerEntry(
    string Id,
    string Name,
    ImmutableArray<string> AlternateNames,
    double Latitude,
    double Longitude,
    string FeatureClass,
    string FeatureCode,
    string CountryCode,
    string Admin1Code,
    string Admin1Name,
    long Population)
{
    /// <summary>The GeoNames id, or null when <see cref="Id"/> is one of ours.</summary>
    public long? GeoNamesId => long.TryParse(Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>True for countries and dependent territories (feature codes PCL*).</summary>
    public bool IsCountry => FeatureCode.StartsWith("PCL", StringComparison.Ordinal);

    /// <summary>True for administrative regions (feature class A) other than countries.</summary>
    public bool IsAdminRegion => FeatureClass == "A" && !IsCountry;

    /// <summary>Country, first-level region and name joined with " > ", skipping empty parts; for display.</summary>
    public string AdminPath
    {
        get
        {
            var parts = new List<string>(3);
            if (CountryCode.Length > 0) parts.Add(CountryCode);
            if (Admin1Name.Length > 0 && !IsCountry && FeatureCode != "ADM1") parts.Add(Admin1Name);
            parts.Add(Name);
            return string.Join(" > ", parts);
        }
    }

    /// <summary>Great-circle distance in kilometres to a point (haversine, mean Earth radius 6371 km).</summary>
    public double DistanceKm(double latitude, double longitude) => GeoDistance.DistanceKm(Latitude, Longitude, latitude, longitude);
}

/// <summary>Great-circle distances.</summary>
public static class GeoDistance
{
    /// <summary>Haversine distance in kilometres between two points given in decimal degrees.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        double dLat = ToRad(lat2 - lat1), dLon = ToRad(lon2 - lon1);
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(ToRad(lat1)) * Math.Cos(ToRad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRad(double degrees) => degrees * Math.PI / 180;
}
