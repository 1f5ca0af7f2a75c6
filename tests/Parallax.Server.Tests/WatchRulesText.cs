namespace Parallax.Server.Tests;

/// <summary>A zone around Vienna (where the samples' talks take place) and a rule on talks there; a broken variant.</summary>
internal static class WatchRulesText
{
    public const string ZoneFile = "vienna.geojson";

    public const string Zone = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "vienna-centre", "properties": {"name": "Vienna, city centre"},
           "geometry": {"type": "Point", "coordinates": [16.3725, 48.2083]}}
        ]}
        """;

    public const string Rules = """
        # Talks and agreements in or near Vienna.
        [zone vienna-area]
        name = Vienna and 25 km around it
        file = zones/vienna.geojson
        buffer = 25 km

        [rule talks-in-vienna]
        title = Talks or agreements in Vienna
        inside = vienna-area
        event-type = CONSULT, AGREE
        """;

    /// <summary>Line 10 names an event type PLOVER does not have.</summary>
    public static readonly string BadEventType = Rules.Replace("CONSULT, AGREE", "CONSULT, PARLEY", StringComparison.Ordinal);

    /// <summary>Puts the zone file and the rule file through the API, with the key.</summary>
    public static async Task InstallAsync(ServerHarness harness, string id = "vienna")
    {
        using var zone = await harness.SendAsync(HttpMethod.Put, "/api/v1/zones/files/" + ZoneFile, ServerHarness.Text(Zone, "application/geo+json"));
        zone.EnsureSuccessStatusCode();
        using var rules = await harness.SendAsync(HttpMethod.Put, "/api/v1/watches/" + id, ServerHarness.Text(Rules, "text/plain"));
        rules.EnsureSuccessStatusCode();
    }
}
