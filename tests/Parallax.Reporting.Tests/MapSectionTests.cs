using System.Collections.Immutable;
using AngleSharp.Dom;
using Parallax.Core.Articles;
using Parallax.Core.Watch;
using Parallax.Nlp.Places;
using Parallax.Reporting.Map;
using Parallax.Reporting.Sections;
using Parallax.Reporting.Tests.Html;
using Parallax.Testing;
using Parallax.Text;

namespace Parallax.Reporting.Tests;

/// <summary>The places section: an offline SVG map over Natural Earth outlines, and a table of the resolved places.</summary>
public sealed class MapSectionTests
{
    private static GazetteerEntry Entry(string id, string name, double lat, double lon, string code, string cc, string admin) =>
        new(id, name, [], lat, lon, code.StartsWith("PCL", StringComparison.Ordinal) ? "A" : "P", code, cc, "", admin, 0);

    private static readonly GazetteerEntry Quneitra = Entry("px:t-quneitra", "Quneitra", 33.1253, 35.8245, "PPLA", "SY", "Quneitra");
    private static readonly GazetteerEntry Damascus = Entry("px:t-damascus", "Damascus", 33.5138, 36.2765, "PPLC", "SY", "Damascus");
    private static readonly GazetteerEntry Daraa = Entry("px:t-daraa", "Daraa", 32.6189, 36.1021, "PPLA", "SY", "Daraa");

    private static ResolvedPlace Place(string text, string name, GazetteerEntry? entry, PlaceStatus status = PlaceStatus.Resolved)
    {
        int at = text.IndexOf(name, StringComparison.Ordinal);
        return new ResolvedPlace(new TextSpan(at, at + name.Length), name, entry, 0.9, status, "test");
    }

    /// <summary>Two outlets on the south-west: Quneitra twice, Damascus and Daraa once, and one name left unresolved.</summary>
    internal static StoryView GolanStory()
    {
        const string a = "Shelling was reported near Quneitra and Daraa. Quneitra crossing stayed closed.";
        const string b = "Officials in Damascus said the talks on Al-Mansura would resume.";
        var first = new ArticleBuilder("a.txt").Paragraph(a).InStory("s-golan")
            .Layer(PlaceLayers.Places, [Place(a, "Quneitra", Quneitra), Place(a, "Daraa", Daraa), Place(a[40..], "Quneitra", Quneitra) with { Span = new TextSpan(47, 55) }])
            .Build();
        var second = new ArticleBuilder("b.txt").Paragraph(b).InStory("s-golan")
            .Layer(PlaceLayers.Places, [Place(b, "Damascus", Damascus), Place(b, "Al-Mansura", null, PlaceStatus.Unresolved)])
            .Build();
        var at = new DateTimeOffset(2018, 6, 6, 9, 0, 0, TimeSpan.Zero);
        return new StoryView(new StoryRecord("s-golan", "South-west Syria", [first.Id, second.Id], ["golan"], at, at), [first, second]);
    }

    private static IElement Map(StoryView view, ReportRegistry? registry = null) =>
        HtmlDom.Parse(new StoryReportWriter(registry).Html(view)).GetElementById("map")!;

    [Fact]
    public void WriteHtml_ResolvedPlaces_DrawsOneMarkerAndLabelPerPlaceOverCountryOutlines()
    {
        // Given a story naming Quneitra (twice), Daraa and Damascus, and an unresolved name
        var map = Map(GolanStory());

        // When the places section is read
        var svg = map.QuerySelector("svg")!;

        // Then each resolved place has one marker and one label, heaviest first; the unresolved name is not drawn
        Assert.Equal(3, svg.QuerySelectorAll("circle").Length);
        Assert.Equal(["Quneitra", "Damascus", "Daraa"], svg.QuerySelectorAll("text").Select(t => t.TextContent));
        // And the outlines of the neighbours are drawn, named by their titles
        var countries = svg.QuerySelectorAll(".land path > title").Select(t => t.TextContent).ToList();
        Assert.Contains("Syria", countries);
        Assert.Contains("Israel", countries);
        Assert.Contains("Jordan", countries);
        Assert.DoesNotContain("Brazil", countries);
    }

