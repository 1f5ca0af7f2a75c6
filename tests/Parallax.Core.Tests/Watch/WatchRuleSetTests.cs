using Parallax.Core.Watch;

namespace Parallax.Core.Tests.Watch;

public sealed class WatchRuleSetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "px-watch-" + Guid.NewGuid().ToString("N"));

    public WatchRuleSetTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "line.geojson"), """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "west", "properties": {"name": "West line"},
               "geometry": {"type": "LineString", "coordinates": [[35.8, 32.7], [35.8, 33.3]]}},
              {"type": "Feature", "properties": {"id": "box"},
               "geometry": {"type": "Polygon", "coordinates": [[[36, 32], [37, 32], [37, 33], [36, 33], [36, 32]]]}}
            ]}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private WatchRuleSet Parse(string text) => WatchRuleSet.Parse(text, "test.rules", _dir);

    private WatchRuleException Fails(string text) => Assert.Throws<WatchRuleException>(() => Parse(text));

    [Fact]
    public void Parse_ZonesAndRule_ReadsEveryKey()
    {
        // Given a file with a buffered line zone and a rule using every condition
        var set = Parse("""
            # comment
            [zone golan-15mi]
            name = "Golan, 15 miles"
            file = line.geojson
            feature = west
            buffer = 15 mi

            [rule r1]
            title = Test rule
            inside = golan-15mi
            within = 20 km of golan-15mi
            actor = group:hezbollah, Hezbollah
            affiliation = iran-backed
            actor-type = ArmedGroup
            role = source
            event-type = assault, MOBILIZE
            modality = asserted, reported
            from = 2018-01-01
            to = 2018-12-31
            """);

        // Then the zone's buffer is in kilometres and the rule keeps each condition with its line
        var zone = Assert.Single(set.Zones);
        Assert.Equal("Golan, 15 miles", zone.Name);
        Assert.Equal(24.14016, zone.BufferKm, 5);
        Assert.Single(zone.Geometry.Lines);
        var rule = Assert.Single(set.Rules);
        Assert.Equal("Test rule", rule.Title);
        Assert.Equal([SpatialPredicateKind.Inside, SpatialPredicateKind.Within], rule.Spatial.Select(p => p.Kind));
        Assert.Equal(20, rule.Spatial[1].DistanceKm);
        Assert.Equal(["group:hezbollah", "Hezbollah"], rule.Actors.ToArray());
        Assert.Equal(["ASSAULT", "MOBILIZE"], rule.EventTypes.ToArray());
        Assert.Equal(ParticipantRole.Source, rule.Role);
        Assert.Equal(new DateOnly(2018, 12, 31), rule.To);
        Assert.Equal(8, rule.Line);
        Assert.Equal(12, rule.ValueLines["actor"]);
    }

    [Fact]
    public void Parse_ZoneWithoutFeature_MergesEveryFeature()
    {
        var set = Parse("[zone all]\nfile = line.geojson\n");
        var zone = Assert.Single(set.Zones);
        Assert.Single(zone.Geometry.Lines);
        Assert.Single(zone.Geometry.Polygons);
        Assert.Equal(0, zone.BufferKm);
    }

    [Theory]
    [InlineData("[zone z]\nfile = line.geojson\ncolour = red\n", WatchErrorCode.UnknownKey, 3)]
    [InlineData("[zone z]\nfile = line.geojson\nbuffer = 20 furlongs\n", WatchErrorCode.BadValue, 3)]
    [InlineData("[zone z]\nfile = line.geojson\nfeature = east\n", WatchErrorCode.BadValue, 3)]
    [InlineData("[zone z]\nfile = missing.geojson\n", WatchErrorCode.FileNotFound, 2)]
    [InlineData("[zone z]\nname = no file\n", WatchErrorCode.MissingKey, 1)]
    [InlineData("[rule r]\ninside = nowhere\n", WatchErrorCode.UnknownZone, 2)]
    [InlineData("[rule r]\nevent-type = BOMBARD\n", WatchErrorCode.BadValue, 2)]
    [InlineData("[rule r]\nmodality = certain\n", WatchErrorCode.BadValue, 2)]
    [InlineData("[rule r]\nfrom = 5 June 2018\n", WatchErrorCode.BadValue, 2)]
    [InlineData("[rule r]\nfrom = 2018-06-05\nto = 2018-01-01\n", WatchErrorCode.BadValue, 3)]
    [InlineData("[rule r]\ntitle = nothing to check\n", WatchErrorCode.MissingKey, 1)]
    [InlineData("[rule r]\nevent-type = AID\n[rule r]\nevent-type = AID\n", WatchErrorCode.DuplicateId, 3)]
    [InlineData("[rule r]\nevent-type = AID\nevent-type = AGREE\n", WatchErrorCode.Syntax, 3)]
    [InlineData("event-type = AID\n", WatchErrorCode.Syntax, 1)]
    [InlineData("[rule r]\njust words\n", WatchErrorCode.Syntax, 2)]
    [InlineData("[policy p]\n", WatchErrorCode.Syntax, 1)]
    [InlineData("[zone z]\nfile = line.geojson\n[rule r]\nwithin = 20 km golan\n", WatchErrorCode.BadValue, 4)]
    public void Parse_Mistake_ThrowsCodedErrorWithFileAndLine(string text, WatchErrorCode code, int line)
    {
        // When a file with one mistake is parsed
        var ex = Fails(text);

        // Then the error names the code, the file and the line
        Assert.Equal(code, ex.Code);
        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"PX{(int)code}: test.rules:{line}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadGeoJson_ThrowsPX5005WithThePath()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.geojson"), """{"type": "LineString", "coordinates": [[35.8, 32.7]]}""");
        var ex = Fails("[zone z]\nfile = bad.geojson\n");
        Assert.Equal(WatchErrorCode.BadGeoJson, ex.Code);
        Assert.Contains("$.coordinates", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_TwoFiles_RulesUseZonesFromTheOther()
    {
        // Given zones in one file and rules in another
        File.WriteAllText(Path.Combine(_dir, "a-zones.rules"), "[zone box]\nfile = line.geojson\nfeature = box\n");
        File.WriteAllText(Path.Combine(_dir, "b-rules.rules"), "[rule in-box]\ninside = box\n");

        var set = WatchRuleSet.LoadDirectory(_dir);

        Assert.Equal(["box"], set.Zones.Select(z => z.Id));
        Assert.Equal(["in-box"], set.Rules.Select(r => r.Id));
    }

    [Fact]
    public void LoadDirectory_Missing_IsEmpty()
    {
        Assert.Empty(WatchRuleSet.LoadDirectory(Path.Combine(_dir, "none")).Rules);
    }
}
