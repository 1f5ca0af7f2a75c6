using System.Collections.Immutable;
using Parallax.Nlp.Events;

namespace Parallax.Core.Watch;

/// <summary>A named area or line that rules refer to.</summary>
/// <param name="Id">Unique id in the loaded rule set ("golan-line-20km").</param>
/// <param name="Name">A human-readable name (defaults to the id).</param>
/// <param name="Geometry">The shape, from the zone's GeoJSON file.</param>
/// <param name="BufferKm">How far around the shape still counts as in the zone, in kilometres (0 for none).</param>
/// <param name="File">The rule file that defines the zone.</param>
/// <param name="Line">The line of its section header.</param>
public sealed record Zone(string Id, string Name, ZoneGeometry Geometry, double BufferKm, string File, int Line)
{
    /// <summary>True when <paramref name="p"/> lies in the shape or within the buffer around it; <paramref name="distanceKm"/> is the distance to the shape (0 inside).</summary>
    public bool Covers(GeoPoint p, out double distanceKm)
    {
        distanceKm = Geometry.DistanceKm(p);
        return distanceKm <= BufferKm;
    }
}

/// <summary>The kinds of spatial test a rule can make.</summary>
public enum SpatialPredicateKind
{
    /// <summary>The event's place is in one of the zones (their buffers included).</summary>
    Inside,
    /// <summary>The event's place is no farther than a distance from one of the zones' shapes (their buffers not added).</summary>
    Within,
}

/// <summary>One spatial condition of a rule; the zones are alternatives.</summary>
/// <param name="Kind">Inside or within.</param>
/// <param name="ZoneIds">The zones, any of which satisfies the condition.</param>
/// <param name="DistanceKm">For <see cref="SpatialPredicateKind.Within"/>: the distance in kilometres; 0 otherwise.</param>
/// <param name="Line">The rule-file line it was read from.</param>
public sealed record SpatialPredicate(SpatialPredicateKind Kind, ImmutableArray<string> ZoneIds, double DistanceKm, int Line);

/// <summary>Which participant of an event an actor filter looks at.</summary>
public enum ParticipantRole
{
    /// <summary>The source or the target.</summary>
    Any,
    /// <summary>The one who acts.</summary>
    Source,
    /// <summary>The one acted upon.</summary>
    Target,
}

/// <summary>
/// A watch rule: conditions on an event, all of which must hold for the rule to match. Within one condition the
/// listed values are alternatives. An empty list means "no condition".
/// </summary>
/// <param name="Id">Unique id in the loaded rule set; part of each alert's key.</param>
/// <param name="Title">What the rule watches for, for listings.</param>
/// <param name="Spatial">Spatial conditions (all must hold).</param>
/// <param name="Actors">Actor ids or names; a participant must be one of them.</param>
/// <param name="Affiliations">Actor ids or names; a participant must be, belong to, or be backed by one of them.</param>
/// <param name="ActorTypes">Knowledge-base actor types; a participant must be of one of them.</param>
/// <param name="Role">Which participant the actor conditions look at.</param>
/// <param name="EventTypes">PLOVER types in upper case.</param>
/// <param name="Modalities">Allowed modalities.</param>
/// <param name="From">First day of the date range, or null.</param>
/// <param name="To">Last day of the date range (inclusive), or null.</param>
/// <param name="File">The rule file.</param>
/// <param name="Line">The line of the rule's section header.</param>
/// <param name="ValueLines">For each key, the line it was set on (for errors found after parsing).</param>
public sealed record WatchRule(
    string Id,
    string Title,
    ImmutableArray<SpatialPredicate> Spatial,
    ImmutableArray<string> Actors,
    ImmutableArray<string> Affiliations,
    ImmutableArray<string> ActorTypes,
    ParticipantRole Role,
    ImmutableArray<string> EventTypes,
    ImmutableArray<EventModality> Modalities,
    DateOnly? From,
    DateOnly? To,
    string File,
    int Line,
    ImmutableDictionary<string, int> ValueLines);
