using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Documents;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Events;

namespace Parallax.Core.Watch;

/// <summary>A rule that matched one event, with the conditions it met.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Matched">One description per condition met, in rule order.</param>
/// <param name="ZoneId">The zone of the first spatial condition, or null.</param>
/// <param name="DistanceKm">The distance to that zone's shape, or null.</param>
/// <param name="EventDate">The date value compared with the date range, or null.</param>
public sealed record WatchMatch(WatchRule Rule, ImmutableArray<string> Matched, string? ZoneId, double? DistanceKm, string? EventDate);

/// <summary>
/// Checks events against a rule set. Actor and affiliation names in the rules are resolved against the actor
/// knowledge base once, when the evaluator is created.
/// </summary>
/// <remarks>
/// Semantics (see docs/watch-rules.md): all conditions of a rule must hold; the values listed in one condition are
/// alternatives. Spatial conditions need the event's place to have coordinates. An actor condition holds when the
/// participant named by the rule's role (source, target, or either) is one of the listed actors; an affiliation
/// condition when the participant is the listed actor, part of it (parent chain), backed by it (affiliation chain,
/// followed through parents), or a state body (armed force, intelligence service, government, ministry) of the
/// listed country. The date range holds when the event's date (happened, else claimed or planned, else reported)
/// overlaps it. A rule without a modality condition does not match denied or negated events. Immutable and thread-safe.
/// </remarks>
public sealed class WatchEvaluator
{
    private static readonly FrozenSet<ActorType> StateBodies =
        new[] { ActorType.ArmedForce, ActorType.IntelligenceService, ActorType.Government, ActorType.Ministry }.ToFrozenSet();

    private readonly ActorKnowledgeBase _actors;
    private readonly ImmutableDictionary<string, FrozenSet<string>> _actorIds;
    private readonly ImmutableDictionary<string, FrozenSet<string>> _affiliationIds;

    private WatchEvaluator(WatchRuleSet rules, ActorKnowledgeBase actors,
        ImmutableDictionary<string, FrozenSet<string>> actorIds, ImmutableDictionary<string, FrozenSet<string>> affiliationIds)
    {
        Rules = rules;
        _actors = actors;
        _actorIds = actorIds;
        _affiliationIds = affiliationIds;
    }

    /// <summary>The rules checked.</summary>
    public WatchRuleSet Rules { get; }