    [Fact]
    public void WriteHtml_ResolvedPlaces_ProjectsNorthUpEastRightInsideTheViewBox()
    {
        var svg = Map(GolanStory()).QuerySelector("svg")!;
        var box = svg.GetAttribute("viewBox")!.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var points = svg.QuerySelectorAll("circle").ToDictionary(
            c => c.QuerySelector("title")!.TextContent.Split(' ')[0],
            c => (X: double.Parse(c.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(c.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.All(points.Values, p => Assert.True(p.X > 0 && p.X < box[2] && p.Y > 0 && p.Y < box[3]));
        // Damascus lies north-east of Quneitra, Daraa south of both.
        Assert.True(points["Damascus"].X > points["Quneitra"].X && points["Damascus"].Y < points["Quneitra"].Y);
        Assert.True(points["Daraa"].Y > points["Quneitra"].Y);
    }

    [Fact]
    public void WriteHtml_Map_IsSelfContainedAndCreditsNaturalEarth()
    {
        var map = Map(GolanStory());
        var html = map.OuterHtml;

        Assert.Empty(map.QuerySelectorAll("image, use, foreignObject, script"));
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("Natural Earth (public domain)", map.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_GolanStory_MatchesGolden()
    {
        Golden.Verify("map-golan.html", Map(GolanStory()).OuterHtml + "\n");
    }

    [Fact]
    public void WriteHtml_WithZones_DrawsAreasAndLines()
    {
        // Given the example rules' zones passed to the section
        var rules = WatchRuleSet.LoadDirectory(Path.Combine(SharedData.RepoRoot!, "examples", "rules"));
        var registry = ReportRegistry.CreateDefault();
        registry.RemoveSection("map");
        registry.Add(new MapSection(rules.Zones.Where(z => z.Id is "southwest-deescalation" or "golan-line").ToImmutableArray()));

        var map = Map(GolanStory(), registry);

        Assert.Single(map.QuerySelectorAll("path.zone-area"));
        Assert.Single(map.QuerySelectorAll("path.zone-line"));
        Assert.Contains("Golan 1974 disengagement line Alpha", map.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    private static WatchRuleSet ExampleRules() => WatchRuleSet.LoadDirectory(Path.Combine(SharedData.RepoRoot!, "examples", "rules"));

    private static IElement MapWithOptionZones(StoryView view, ImmutableArray<Zone> zones) =>
        HtmlDom.Parse(new StoryReportWriter(options: new ReportOptions { Zones = zones }).Html(view)).GetElementById("map")!;

    private static double[] Numbers(string pathData) =>
        [.. System.Text.RegularExpressions.Regex.Matches(pathData, @"-?\d+(\.\d+)?").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void WriteHtml_ExampleRuleZonesInOptions_DrawsEachShapeOnceAndEachBufferAsABand()
    {
        // Given the example rules' six zones (the de-escalation area; the Golan line bare and with four buffers) in the options
        var zones = ExampleRules().Zones;

        // When the Golan story's report is written with them
        var map = MapWithOptionZones(GolanStory(), zones);

        // Then the area and the line are outlined once each, under the places
        Assert.Single(map.QuerySelectorAll("g.zones path.zone-area"));
        Assert.Single(map.QuerySelectorAll("g.zones path.zone-line"));
        // And each buffer is one shaded path, widest first, carrying its zone and distance
        var buffers = map.QuerySelectorAll("g.zones path.zone-buffer").ToList();
        Assert.Equal(["golan-line-60km", "golan-line-15mi", "golan-line-20km", "golan-line-5km"], buffers.Select(b => b.GetAttribute("data-zone")));
        Assert.Equal(["60", "24.14", "20", "5"], buffers.Select(b => b.GetAttribute("data-buffer-km")));
        Assert.All(buffers, b => Assert.Equal("nonzero", b.GetAttribute("fill-rule")));
        Assert.All(buffers, b => Assert.True(b.GetAttribute("d")!.Split('M').Length > 10, "a band is many rings"));
        // And the zones are drawn below the markers (earlier in the document)
        var svg = map.QuerySelector("svg")!;
        var order = svg.Children.Select(c => c.GetAttribute("class")).ToList();
        Assert.True(order.IndexOf("zones") < order.IndexOf("places"));
    }

    [Fact]
    public void WriteHtml_ZonesWithBuffers_LegendNamesEveryShapeAndDistance()
    {
        // Given the example zones
        var map = MapWithOptionZones(GolanStory(), ExampleRules().Zones);

        // When the legend is read
        var labels = map.QuerySelectorAll("g.legend text").Select(t => t.TextContent).ToList();

        // Then it names the two shapes and the four buffers with their distances, and sits below the map area
        Assert.Equal(
        [
            "South-west de-escalation zone (Daraa, Quneitra, As-Suwayda)",
            "Golan 1974 disengagement line Alpha",
            "Golan line Alpha, 60 km buffer: within 60 km",
            "Golan line Alpha, 15 miles (24.14 km) buffer: within 24.14 km",
            "Golan line Alpha, 20 km buffer: within 20 km",
            "Golan line Alpha, 5 km buffer: within 5 km",
        ], labels);
        var sea = map.QuerySelector("rect.sea")!;
        var legend = map.QuerySelector("rect.legend-box")!;
        Assert.Equal(sea.GetAttribute("height"), legend.GetAttribute("y"));
        Assert.Contains("shaded bands", map.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_PlacesInSouthWestSyria_FramesPlacesAndBuffersTogether()
    {
        // Given the Golan story (Quneitra, Daraa, Damascus) and the zones
        var map = MapWithOptionZones(GolanStory(), ExampleRules().Zones);
        var svg = map.QuerySelector("svg")!;
        double width = double.Parse(svg.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        double mapHeight = double.Parse(map.QuerySelector("rect.sea")!.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);

        // When the drawn coordinates of the widest buffer, the zone area and the markers are read
        var widest = Numbers(map.QuerySelector("path.zone-buffer")!.GetAttribute("d")!);
        var area = Numbers(map.QuerySelector("path.zone-area")!.GetAttribute("d")!);
        var markers = map.QuerySelectorAll("circle").SelectMany(c => new[] { double.Parse(c.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture), double.Parse(c.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture) }).ToArray();

        // Then all of them lie inside the map area: the frame holds the places and the zones with their buffers
        foreach (var xy in new[] { widest, area, markers })
        {
            for (int i = 0; i + 1 < xy.Length; i += 2)
            {
                Assert.InRange(xy[i], 0, width);
                Assert.InRange(xy[i + 1], 0, mapHeight);
            }
        }
        // And the 60 km band is wide: about 120 km across, a good part of the map's width
        Assert.True(widest.Where((_, i) => i % 2 == 0).Max() - widest.Where((_, i) => i % 2 == 0).Min() > width / 8);
    }

    [Fact]
    public void WriteHtml_PlacesFarFromEveryZone_LeavesTheZonesOutAndSaysSo()
    {
        // Given a story whose only place is Helsinki, and the Syrian zones
        const string text = "Talks opened in Helsinki on Monday.";
        var helsinki = Entry("px:t-helsinki", "Helsinki", 60.1699, 24.9384, "PPLC", "FI", "Uusimaa");
        var article = new ArticleBuilder("h.txt").Paragraph(text).InStory("s-h").Layer(PlaceLayers.Places, [Place(text, "Helsinki", helsinki)]).Build();
        var at = new DateTimeOffset(2018, 7, 16, 9, 0, 0, TimeSpan.Zero);
        var view = new StoryView(new StoryRecord("s-h", "Helsinki", [article.Id], ["helsinki"], at, at), [article]);

        // When its map is drawn
        var map = MapWithOptionZones(view, ExampleRules().Zones);

        // Then no zone, buffer or legend is drawn, and the caption names the zones left out
        Assert.Empty(map.QuerySelectorAll("g.zones, g.legend"));
        Assert.Contains("Not drawn, being far from these places: South-west de-escalation zone", map.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_GolanStoryWithExampleZones_MatchesGolden()
    {
        Golden.Verify("map-golan-zones.html", MapWithOptionZones(GolanStory(), ExampleRules().Zones).OuterHtml + "\n");
    }

    [Theory]
    [InlineData("golan-line-5km")]
    [InlineData("golan-line-60km")]
    [InlineData("southwest-deescalation")]
    public void ZoneBufferRings_ExampleZone_ReachOutToTheDistanceAndNoFarther(string zoneId)
    {
        // Given an example zone and a buffer distance (the zone's own, or 10 km for the bare area)
        var zone = ExampleRules().ZonesById[zoneId];
        double km = zone.BufferKm > 0 ? zone.BufferKm : 10;

        // When its buffer rings are computed
        var rings = ZoneBuffer.Rings(zone.Geometry, km);

        // Then no ring vertex lies farther than the distance from the shape
        var distances = rings.SelectMany(r => r.Points).Select(zone.Geometry.DistanceKm).ToList();
        Assert.True(distances.Max() <= km * 1.005, $"a vertex at {distances.Max():0.00} km");
        // And on a grid over the buffered bounds, points well within the distance are covered by a ring and points well
        // beyond it are not (the example shapes have no holes)
        var (south, west, north, east) = ZoneBuffer.Bounds(zone.Geometry, km * 1.2);
        int inside = 0, outside = 0;
        for (int i = 0; i <= 40; i++)
        {
            for (int j = 0; j <= 40; j++)
            {
                var p = new GeoPoint(south + ((north - south) * i / 40), west + ((east - west) * j / 40));
                double d = zone.Geometry.DistanceKm(p);
                bool covered = rings.Any(r => InRing(p, r.Points));
                if (d <= km * 0.97) { Assert.True(covered, $"{p} at {d:0.0} km is not covered"); inside++; }
                if (d >= km * 1.03) { Assert.False(covered, $"{p} at {d:0.0} km is covered"); outside++; }
            }
        }
        Assert.True(inside > 20 && outside > 20, $"{inside} points inside, {outside} outside");
    }

    private static bool InRing(GeoPoint p, IReadOnlyList<GeoPoint> ring)
    {
        bool inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.Latitude > p.Latitude) != (b.Latitude > p.Latitude)
                && p.Longitude < a.Longitude + ((p.Latitude - a.Latitude) / (b.Latitude - a.Latitude) * (b.Longitude - a.Longitude)))
                inside = !inside;
        }
        return inside;
    }

    [Fact]
    public void ZoneBufferRings_NoDistance_AreEmpty()
    {
        Assert.Empty(ZoneBuffer.Rings(ExampleRules().ZonesById["golan-line"].Geometry, 0));
    }

    [Fact]
    public void WriteMarkdown_ResolvedPlaces_ListsThemWithMentionsAndArticles()
    {
        var md = new StoryReportWriter().Markdown(GolanStory());
        var section = md[md.IndexOf("## Places", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        Assert.Contains("| Quneitra | 33.1253 | 35.8245 | PPLA |", section, StringComparison.Ordinal);
        Assert.Contains("| 2 | A1 |", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Al-Mansura", section, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_NoPlaces_SaysSoWithoutAMap()
    {
        var map = Map(Stories.Harbour());
        Assert.Null(map.QuerySelector("svg"));
        Assert.Contains("No place in this story was resolved", map.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CountryOutlines_Embedded_HaveEveryCountryOfTheRegion()
    {
        var names = CountryOutlines.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(CountryOutlines.All.Length > 200);
        Assert.Superset(new HashSet<string>(["Syria", "Lebanon", "Israel", "Jordan", "Iran", "Finland", "Russia"], StringComparer.Ordinal), names);
        var syria = CountryOutlines.All.Single(c => c.Name == "Syria");
        Assert.InRange(syria.West, 35.5, 36.0);
        Assert.InRange(syria.North, 37.0, 37.5);
    }

    [Fact]
    public void CountryOutlines_Parse_UnknownHeader_Throws()
    {
        Assert.Throws<InvalidDataException>(() => CountryOutlines.Parse([1, 2, 3, 4, 5, 6]));
    }
}
