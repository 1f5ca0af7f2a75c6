using System.Collections.Immutable;
using Parallax.Nlp.Events;
using Parallax.Text;

namespace Parallax.Core.Tests.Watch;

/// <summary>Hand-built events, as the event stage's contract describes them.</summary>
internal static class WatchEvents
{
    public static readonly (double Lat, double Lon) Quneitra = (33.1253, 35.8245);
    public static readonly (double Lat, double Lon) Damascus = (33.5138, 36.2765);
    public static readonly (double Lat, double Lon) Daraa = (32.6189, 36.1021);
    public static readonly (double Lat, double Lon) Beirut = (33.8938, 35.5018);

    public static EventMention Event(
        string id = "e1",
        string type = "ASSAULT",
        string? sourceActor = "group:hezbollah",
        string sourceText = "Hezbollah",
        string? targetActor = null,
        (double Lat, double Lon)? at = null,
        string placeName = "Quneitra",
        EventModality modality = EventModality.Asserted,
        string? happened = "2018-06-05",
        TextSpan? sentence = null)
    {
        var where = at ?? Quneitra;
        var s = sentence ?? new TextSpan(0, 10);
        return new EventMention(id, new TextSpan(s.Start, s.Start + 4), "strike", s, type, null, null,
            sourceActor is null && sourceText.Length == 0 ? null : new EventParticipant(new TextSpan(0, sourceText.Length), sourceText, sourceActor, null),
            targetActor is null ? null : new EventParticipant(new TextSpan(0, 1), targetActor, targetActor, null),
            new EventPlace(new TextSpan(0, placeName.Length), placeName, null, where.Lat, where.Lon, "SY"),
            new EventDates(new EventDate("2018-06-06", null, "publication"), happened is null ? null : new EventDate(happened, "t1", "text"), null),
            modality, null, 0.8, [s]);
    }
}