    /// <summary>
    /// Creates an evaluator. Throws <see cref="WatchRuleException"/> PX5008 (with the rule's file and line) when an
    /// actor or affiliation names nothing in <paramref name="actors"/>.
    /// </summary>
    public static WatchEvaluator Create(WatchRuleSet rules, ActorKnowledgeBase actors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(actors);
        var actorIds = ImmutableDictionary.CreateBuilder<string, FrozenSet<string>>(StringComparer.Ordinal);
        var affiliationIds = ImmutableDictionary.CreateBuilder<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            actorIds[rule.Id] = Resolve(rule, "actor", rule.Actors, actors);
            affiliationIds[rule.Id] = Resolve(rule, "affiliation", rule.Affiliations, actors);
        }
        return new WatchEvaluator(rules, actors, actorIds.ToImmutable(), affiliationIds.ToImmutable());
    }

    /// <summary>The actor ids a rule value names: an id, a name or alias, a demonym, or "X-backed" for X.</summary>
    private static FrozenSet<string> Resolve(WatchRule rule, string key, ImmutableArray<string> values, ActorKnowledgeBase kb)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var found = ResolveOne(value, kb);
            if (found.Count == 0)
            {
                throw new WatchRuleException(WatchErrorCode.UnknownActor, rule.File, rule.ValueLines.GetValueOrDefault(key, rule.Line),
                    $"\"{value}\" names no actor in the knowledge base; use an id such as country:ir or group:hezbollah, a name, or add the actor to <data-dir>/actors");
            }
            ids.UnionWith(found);
        }
        return ids.ToFrozenSet(StringComparer.Ordinal);
    }

    private static List<string> ResolveOne(string value, ActorKnowledgeBase kb)
    {
        if (kb.Find(value) is { } direct) return [direct.Id];
        foreach (var suffix in new[] { "-backed", " backed", "-aligned", " aligned", "-affiliated", " affiliated" })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return ResolveOne(value[..^suffix.Length].Trim(), kb);
        }
        var matches = kb.Match(value)
            .Where(m => m.Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration or ActorMatchKind.Demonym)
            .Select(m => m.Actor.Id)
            .ToList();
        if (matches.Count == 0) matches = [.. kb.ResolveDemonym(value).Select(m => m.Actor.Id)];
        return matches;
    }

    /// <summary>The rules that <paramref name="e"/> matches, in rule order.</summary>
    public ImmutableArray<WatchMatch> Match(EventMention e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var result = ImmutableArray.CreateBuilder<WatchMatch>();
        foreach (var rule in Rules.Rules)
        {
            if (MatchRule(rule, e) is { } m) result.Add(m);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The alerts for every event of <paramref name="document"/> (its <see cref="EventLayers.Events"/> layer; none when
    /// the layer is absent), in event then rule order, stamped with <paramref name="raisedAt"/>.
    /// </summary>
    public ImmutableArray<Alert> Evaluate(Document document, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Rules.Rules.IsEmpty || !document.TryGet(EventLayers.Events, out var events)) return [];
        var text = document.Text;
        var alerts = ImmutableArray.CreateBuilder<Alert>();
        foreach (var e in events)
        {
            foreach (var m in Match(e))
            {
                string sentence = e.Sentence.End <= text.Length ? e.Sentence.Of(text) : "";
                alerts.Add(new Alert(
                    Alert.KeyOf(m.Rule.Id, document.Id, e.Id), m.Rule.Id, m.Rule.Title, document.Id, e.Id, e.PloverType, e.Predicate,
                    e.Sentence, sentence, e.Place?.Name, e.Place?.Latitude, e.Place?.Longitude, m.ZoneId,
                    m.DistanceKm is { } d ? Math.Round(d, 3) : null, e.Source?.ActorId, e.Target?.ActorId, m.EventDate, m.Matched,
                    raisedAt.ToUniversalTime()));
            }
        }
        return alerts.ToImmutable();
    }

    private WatchMatch? MatchRule(WatchRule rule, EventMention e)
    {
        var matched = ImmutableArray.CreateBuilder<string>();
        string? zoneId = null;
        double? distance = null;

        if (!rule.Spatial.IsEmpty)
        {
            if (e.Place is not { Latitude: { } lat, Longitude: { } lon }) return null;
            var p = new GeoPoint(lat, lon);
            foreach (var predicate in rule.Spatial)
            {
                (Zone Zone, double Km)? hit = null;
                foreach (var id in predicate.ZoneIds)
                {
                    var zone = Rules.ZonesById[id];
                    double km = zone.Geometry.DistanceKm(p);
                    double limit = predicate.Kind == SpatialPredicateKind.Inside ? zone.BufferKm : predicate.DistanceKm;
                    if (km <= limit && (hit is null || km < hit.Value.Km)) hit = (zone, km);
                }
                if (hit is not { } h) return null;
                zoneId ??= h.Zone.Id;
                distance ??= h.Km;
                matched.Add(predicate.Kind == SpatialPredicateKind.Inside
                    ? $"inside {h.Zone.Id}: {Km(h.Km)} from the shape, buffer {Km(h.Zone.BufferKm)}"
                    : $"within {Km(predicate.DistanceKm)} of {h.Zone.Id}: {Km(h.Km)} from the shape");
            }
        }

        if (!rule.EventTypes.IsEmpty)
        {
            if (!rule.EventTypes.Contains(e.PloverType, StringComparer.OrdinalIgnoreCase)) return null;
            matched.Add($"event-type {e.PloverType.ToUpperInvariant()}");
        }
        if (!rule.Modalities.IsEmpty)
        {
            if (!rule.Modalities.Contains(e.Modality)) return null;
            matched.Add($"modality {e.Modality.ToString().ToLowerInvariant()}");
        }
        else if (e.Modality is EventModality.Denied or EventModality.Negated)
        {
            // A denial or a negation says the event did not happen: only a rule that asks for it sees it.
            return null;
        }

        var participants = Participants(rule.Role, e);
        if (!rule.Actors.IsEmpty)
        {
            var ids = _actorIds[rule.Id];
            var who = participants.Select(x => (x.Role, Id: IdOf(x.Participant))).FirstOrDefault(x => x.Id is not null && ids.Contains(x.Id));
            if (who.Id is null) return null;
            matched.Add($"actor {who.Id} ({who.Role})");
        }
        if (!rule.Affiliations.IsEmpty)
        {
            var ids = _affiliationIds[rule.Id];
            string? found = null;
            foreach (var (role, participant) in participants)
            {
                // The participant's own actor, then the backer its words name ("Tehran-backed militias" → Iran).
                foreach (var id in new[] { IdOf(participant), participant.AffiliationId })
                {
                    if (id is null || found is not null) continue;
                    if (Lineage(id).FirstOrDefault(ids.Contains) is { } via)
                    {
                        string who = id == participant.AffiliationId && id != IdOf(participant) ? $"{id} backing \"{participant.Text}\"" : id;
                        found = string.Equals(via, id, StringComparison.Ordinal) && who == id ? $"affiliation {id} ({role})" : $"affiliation {via} via {who} ({role})";
                    }
                }

                if (found is not null) break;
            }
            if (found is null) return null;
            matched.Add(found);
        }
        if (!rule.ActorTypes.IsEmpty)
        {
            var who = participants
                .Select(x => (x.Role, Actor: IdOf(x.Participant) is { } id ? _actors.Find(id) : null))
                .FirstOrDefault(x => x.Actor is not null && rule.ActorTypes.Any(t => string.Equals(t, x.Actor.Type.ToString(), StringComparison.OrdinalIgnoreCase)));
            if (who.Actor is null) return null;
            matched.Add($"actor-type {who.Actor.Type} ({who.Actor.Id}, {who.Role})");
        }

        string? date = null;
        if (rule.From is not null || rule.To is not null)
        {
            var chosen = e.Dates.Happened ?? e.Dates.ClaimedOrPlanned ?? e.Dates.Reported;
            if (chosen is null || Interval(chosen.Value) is not { } span) return null;
            var from = rule.From ?? DateOnly.MinValue;
            var to = rule.To ?? DateOnly.MaxValue;
            if (span.Last < from || span.First > to) return null;
            date = chosen.Value;
            matched.Add($"date {chosen.Value} in {(rule.From is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "…")}..{(rule.To is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "…")}");
        }
        else
        {
            date = (e.Dates.Happened ?? e.Dates.ClaimedOrPlanned ?? e.Dates.Reported)?.Value;
        }

        return new WatchMatch(rule, matched.ToImmutable(), zoneId, distance, date);
    }

    private static List<(string Role, EventParticipant Participant)> Participants(ParticipantRole role, EventMention e)
    {
        var list = new List<(string, EventParticipant)>(2);
        if (role != ParticipantRole.Target && e.Source is { } s) list.Add(("source", s));
        if (role != ParticipantRole.Source && e.Target is { } t) list.Add(("target", t));
        return list;
    }

    /// <summary>The participant's actor id, or, when the event stage left it open, an exact knowledge-base match of its words.</summary>
    private string? IdOf(EventParticipant p)
    {
        if (p.ActorId is not null) return p.ActorId;
        var exact = _actors.Match(p.Text).Where(m => m.Kind is ActorMatchKind.Exact or ActorMatchKind.Transliteration).ToList();
        return exact.Count == 1 ? exact[0].Actor.Id : null;
    }

    /// <summary>The actor, then everything it belongs to or is backed by (breadth first, each once).</summary>
    private IEnumerable<string> Lineage(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(id);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!seen.Add(current)) continue;
            yield return current;
            if (_actors.Find(current) is not { } actor) continue;
            if (actor.ParentId is { } parent) queue.Enqueue(parent);
            foreach (var a in actor.Affiliations) queue.Enqueue(a);
            if (StateBodies.Contains(actor.Type) && actor.CountryCode is { } cc) queue.Enqueue("country:" + cc.ToLowerInvariant());
        }
    }

    /// <summary>The days a TimeML date value covers: 2018-05-31, 2018-05 or 2018; null for anything vaguer.</summary>
    internal static (DateOnly First, DateOnly Last)? Interval(string value)
    {
        var ci = CultureInfo.InvariantCulture;
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", ci, DateTimeStyles.None, out var day)) return (day, day);
        if (value.Length >= 7 && DateOnly.TryParseExact(value[..7] + "-01", "yyyy-MM-dd", ci, DateTimeStyles.None, out var month)
            && (value.Length == 7 || value[7] != '-' || value.Length < 10))
            return (month, month.AddMonths(1).AddDays(-1));
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, ci, out int year) && year is >= 1 and <= 9999)
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return null;
    }

    private static string Km(double km) => km.ToString("0.0", CultureInfo.InvariantCulture) + " km";
}
