using System.Globalization;

namespace Parallax.Nlp.Time;

/// <summary>
/// Infers the publication day from cues in the text. Pure and thread-safe.
/// </summary>
internal static class AnchorInference
{
    private const int DatelineWindow = 400;

    public static TemporalAnchor? Infer(string text, DateOnly? hint, DateOnly now) => Infer(text, TimexGrammar.Recognize(text), hint, now);

    /// <summary>As <see cref="Infer(string, DateOnly?, DateOnly)"/>, over the text's already recognised expressions
    /// (<see cref="TimexGrammar.Recognize"/>), so a caller that also tags the text recognises them once.</summary>
    public static TemporalAnchor? Infer(string text, System.Collections.Immutable.ImmutableArray<Mention> mentions, DateOnly? hint, DateOnly now)
    {
        int maxYear = 0;
        foreach (var m in mentions)
        {
            if (m.Kind == MentionKind.Calendar && m["year"] is { } y && int.Parse(y, CultureInfo.InvariantCulture) is var year && year <= now.Year)
                maxYear = Math.Max(maxYear, year);
        }

        // A dateline near the top ("DEBKAfile/July 05/18", "June 14, 2018") is the publication day.
        foreach (var m in mentions)
        {
            if (m.Span.Start > DatelineWindow) break;
            if (m.Kind != MentionKind.Calendar || !m.Has("day") || !(m.Has("year") || m.Has("yy"))) continue;
            int lineStart = text.LastIndexOf('\n', Math.Max(0, m.Span.Start - 1)) + 1;
            int lineEnd = text.IndexOf('\n', m.Span.End);
            if (lineEnd < 0) lineEnd = text.Length;
            if (lineEnd - lineStart > 80) continue;
            if (FullDate(m) is { } d && d <= now)
                return new TemporalAnchor(d, AnchorSource.Inferred, 0.9, $"dateline '{m.Span.Of(text)}'");
        }

        DateOnly? latest = null;
        string because = string.Empty;
        double confidence = 0;
        foreach (var m in mentions)
        {
            if (m.Kind != MentionKind.Calendar || !m.Has("day") || m["mon"] is null && m["mnum"] is null) continue;
            if (TenseCues.Of(text, m.Span) == Tense.Future) continue;
            DateOnly? date = FullDate(m);
            double c = 0.7;
            string why = $"latest dated past event '{m.Span.Of(text)}'";
            if (date is null && m["wd"] is { } wd)
            {
                // A weekday with a month and day fixes the year: the most recent fitting year not after now and not before
                // the latest year the text mentions.
                int month = TimexResolver.MonthOf(m["mon"]!);
                int day = int.Parse(m["day"]!, CultureInfo.InvariantCulture);
                var weekday = TimexResolver.WeekdayOf(wd);
                int floor = maxYear > 0 ? maxYear : now.Year - 40;
                for (int y = now.Year; y >= floor; y--)
                {
                    if (TimexResolver.TryDate(y, month, day, out var d) && d.DayOfWeek == weekday && d <= now)
                    {
                        date = d;
                        break;
                    }
                }
                c = maxYear > 0 ? 0.75 : 0.45;
                why = maxYear > 0
                    ? $"'{m.Span.Of(text)}' falls on that weekday in {date?.Year.ToString(CultureInfo.InvariantCulture) ?? "no year"} (latest year mentioned {maxYear.ToString(CultureInfo.InvariantCulture)})"
                    : $"'{m.Span.Of(text)}' fits {date?.Year.ToString(CultureInfo.InvariantCulture) ?? "no year"}, but other years fit too (uncertain)";
            }
            if (date is { } found && found <= now && (latest is null || found > latest))
            {
                latest = found;
                because = why;
                confidence = c;
            }
        }
        if (latest is { } l)
            return new TemporalAnchor(l, AnchorSource.Inferred, confidence, because + "; publication on or just after it");
        if (hint is { } h)
            return new TemporalAnchor(h, AnchorSource.Inferred, 0.3, "no dated cue in the text: the hint date (uncertain)");
        return null;
    }

    private static DateOnly? FullDate(Mention m)
    {
        int? year = m["year"] is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : m["yy"] is { } yy ? 2000 + int.Parse(yy, CultureInfo.InvariantCulture) : null;
        int? month = m["mon"] is { } mon ? TimexResolver.MonthOf(mon) : m["mnum"] is { } mn ? int.Parse(mn, CultureInfo.InvariantCulture) : null;
        int? day = m["day"] is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : null;
        if (year is null || month is null || day is null) return null;
        return TimexResolver.TryDate(year.Value, month.Value, day.Value, out var date) ? date : null;
    }
}
