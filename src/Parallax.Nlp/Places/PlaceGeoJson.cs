using System.Text.Json;

namespace Parallax.Nlp.Places;

/// <summary>Writes resolved places as a GeoJSON FeatureCollection (RFC 7946: coordinates are [longitude, latitude]).</summary>
public static class PlaceGeoJson
{
    /// <summary>
    /// Writes one Point feature per distinct gazetteer entry among the <see cref="PlaceStatus.Resolved"/> places,
    /// with properties name, geonamesId (null when the entry is ours), id, featureClass, featureCode, adminPath,
    /// confidence (the highest seen), mentions and articleIds (sorted, distinct). Features are ordered by entry id, so
    /// the output is deterministic. Unresolved and implausible places are left out.
    /// </summary>
    /// <remarks>Thread-safe for distinct writers. Throws <see cref="ArgumentNullException"/> for null arguments.</remarks>
    public static void Write(IEnumerable<(string ArticleId, ResolvedPlace Place)> places, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(writer);
        var byEntry = new SortedDictionary<string, (GazetteerEntry Entry, double Confidence, int Mentions, SortedSet<string> Articles)>(StringComparer.Ordinal);
        foreach (var (articleId, place) in places)
        {
            if (place.Status != PlaceStatus.Resolved || place.Entry is not { } e) continue;
            if (!byEntry.TryGetValue(e.Id, out var acc)) acc = (e, 0, 0, new SortedSet<string>(StringComparer.Ordinal));
            acc.Articles.Add(articleId);
            byEntry[e.Id] = (e, Math.Max(acc.Confidence, place.Confidence), acc.Mentions + 1, acc.Articles);
        }
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var (id, (e, confidence, mentions, articles)) in byEntry)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteString("id", id);
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "Point");
            writer.WriteStartArray("coordinates");
            writer.WriteNumberValue(Math.Round(e.Longitude, 5));
            writer.WriteNumberValue(Math.Round(e.Latitude, 5));
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("name", e.Name);
            if (e.GeoNamesId is { } g) writer.WriteNumber("geonamesId", g);
            else writer.WriteNull("geonamesId");
            writer.WriteString("featureClass", e.FeatureClass);
            writer.WriteString("featureCode", e.FeatureCode);
            writer.WriteString("countryCode", e.CountryCode);
            writer.WriteString("adminPath", e.AdminPath);
            writer.WriteNumber("confidence", Math.Round(confidence, 3));
            writer.WriteNumber("mentions", mentions);
            writer.WriteStartArray("articleIds");
            foreach (var a in articles) writer.WriteStringValue(a);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
