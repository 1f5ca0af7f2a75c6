using System.Collections.Immutable;
using Parallax.Core.Watch;

namespace Parallax.Core.Tests.Watch;

public sealed class ZoneGeometryTests
{
    private static ImmutableArray<GeoPoint> Square(double south, double west, double size) =>
        [new(south, west), new(south, west + size), new(south + size, west + size), new(south + size, west), new(south, west)];

    [Fact]
    public void Contains_PointInOuterRingOutsideHole_IsInside()
    {
        // Given a 2° square with a 0.5° hole in its middle
        var zone = new ZoneGeometry([new GeoPolygon(Square(32, 35, 2), [Square(32.75, 35.75, 0.5)])], [], []);

        // Then a point in the ring is inside, one in the hole and one beyond are not
        Assert.True(zone.Contains(new GeoPoint(32.2, 35.2)));
        Assert.False(zone.Contains(new GeoPoint(33.0, 36.0)));
        Assert.False(zone.Contains(new GeoPoint(34.5, 36.0)));
    }

    [Fact]
    public void DistanceKm_InsidePolygon_IsZeroAndOutsideIsDistanceToEdge()
    {
        var zone = new ZoneGeometry([new GeoPolygon(Square(32, 35, 1), [])], [], []);

        Assert.Equal(0, zone.DistanceKm(new GeoPoint(32.5, 35.5)));
        // Half a degree north of the northern edge: half a degree of arc (55.6 km), less the edge's slight
        // northward bulge, since the edge is a great-circle arc and not the parallel.
        Assert.InRange(zone.DistanceKm(new GeoPoint(33.5, 35.5)), 55.3, 55.6);
    }

    [Fact]
    public void DistanceKm_LineAndPoint_TakesTheNearestPart()
    {
        // Given a north-south line and a separate point far east
        var zone = new ZoneGeometry([], [[new GeoPoint(32, 35.8), new GeoPoint(33.5, 35.8)]], [new GeoPoint(33, 38)]);

        // When measuring from a point 0.1° east of the line
        double km = zone.DistanceKm(new GeoPoint(33, 35.9));

        // Then the line is nearer: about 9.3 km at 33°N
        Assert.InRange(km, 9.0, 9.6);
        Assert.False(zone.Contains(new GeoPoint(33, 35.9)));
    }

    [Fact]
    public void Constructor_NoParts_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ZoneGeometry([], [], []));
    }
}
