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
