using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Parallax.Nlp.Events;
using Parallax.Nlp.Places;
using Parallax.Nlp.Tokens;

namespace Parallax.Core.Analysis;

/// <summary>
/// Merges the event mentions of a story's articles into story events: mentions of one PLOVER type whose participants,
/// channel (phone or in person), place and possible dates are all compatible with every mention already in a group join
/// it. Across articles a mention must also share a participant with the group, or its place and its known day.
/// </summary>
internal sealed class EventMerger(ActorKeys keys, StoryAnalysisOptions options)
{
    /// <summary>Types whose two participants play the same part, so their order does not matter.</summary>
    private static readonly HashSet<string> Symmetric = new(StringComparer.Ordinal)
    {
        "CONSULT", "AGREE", "COOPERATE", "AID", "ENGAGE", "SUPPORT",
    };

    private static readonly HashSet<string> RemoteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "phone", "telephone", "call", "phone call", "telephone call", "video", "videoconference", "video call", "teleconference",
    };

    private static readonly HashSet<string> InPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "visit", "host", "meet", "meeting", "travel", "trip", "fly", "flew", "arrive", "arrived", "summit", "in person",
    };

    /// <summary>
    /// One event mention with what merging needs, precomputed: its article, actors, known happened days and the days it
    /// can have happened on. For an event whose text names no participant ("after the talks in Moscow, X said"),
    /// <c>Implicit</c> is the named speaker who reports it, taken as a likely participant when linking; never shown as its actor.
    /// </summary>
    internal sealed record Candidate(int ArticleIndex, StoryArticle Article, EventMention Mention, StoryActor? Source, StoryActor? Target, StoryActor? Implicit, DateRange? Known, DateRange? Possible)
    {
        /// <summary>True when the place is finer than a country ("Moscow", not "Syria"), so it can anchor a link.</summary>
        public bool FinePlace { get; init; }

        /// <summary>The sentence's position in its article (-1 when the article has no sentence layer).</summary>
        public int SentenceIndex { get; init; } = -1;

        /// <summary>Nothing but its type and words: no participant, place or known date ("The meeting lasted an hour").</summary>
        public bool IsBare => !HasParticipants && Mention.Place is null && Known is null;

        public IEnumerable<string> Participants => new[] { Source?.Key, Target?.Key, Implicit?.Key }.OfType<string>().Distinct(StringComparer.Ordinal);

        public bool HasParticipants => Source is not null || Target is not null || Implicit is not null;
    }

    /// <summary>Cross-article evidence needed to call two compatible mentions one event (see <see cref="LinkScore"/>).</summary>
    private const double CrossArticleLink = 3.0;

    public ImmutableArray<StoryEvent> Merge(IReadOnlyList<StoryArticle> articles)
    {
        // An article without a publication day still belongs to the story's time: its year fills "XXXX-05" ("in late May").
        int? storyYear = articles.Where(a => a.Published is not null).GroupBy(a => a.Published!.Value.Year)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        var groups = new List<List<Candidate>>();
        var byType = new Dictionary<string, List<List<Candidate>>>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            if (!article.Document.TryGet(EventLayers.Events, out var events)) continue;
            foreach (var e in events.OrderBy(e => e.Trigger.Start))
            {
                var c = Prepare(i, article, e, storyYear);
                if (!byType.TryGetValue(e.PloverType, out var ofType)) byType[e.PloverType] = ofType = [];
                List<Candidate>? best = null;
                double bestScore = double.NegativeInfinity;
                foreach (var g in ofType)
                {
                    if (!g.TrueForAll(m => Compatible(c, m))) continue;
                    if (!g.Exists(m => Linked(c, m))) continue;
                    double score = g.Sum(m => Affinity(c, m)) / g.Count;
                    if (score > bestScore) (best, bestScore) = (g, score);
                }
                if (best is null)
                {
                    best = [];
                    ofType.Add(best);
                    groups.Add(best);
                }
                best.Add(c);
            }
        }

        var built = groups.Select(Build).ToList();
        var ordered = built
            .Select((e, i) => (Event: e, Order: i))
            .OrderBy(x => x.Event.Earliest is null ? 1 : 0)
            .ThenBy(x => x.Event.Earliest ?? DateOnly.MinValue)
            .ThenBy(x => x.Order)
            .Select((x, i) => x.Event with { Id = "se" + (i + 1).ToString(CultureInfo.InvariantCulture) });
        return [.. ordered];
    }

    internal Candidate Prepare(int index, StoryArticle article, EventMention e, int? storyYear = null)
    {
        var reported = StoryArticle.ParseDay(e.Dates.Reported?.Value) ?? article.Published;
        var known = DateRange.Parse(e.Dates.Happened?.Value, reported?.Year ?? storyYear);
        DateRange? possible = known;
        if (possible is null && reported is { } r)
        {
            if (e.Modality is EventModality.Planned or EventModality.Threatened)
                possible = DateRange.Parse(e.Dates.ClaimedOrPlanned?.Value, r.Year) ?? new DateRange(r, r.AddDays(options.PlannedDays));
            else
                possible = new DateRange(r.AddDays(-options.RecentDays), r);
        }
        var source = keys.Of(e.Source);
        var target = keys.Of(e.Target);
        var implicitSpeaker = source is null && target is null ? keys.Of(e.AttributedTo) : null;
        return new Candidate(index, article, e, source, target, implicitSpeaker, known, possible)
        {
            FinePlace = e.Place is { } place && !keys.IsCountryName(place.Name),
            SentenceIndex = article.Document.TryGet(TokenLayers.Sentences, out var sentences) ? sentences.IndexOf(e.Sentence) : -1,
        };
    }

    /// <summary>True when nothing known about the two mentions tells them apart.</summary>
    internal static bool Compatible(Candidate a, Candidate b)
    {
        var x = a.Mention;
        var y = b.Mention;
        if (!string.Equals(x.PloverType, y.PloverType, StringComparison.Ordinal)) return false;
        if (Channel(x) is { } cx && Channel(y) is { } cy && !string.Equals(cx, cy, StringComparison.Ordinal)) return false;
        if (!ParticipantsCompatible(a, b)) return false;
        if (!PlacesCompatible(x.Place, y.Place)) return false;
        // "continue the dialogue", "bilateral contacts": a standing relationship is not one dated encounter.
        if (Ongoing(x) != Ongoing(y) && (a.Known is { IsDay: true } || b.Known is { IsDay: true })) return false;
        bool sameArticle = a.ArticleIndex == b.ArticleIndex;
        // Within one article an undated mention ("the talks") refers back to the dated one; across articles the
        // possible ranges (a report's recent past, a plan's near future) must meet.
        if (a.Known is { } ka && b.Known is { } kb) return ka.Overlaps(kb);
        if (sameArticle) return true;
        return a.Possible is not { } pa || b.Possible is not { } pb || pa.Overlaps(pb);
    }

    /// <summary>Predicates that name a standing relationship rather than an occasion (lower case, as triggered).</summary>
    private static readonly FrozenSet<string> OngoingPredicates = FrozenSet.ToFrozenSet(
        ["dialogue", "contacts", "contact", "relations", "ties", "channel", "hotline", "coordination mechanism"], StringComparer.OrdinalIgnoreCase);

    private static bool Ongoing(EventMention e) => OngoingPredicates.Contains(e.Predicate);

    /// <summary>
    /// Evidence that two compatible mentions are the same event, not just alike. In one article: a shared participant,
    /// the same place finer than a country, the same known day, or the same predicate when neither names anyone. Across articles the
    /// <see cref="LinkScore"/> must reach <see cref="CrossArticleLink"/> and the pair must be anchored by the same place,
    /// the same known day or a shared person: "fighting between Israel and Iran in Syria" in two articles is not one event
    /// (a country is too coarse a place to anchor).
    /// </summary>
    internal static bool Linked(Candidate a, Candidate b)
    {
        var shared = a.Participants.Intersect(b.Participants, StringComparer.Ordinal).ToList();
        if (a.ArticleIndex == b.ArticleIndex)
        {
            // A country is too coarse a place to tie two mentions even in one article ("clashes over Syria", "bombing in
            // southwest Syria" are not one event); a town or a named area is not.
            return shared.Count > 0
                || (SamePlace(a, b) && a.FinePlace && b.FinePlace)
                || SameDay(a, b)
                || (!a.HasParticipants && !b.HasParticipants && string.Equals(a.Mention.Predicate, b.Mention.Predicate, StringComparison.OrdinalIgnoreCase))
                // A bare mention right after another of its type refers back to it ("… met Shoigu. The meeting lasted …").
                || ((a.IsBare || b.IsBare) && a.SentenceIndex >= 0 && b.SentenceIndex >= 0 && Math.Abs(a.SentenceIndex - b.SentenceIndex) <= 2);
        }
        bool anchored = (SamePlace(a, b) && a.FinePlace && b.FinePlace) || SameDay(a, b) || shared.Exists(IsPerson);
        return anchored && LinkScore(a, b) >= CrossArticleLink;
    }

    /// <summary>Per shared participant 2 for a person and 1.5 for anyone else (a state is a coarser witness); 1.5 for the
    /// same place (not for calls, whose "place" is a party's country); 2 for the same known day; 0.5 for the same channel.</summary>
    internal static double LinkScore(Candidate a, Candidate b)
    {
        double s = a.Participants.Intersect(b.Participants, StringComparer.Ordinal).Sum(k => IsPerson(k) ? 2.0 : 1.5);
        if (SamePlace(a, b)) s += 1.5;
        if (SameDay(a, b)) s += 2;
        if (Channel(a.Mention) is { } ca && string.Equals(ca, Channel(b.Mention), StringComparison.Ordinal)) s += 0.5;
        return s;
    }

    private static bool IsPerson(string key) => key.StartsWith("actor:person:", StringComparison.Ordinal) || key.StartsWith("per:", StringComparison.Ordinal);

    private static bool SamePlace(Candidate a, Candidate b) =>
        a.Mention.Place is not null && b.Mention.Place is not null && PlacesCompatible(a.Mention.Place, b.Mention.Place)
        && Channel(a.Mention) != "remote" && Channel(b.Mention) != "remote";

    private static bool SameDay(Candidate a, Candidate b) => a.Known is { IsDay: true } ka && b.Known is { IsDay: true } kb && ka == kb;

    private static double Affinity(Candidate a, Candidate b) => LinkScore(a, b) + (a.ArticleIndex == b.ArticleIndex ? 0.5 : 0);

    private static bool ParticipantsCompatible(Candidate a, Candidate b)
    {
        if (Symmetric.Contains(a.Mention.PloverType))
        {
            // Reports name different members of a delegation ("Liberman and Heyman flew", "Lieberman met Shoigu"):
            // only parties with nobody in common are different meetings.
            var sa = a.Participants.ToHashSet(StringComparer.Ordinal);
            var sb = b.Participants.ToHashSet(StringComparer.Ordinal);
            return sa.Count == 0 || sb.Count == 0 || sa.Overlaps(sb);
        }
        return Same(a.Source, b.Source) && Same(a.Target, b.Target);

        static bool Same(StoryActor? p, StoryActor? q) => p is null || q is null || string.Equals(p.Key, q.Key, StringComparison.Ordinal);
    }

    private static bool PlacesCompatible(EventPlace? p, EventPlace? q)
    {
        if (p is null || q is null) return true;
        if (p.GeoNameId is { } a && q.GeoNameId is { } b) return a == b || Near(p, q);
        if (p.Latitude is not null && q.Latitude is not null) return Near(p, q);
        return string.Equals(FramingLexicon.Fold(p.Name), FramingLexicon.Fold(q.Name), StringComparison.Ordinal);
    }

    /// <summary>Within 25 km: a city and a district of it, or two spellings resolved to neighbouring entries.</summary>
    private static bool Near(EventPlace p, EventPlace q)
    {
        if (p.Latitude is not { } la || p.Longitude is not { } lo || q.Latitude is not { } lb || q.Longitude is not { } ob) return false;
        return GeoDistance.DistanceKm(la, lo, lb, ob) <= 25;
    }

    /// <summary>"remote" for phone and video calls, "in person" for meetings and visits, null when the text does not say.</summary>
    internal static string? Channel(EventMention e)
    {
        foreach (var word in new[] { e.PloverMode, e.Predicate })
        {
            if (word is null) continue;
            if (RemoteWords.Contains(word) || word.Contains("phone", StringComparison.OrdinalIgnoreCase)) return "remote";
            if (InPersonWords.Contains(word)) return "in person";
        }
        return null;
    }

    private StoryEvent Build(List<Candidate> members)
    {
        var first = members[0].Mention;
        string? Most(IEnumerable<string?> values) => values.OfType<string>()
            .GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        StoryActor? MostActor(IEnumerable<StoryActor?> values) => values.OfType<StoryActor>()
            .GroupBy(v => v.Key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).FirstOrDefault();

        var happened = members
            .Where(m => m.Mention.Dates.Happened is not null && m.Known is not null)
            .OrderByDescending(m => DateRange.Precision(m.Mention.Dates.Happened!.Value))
            .Select(m => (m.Mention.Dates.Happened!.Value, m.Known))
            .FirstOrDefault();
        DateOnly? earliest = happened.Known?.First;
        if (earliest is null)
        {
            // Undated: the latest lower bound of the reports' possible ranges, which all overlap.
            var bounds = members.Where(m => m.Possible is not null).Select(m => m.Possible!.Value.First).ToList();
            earliest = bounds.Count == 0 ? null : bounds.Max();
        }
        var happenedValue = happened.Value;
        if (happenedValue is not null && happenedValue.StartsWith("XXXX", StringComparison.Ordinal) && happened.Known is { } k)
            happenedValue = k.First.Year.ToString("0000", CultureInfo.InvariantCulture) + happenedValue[4..];

        // For symmetric types every participant may be named first; the pair is the two most named.
        bool symmetric = Symmetric.Contains(first.PloverType);
        var actor = symmetric ? MostActor(members.SelectMany(m => new[] { m.Source, m.Target })) : MostActor(members.Select(m => m.Source));
        var target = MostActor((symmetric ? members.SelectMany(m => new[] { m.Source, m.Target }) : members.Select(m => m.Target))
            .Where(t => t is not null && (actor is null || !string.Equals(t.Key, actor.Key, StringComparison.Ordinal))));

        var reports = members
            .OrderBy(m => m.ArticleIndex).ThenBy(m => m.Mention.Trigger.Start)
            .Select(m => new EventReport(
                m.Article.Ref(m.Mention.Sentence),
                m.Mention.Id,
                m.Mention.Predicate,
                m.Mention.Trigger,
                m.Mention.Modality,
                m.Mention.AttributedTo,
                m.Mention.Dates.Happened?.Value,
                m.Mention.Evidence.IsDefaultOrEmpty ? [m.Mention.Sentence] : m.Mention.Evidence,
                m.Mention.Confidence))
            .ToImmutableArray();

        return new StoryEvent(
            string.Empty,
            first.PloverType,
            Most(members.Select(m => m.Mention.PloverMode)),
            Most(members.Select(m => m.Mention.CameoCode)),
            actor,
            target,
            Most(members.Select(m => m.Mention.Place?.Name)),
            happenedValue,
            earliest,
            reports);
    }
}
