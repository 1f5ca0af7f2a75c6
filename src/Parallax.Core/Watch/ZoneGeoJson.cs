using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Parallax.Core.Watch;

/// <summary>One feature of a zone file: its id and name (when it has them) and its geometry.</summary>
/// <param name="Id">The feature's <c>id</c> member, else its <c>properties.id</c>, else null.</param>
/// <param name="Name">Its <c>properties.name</c>, else null.</param>
/// <param name="Geometry">The shape.</param>
public sealed record ZoneFeature(string? Id, string? Name, ZoneGeometry Geometry);

/// <summary>
/// Reads zone shapes from GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare geometry of type
/// Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection. Positions are
/// [longitude, latitude] (a third value is ignored).
/// </summary>
/// <remarks>Stateless and thread-safe. Errors are <see cref="WatchRuleException"/> PX5005 naming the file and the JSON path.</remarks>
public static class ZoneGeoJson
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="file"/> is used in error messages only.</summary>
    public static ImmutableArray<ZoneFeature> Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new WatchRuleException(WatchErrorCode.BadGeoJson, file, (int)(ex.LineNumber ?? -1) + 1, $"not valid JSON: {ex.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            string type = TypeOf(root, "$", file);
            var result = ImmutableArray.CreateBuilder<ZoneFeature>();
            switch (type)
            {
                case "FeatureCollection":
                    if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                        throw Bad(file, "$.features", "a FeatureCollection needs a \"features\" array");
                    int i = 0;
                    foreach (var f in features.EnumerateArray())
                    {
                        var feature = Feature(f, $"$.features[{i.ToString(CultureInfo.InvariantCulture)}]", file);
                        if (feature is not null) result.Add(feature);
                        i++;
                    }
                    break;
                case "Feature":
                    if (Feature(root, "$", file) is { } single) result.Add(single);
                    break;
                default:
                    result.Add(new ZoneFeature(null, null, Geometry(root, "$", file)));
                    break;
            }
            if (result.Count == 0) throw Bad(file, "$", "the file holds no feature with a geometry");
            return result.ToImmutable();
        }
    }

    private static ZoneFeature? Feature(JsonElement f, string path, string file)
    {
        if (TypeOf(f, path, file) != "Feature") throw Bad(file, path + ".type", "expected \"Feature\"");
        string? id = null, name = null;
        if (f.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText();
        if (f.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            if (id is null && props.TryGetProperty("id", out var pid) && pid.ValueKind == JsonValueKind.String) id = pid.GetString();
            if (props.TryGetProperty("name", out var pname) && pname.ValueKind == JsonValueKind.String) name = pname.GetString();
        }
        // RFC 7946 allows a feature without geometry (null); it cannot take part in a zone.
        if (!f.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null) return null;
        return new ZoneFeature(id, name, Geometry(g, path + ".geometry", file));
    }

    private static ZoneGeometry Geometry(JsonElement g, string path, string file)
    {
        var polygons = ImmutableArray.CreateBuilder<GeoPolygon>();
        var lines = ImmutableArray.CreateBuilder<ImmutableArray<GeoPoint>>();
        var points = ImmutableArray.CreateBuilder<GeoPoint>();
        Collect(g, path, file, polygons, lines, points);
        try
        {
            return new ZoneGeometry(polygons.ToImmutable(), lines.ToImmutable(), points.ToImmutable());
        }
        catch (ArgumentException ex)
        {
            throw Bad(file, path, ex.Message);
        }
    }

    private static void Collect(JsonElement g, string path, string file, ImmutableArray<GeoPolygon>.Builder polygons,
        ImmutableArray<ImmutableArray<GeoPoint>>.Builder lines, ImmutableArray<GeoPoint>.Builder points)
    {
        string type = TypeOf(g, path, file);
        if (type == "GeometryCollection")
        {
            if (!g.TryGetProperty("geometries", out var parts) || parts.ValueKind != JsonValueKind.Array)
                throw Bad(file, path + ".geometries", "a GeometryCollection needs a \"geometries\" array");
            int i = 0;
            foreach (var part in parts.EnumerateArray())
                Collect(part, $"{path}.geometries[{(i++).ToString(CultureInfo.InvariantCulture)}]", file, polygons, lines, points);
            return;
        }
        if (!g.TryGetProperty("coordinates", out var c)) throw Bad(file, path + ".coordinates", $"a {type} needs \"coordinates\"");
        string cp = path + ".coordinates";
        switch (type)
        {
            case "Point": points.Add(Position(c, cp, file)); break;
            case "MultiPoint": points.AddRange(Positions(c, cp, file)); break;
            case "LineString": lines.Add(Line(c, cp, file)); break;
            case "MultiLineString": foreach (var (e, p) in Items(c, cp, file)) lines.Add(Line(e, p, file)); break;
            case "Polygon": polygons.Add(Polygon(c, cp, file)); break;
            case "MultiPolygon": foreach (var (e, p) in Items(c, cp, file)) polygons.Add(Polygon(e, p, file)); break;
            default: throw Bad(file, path + ".type", $"unknown geometry type \"{type}\"");
        }
    }

    private static GeoPolygon Polygon(JsonElement c, string path, string file)
    {
        var rings = Items(c, path, file).Select(r => Ring(r.Element, r.Path, file)).ToList();
        if (rings.Count == 0) throw Bad(file, path, "a polygon needs at least its outer ring");
        return new GeoPolygon(rings[0], [.. rings.Skip(1)]);
    }

    private static ImmutableArray<GeoPoint> Ring(JsonElement c, string path, string file)
    {
        var ring = Positions(c, path, file);
        if (ring.Length < 4 || ring[0] != ring[^1]) throw Bad(file, path, "a linear ring needs at least four positions, the last equal to the first");
        return ring;
    }

    private static ImmutableArray<GeoPoint> Line(JsonElement c, string path, string file)
    {
        var line = Positions(c, path, file);
        if (line.Length < 2) throw Bad(file, path, "a LineString needs at least two positions");
        return line;
    }

    private static ImmutableArray<GeoPoint> Positions(JsonElement c, string path, string file) =>
        [.. Items(c, path, file).Select(p => Position(p.Element, p.Path, file))];

    private static IEnumerable<(JsonElement Element, string Path)> Items(JsonElement c, string path, string file)
    {
        if (c.ValueKind != JsonValueKind.Array) throw Bad(file, path, "expected an array");
        int i = 0;
        foreach (var e in c.EnumerateArray()) yield return (e, $"{path}[{(i++).ToString(CultureInfo.InvariantCulture)}]");
    }

    private static GeoPoint Position(JsonElement c, string path, string file)
    {
        if (c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2 || c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number)
            throw Bad(file, path, "a position is [longitude, latitude]");
        double lon = c[0].GetDouble(), lat = c[1].GetDouble();
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
            throw Bad(file, path, $"[{lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}] is not a [longitude, latitude] position");
        return new GeoPoint(lat, lon);
    }

    private static string TypeOf(JsonElement e, string path, string file)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
            throw Bad(file, path, "expected a GeoJSON object with a \"type\"");
        return t.GetString()!;
    }

    private static WatchRuleException Bad(string file, string path, string message) =>
        new(WatchErrorCode.BadGeoJson, file, 0, $"{path}: {message}.");
}
