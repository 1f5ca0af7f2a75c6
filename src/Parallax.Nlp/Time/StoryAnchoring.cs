using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>What one other article of the same story tells about dates: its text, its anchor and its resolved expressions.</summary>
/// <param name="Label">Names the article in explanations (outlet or id).</param>
/// <param name="Text">Its clean text (the text its timex spans point into).</param>
/// <param name="Anchor">Its anchor (the story-level one when it had one).</param>
/// <param name="Timexes">Its expressions, resolved against <paramref name="Anchor"/>.</param>
public sealed record StoryNeighbour(string Label, string Text, TemporalAnchor Anchor, ImmutableArray<Timex> Timexes);

/// <summary>The outcome of <see cref="StoryAnchoring.Reanchor"/>: the new anchor and the expressions resolved against it.</summary>
/// <param name="Anchor">The anchor inferred with the story's help.</param>
/// <param name="Timexes">The article's expressions resolved against <paramref name="Anchor"/>.</param>
public sealed record StoryAnchorResult(TemporalAnchor Anchor, ImmutableArray<Timex> Timexes);

/// <summary>
/// Cross-document anchoring: the publication day of an article whose own text fixes no day (no year, no dateline) is
/// inferred from the other articles of its story. Articles of one story are published close together, so the confident
/// dates of the others give the window and the year; inside it the article's own cues decide:
/// <list type="bullet">
/// <item>a date it mentions in a past clause ("since May 10") is on or before publication (a lower bound), and a date
/// without a year lies within half a year before it;</item>
/// <item>a weekday in a past clause ("said Thursday") is within the six days before publication, and after any dated
/// background event (news style writes the weekday for the last week and the date for anything older);</item>
/// <item>a weekday whose sentence shares its content words with a sentence of another story article where the same
/// weekday's date is resolved ("Lieberman met Shoigu in Moscow on Thursday" and "after the May 31 talks in Moscow,
/// Lieberman said") is that date: the two articles report one event.</item>
/// </list>
/// The earliest day that meets every cue is chosen (publication follows the latest event it reports). The confidence is
/// above <see cref="PublicationDate.UncertainBelow"/> only when the article's lead names a weekday that falls on or one
/// day before the chosen day, so the day is pinned from both sides; otherwise the anchor is a best guess flagged uncertain,
/// with relative expressions still resolved against it (at reduced confidence).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class StoryAnchoring
{
    /// <summary>Neighbours whose anchor confidence is below this are not used as evidence.</summary>
    public const double MinimumNeighbourConfidence = 0.5;

    private const int WindowDays = 60;
    private const int LeadChars = 600;
    private const int SharedWordsForSameEvent = 3;
    private static readonly Regex Word = new(@"\p{L}[\p{L}'’]*", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly FrozenSet<string> Stop = FrozenSet.ToFrozenSet(
        ["the", "and", "that", "this", "with", "from", "have", "said", "says", "were", "was", "which", "would", "will", "their", "they",
         "there", "been", "after", "before", "about", "into", "over", "than", "also", "while", "what", "when", "where", "only",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
         "june", "july", "august", "september", "october", "november", "december", "late", "early", "earlier", "later", "week",
         "month", "year", "told", "according", "should", "could", "might", "must", "his", "her", "its", "for", "not", "but", "are", "has", "had", "who", "whom"],
        StringComparer.Ordinal);

    /// <summary>
    /// Re-anchors an article whose anchor is unknown or uncertain against the other articles of its story.
    /// </summary>
    /// <param name="text">The article's clean text.</param>
    /// <param name="own">The anchor the per-document stage gave it.</param>
    /// <param name="neighbours">The other articles of the story (any order; unusable ones are ignored).</param>
    /// <param name="tagger">Resolves the article's expressions against the new anchor.</param>
    /// <returns>The new anchor and expressions, or null when <paramref name="own"/> needs no help (known, or inferred with a
    /// confidence of at least <see cref="PublicationDate.UncertainBelow"/>), no neighbour has a usable date, or no day in
    /// the story's window meets the article's cues.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static StoryAnchorResult? Reanchor(string text, TemporalAnchor own, IReadOnlyList<StoryNeighbour> neighbours, TemporalTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(tagger);
        if (!NeedsHelp(own)) return null;
        var usable = neighbours.Where(n => n.Anchor.IsUsable && n.Anchor.Confidence >= MinimumNeighbourConfidence).ToList();
        if (usable.Count == 0) return null;
        var first = usable.Min(n => n.Anchor.Date);
        var last = usable.Max(n => n.Anchor.Date);

        var cues = Cues.Read(text);
        var transfers = Transfers(text, cues, usable);
        var from = first.AddDays(-WindowDays);
        var to = last.AddDays(WindowDays);
        // With a lower bound (a dated event, or a weekday another article dates) the earliest fitting day is taken:
        // publication follows the latest event it reports. Without one, the fitting day nearest the story's middle.
        bool bounded = cues.Dated.Count > 0 || transfers.Count > 0;
        var dates = usable.Select(n => n.Anchor.Date.DayNumber).Order().ToList();
        int middle = dates[dates.Count / 2];
        DateOnly? chosen = null;
        string lowerBound = string.Empty;
        for (var p = from; p <= to; p = p.AddDays(1))
        {
            if (!Fits(p, cues, transfers, out var bound)) continue;
            if (chosen is null || (!bounded && Math.Abs(p.DayNumber - middle) < Math.Abs(chosen.Value.DayNumber - middle)))
            {
                chosen = p;
                lowerBound = bound;
            }
            if (bounded) break;
        }
        if (chosen is { } day)
        {
            var (confidence, pin) = Confidence(text, day, cues);
            var why = Explain(day, first, last, usable.Count, bounded, lowerBound, transfers, pin, confidence);
            var anchor = new TemporalAnchor(day, AnchorSource.Inferred, confidence, why);
            return new StoryAnchorResult(anchor, tagger.Tag(text, anchor));
        }
        return null;
    }

    /// <summary>True when an anchor is unknown or an uncertain inference, so the story may improve it.</summary>
    public static bool NeedsHelp(TemporalAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return anchor.Source == AnchorSource.Unknown || (anchor.Source == AnchorSource.Inferred && anchor.Confidence < PublicationDate.UncertainBelow);
    }

    private static bool Fits(DateOnly p, Cues cues, List<Transfer> transfers, out string lowerBound)
    {
        lowerBound = string.Empty;
        DateOnly? latestDated = null;
        foreach (var d in cues.Dated)
        {
            DateOnly date;
            if (d.Year is { } y)
            {
                if (!TimexResolver.TryDate(y, d.Month, d.Day, out date) || date > p) return false;
            }
            else
            {
                // The latest occurrence on or before p, within half a year: a date written without a year is recent.
                if (!TimexResolver.TryDate(p.Year, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(p.Year, d.Month)), out date)) return false;
                if (date > p) date = date.AddYears(-1);
                if (p.DayNumber - date.DayNumber > 183) return false;
                if (d.Weekday is { } wd && date.DayOfWeek != wd) return false;
            }
            if (latestDated is null || date > latestDated)
            {
                latestDated = date;
                lowerBound = $"'{d.Surface}' ({TimexResolver.Iso(date)}) is a past event";
            }
        }
        foreach (var y in cues.PastYears)
        {
            if (y > p.Year) return false;
        }
        foreach (var w in cues.PastWeekdays)
        {
            var day = TimexResolver.Previous(w.Weekday, p, strict: false);
            // News style: the weekday names the last week, the date anything older, so weekday events follow dated ones.
            if (latestDated is { } l && day <= l) return false;
        }
        foreach (var t in transfers)
        {
            if (TimexResolver.Previous(t.Weekday, p, strict: false) != t.Date) return false;
        }
        return true;
    }

    private static (double Confidence, string? Pin) Confidence(string text, DateOnly p, Cues cues)
    {
        int leadEnd = LeadEnd(text);
        foreach (var w in cues.PastWeekdays)
        {
            if (w.Start >= leadEnd) continue;
            var day = TimexResolver.Previous(w.Weekday, p, strict: false);
            if (p.DayNumber - day.DayNumber <= 1) return (0.6, w.Surface);
        }
        return (0.4, null);
    }

    /// <summary>The end of the lead: the first two paragraphs of at least 100 characters (headline and byline lines are
    /// skipped), at most <see cref="LeadChars"/> characters from the first one's start.</summary>
    private static int LeadEnd(string text)
    {
        int start = 0, first = -1, paragraphs = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (end - start >= 100)
            {
                if (first < 0) first = start;
                if (++paragraphs == 2) return Math.Min(end, first + LeadChars);
            }
            start = end + 1;
        }
        return first < 0 ? Math.Min(text.Length, LeadChars) : Math.Min(text.Length, first + LeadChars);
    }

    private static string Explain(DateOnly p, DateOnly first, DateOnly last, int count, bool bounded, string lowerBound, List<Transfer> transfers, string? pin, double confidence)
    {
        var parts = new List<string>
        {
            $"story window from {count.ToString(CultureInfo.InvariantCulture)} dated article(s) of its story ({TimexResolver.Iso(first)} to {TimexResolver.Iso(last)}, ±{WindowDays.ToString(CultureInfo.InvariantCulture)} days)",
        };
        if (lowerBound.Length > 0) parts.Add(lowerBound);
        foreach (var t in transfers.Take(2)) parts.Add($"'{t.Surface}' is {TimexResolver.Iso(t.Date)}, the day {t.Neighbour} gives '{t.NeighbourSurface}' in a sentence on the same event (shared: {string.Join(", ", t.Shared.Take(4))})");
        parts.Add(bounded ? "earliest day meeting every cue" : "no cue bounds it: the fitting day nearest the story's middle");
        parts.Add(pin is null
            ? "nothing pins the day from above (uncertain)"
            : $"the lead's '{pin}' falls on it or the day before");
        return $"{TimexResolver.Iso(p)}: " + string.Join("; ", parts) + $" (confidence {confidence.ToString("0.##", CultureInfo.InvariantCulture)})";
    }

    private sealed record Transfer(DayOfWeek Weekday, DateOnly Date, string Surface, string Neighbour, string NeighbourSurface, IReadOnlyList<string> Shared);

    private static List<Transfer> Transfers(string text, Cues cues, List<StoryNeighbour> neighbours)
    {
        var found = new List<Transfer>();
        foreach (var w in cues.PastWeekdays)
        {
            var mine = ContentWords(Sentence(text, w.Span));
            if (mine.Count < SharedWordsForSameEvent) continue;
            Transfer? best = null;
            foreach (var n in neighbours)
            {
                foreach (var t in n.Timexes)
                {
                    if (t.Type is not (TimexType.Date or TimexType.Time) || t.Value.Length < 10
                        || !DateOnly.TryParseExact(t.Value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        || date.DayOfWeek != w.Weekday || date > n.Anchor.Date)
                        continue;
                    var shared = ContentWords(Sentence(n.Text, t.Span)).Intersect(mine, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    if (shared.Count < SharedWordsForSameEvent || (best is not null && best.Shared.Count >= shared.Count)) continue;
                    best = new Transfer(w.Weekday, date, w.Surface, n.Label, t.Span.Of(n.Text), shared);
                }
            }
            if (best is not null) found.Add(best);
        }
        // Two transfers that disagree on one weekday cancel out: the evidence is contradictory.
        return found.GroupBy(t => t.Weekday).Where(g => g.Select(t => t.Date).Distinct().Count() == 1).SelectMany(g => g).ToList();
    }

    private static string Sentence(string text, TextSpan span) =>
        text[TenseCues.SentenceStart(text, span.Start)..TenseCues.SentenceEnd(text, span.End)];

    private static HashSet<string> ContentWords(string sentence)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Word.Matches(sentence))
        {
            var w = m.Value.ToLowerInvariant().Replace('’', '\'');
            if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
            if (w.Length >= 4 && !Stop.Contains(w)) set.Add(w);
        }
        return set;
    }

    private sealed record DatedCue(int? Year, int Month, int Day, DayOfWeek? Weekday, string Surface);

    private sealed record WeekdayCue(DayOfWeek Weekday, int Start, TextSpan Span, string Surface);

    /// <summary>The article's own cues, read once: past dated events, past years, past weekdays.</summary>
    private sealed record Cues(List<DatedCue> Dated, List<int> PastYears, List<WeekdayCue> PastWeekdays)
    {
        public static Cues Read(string text)
        {
            var dated = new List<DatedCue>();
            var years = new List<int>();
            var weekdays = new List<WeekdayCue>();
            foreach (var m in TimexGrammar.Recognize(text))
            {
                if (m.Kind is not (MentionKind.Calendar or MentionKind.Clock)) continue;
                if (TenseCues.Of(text, m.Span) == Tense.Future) continue;
                int? year = m["year"] is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : m["yy"] is { } yy ? 2000 + int.Parse(yy, CultureInfo.InvariantCulture) : null;
                int? month = m["mon"] is { } mon ? TimexResolver.MonthOf(mon) : m["mnum"] is { } mn ? int.Parse(mn, CultureInfo.InvariantCulture) : null;
                int? day = m["day"] is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : null;
                DayOfWeek? wd = m["wd"] is { } w && !w.EndsWith('s') ? TimexResolver.WeekdayOf(w) : null;
                string surface = m.Span.Of(text);
                if (month is { } mo && day is { } da && mo is >= 1 and <= 12)
                    dated.Add(new DatedCue(year, mo, da, wd, surface));
                else if (year is { } only && month is null)
                    years.Add(only);
                else if (wd is { } weekday && month is null && m["rel"] is null or "last" or "Last")
                    weekdays.Add(new WeekdayCue(weekday, m.Span.Start, m.Span, surface));
            }
            return new Cues(dated, years, weekdays);
        }
    }
}
