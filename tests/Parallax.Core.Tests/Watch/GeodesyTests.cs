using Parallax.Core.Watch;

namespace Parallax.Core.Tests.Watch;

public sealed class GeodesyTests
{
    [Fact]
    public void DistanceKm_OneDegreeOfLatitude_IsAbout111Km()
    {
        // Given two points one degree apart on a meridian
        var a = new GeoPoint(33, 36);
        var b = new GeoPoint(34, 36);

        // When the distance is measured
        double km = Geodesy.DistanceKm(a, b);

        // Then it is the arc of one degree on the mean-radius sphere
        Assert.Equal(Geodesy.EarthRadiusKm * Math.PI / 180, km, 6);
    }

    [Fact]
    public void DistanceKm_DamascusToBeirut_MatchesPublishedFigure()
    {
        // Published great-circle distance: about 85 km.
        double km = Geodesy.DistanceKm(new GeoPoint(33.5138, 36.2765), new GeoPoint(33.8938, 35.5018));
        Assert.InRange(km, 82, 87);
    }

    [Fact]
    public void DistanceToSegmentKm_PointBesideSegment_IsCrossTrack()
    {
        // Given a segment along the equator and a point one degree north of its middle
        var a = new GeoPoint(0, 0);
        var b = new GeoPoint(0, 10);
        var p = new GeoPoint(1, 5);

        // When the distance to the segment is measured
        double km = Geodesy.DistanceToSegmentKm(p, a, b);

        // Then it is the perpendicular arc, not the distance to an end
        Assert.Equal(Geodesy.DistanceKm(p, new GeoPoint(0, 5)), km, 6);
    }

    [Fact]
    public void DistanceToSegmentKm_PointBeyondEnd_IsDistanceToThatEnd()
    {
        var a = new GeoPoint(0, 0);
        var b = new GeoPoint(0, 10);
        var p = new GeoPoint(1, 12);

        double km = Geodesy.DistanceToSegmentKm(p, a, b);

        Assert.Equal(Geodesy.DistanceKm(p, b), km, 6);
    }

    [Fact]
    public void DistanceToSegmentKm_HighLatitudeSegment_FollowsTheGreatCircleNotTheParallel()
    {
        // Given a long east-west segment at 60°N: its great circle bulges north of the parallel
        var a = new GeoPoint(60, 0);
        var b = new GeoPoint(60, 40);

        // When measuring from a point on the parallel halfway along
        double km = Geodesy.DistanceToSegmentKm(new GeoPoint(60, 20), a, b);

        // Then the point is well off the great-circle arc (a planar lon/lat formula would say 0)
        Assert.InRange(km, 150, 400);
    }
}
