using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Nlp.Time;
using Parallax.Text;

namespace Parallax.Reporting.Sections;

/// <summary>How fine a calendar period is, coarsest first.</summary>
internal enum PeriodPrecision
{
    Century,
    Decade,
    Year,
    Half,
    Season,
    Quarter,
    Month,
    Week,
    Day,
}

/// <summary>
/// A TimeML date value read as a stretch of the calendar: its group key (the date part of the value), first and last
/// day, precision, a reader's label, and what the value adds within the day (a clock time or part of the day).
/// </summary>
internal sealed record CalendarPeriod(string Key, DateOnly Start, DateOnly End, PeriodPrecision Precision, string Label, string? TimeOfDay)
{
    /// <summary>Periods in timeline order: by first day, the longer period first (a month before its days), then key.</summary>
    public static readonly IComparer<CalendarPeriod> TimelineOrder = Comparer<CalendarPeriod>.Create((a, b) =>
    {
        int c = a.Start.CompareTo(b.Start);
        if (c == 0) c = b.End.CompareTo(a.End);
        return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    });

    /// <summary>The value as an HTML &lt;time datetime&gt; string, when HTML has a syntax for its precision.</summary>
    public string? MachineValue =>
        Precision is PeriodPrecision.Day or PeriodPrecision.Month or PeriodPrecision.Year || (Precision == PeriodPrecision.Week && Key.Length == 8) ? Key : null;
}

/// <summary>Reads timex values and anchors into the words the timeline and the date tooltips show.</summary>
internal static class TimelineValues
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The calendar period of a resolved TimeML date or time value (2018-06-13, 2018-06-13TEV, 2018-06-13T22:00, 2018-06,
    /// 2018-W24, 2018-W24-WE, 2018-Q3, 2018-H1, 2018-SU, 2018, 199, 19), or null for durations, sets, vague references
    /// (PRESENT_REF) and values with unknown parts (XXXX-06-12).
    /// </summary>
    public static CalendarPeriod? Period(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('X', StringComparison.Ordinal) || !char.IsAsciiDigit(value[0])) return null;
        int t = value.IndexOf('T', StringComparison.Ordinal);
        string date = t < 0 ? value : value[..t];
        string? time = t < 0 ? null : TimeOfDay(value[(t + 1)..]);
        if (t >= 0 && time is null) return null;
        var parts = date.Split('-');
        if (!AllDigits(parts[0])) return null;
        int year = int.Parse(parts[0], Inv);
        switch (parts.Length)
        {
            case 1 when parts[0].Length == 4:
                return Make(date, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodPrecision.Year, parts[0], time);
            case 1 when parts[0].Length == 3 && year > 0:
                return Make(date, new DateOnly(year * 10, 1, 1), new DateOnly((year * 10) + 9, 12, 31), PeriodPrecision.Decade, $"the {year * 10}s", time);
            case 1 when parts[0].Length == 2 && year > 0:
                return Make(date, new DateOnly(year * 100, 1, 1), new DateOnly((year * 100) + 99, 12, 31), PeriodPrecision.Century, $"the {year * 100}s", time);
            case 1:
                return null;
        }
        if (parts[0].Length != 4 || year < 1) return null;
        string second = parts[1];
        if (parts.Length >= 2 && second.Length == 3 && second[0] == 'W' && AllDigits(second[1..]))
        {
            int week = int.Parse(second[1..], Inv);
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year)) return null;
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            bool weekend = parts.Length == 3 && string.Equals(parts[2], "WE", StringComparison.Ordinal);
            if (parts.Length > 2 && !weekend) return null;
            return weekend
                ? Make(date, monday.AddDays(5), monday.AddDays(6), PeriodPrecision.Week, $"the weekend of {Day(monday.AddDays(5))}", time)
                : Make(date, monday, monday.AddDays(6), PeriodPrecision.Week, $"week {week} of {year} (from {Day(monday)})", time);
        }
        if (parts.Length == 2 && second.Length == 2 && second[0] is 'Q' or 'H' && second[1] is >= '1' and <= '4')
        {
            int n = second[1] - '0';
            if (second[0] == 'Q')
            {
                var qs = new DateOnly(year, ((n - 1) * 3) + 1, 1);
                return Make(date, qs, qs.AddMonths(3).AddDays(-1), PeriodPrecision.Quarter, $"Q{n} {year}", time);
            }
            if (n > 2) return null;
            var hs = new DateOnly(year, n == 1 ? 1 : 7, 1);
            return Make(date, hs, hs.AddMonths(6).AddDays(-1), PeriodPrecision.Half, $"{(n == 1 ? "first" : "second")} half of {year}", time);
        }
        if (parts.Length == 2 && second is "SP" or "SU" or "FA" or "WI")
        {
            // Seasons as the resolver dates them (meteorological, winter starting in December of the year named).
            var (month, name) = second switch { "SP" => (3, "spring"), "SU" => (6, "summer"), "FA" => (9, "autumn"), _ => (12, "winter") };
            var ss = new DateOnly(year, month, 1);
            return Make(date, ss, ss.AddMonths(3).AddDays(-1), PeriodPrecision.Season, $"{name} {year}", time);
        }
        if (second.Length != 2 || !AllDigits(second)) return null;
        int mo = int.Parse(second, Inv);
        if (mo is < 1 or > 12) return null;
        if (parts.Length == 2)
        {
            var ms = new DateOnly(year, mo, 1);
            return Make(date, ms, ms.AddMonths(1).AddDays(-1), PeriodPrecision.Month, ms.ToString("MMMM yyyy", Inv), time);
        }
        if (parts.Length != 3 || parts[2].Length != 2 || !AllDigits(parts[2])) return null;
        int d = int.Parse(parts[2], Inv);
        if (d < 1 || d > DateTime.DaysInMonth(year, mo)) return null;
        var day = new DateOnly(year, mo, d);
        return Make(date, day, day, PeriodPrecision.Day, Day(day), time);
    }

    /// <summary>"Wednesday 13 June 2018".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", Inv);

    /// <summary>The expressions that belong on a timeline: dates and times whose value is a calendar period.</summary>
    public static bool IsDated(Timex timex) =>
        timex.Type is TimexType.Date or TimexType.Time && Period(timex.Value) is not null;

    public static string RoleLabel(TimexRole role) => role switch
    {
        TimexRole.Happened => "happened",
        TimexRole.Reported => "reported",
        _ => "claimed or planned",
    };

    public static string RoleClass(TimexRole role) => role switch
    {
        TimexRole.Happened => "happened",
        TimexRole.Reported => "reported",
        _ => "planned",
    };

    public static string TypeLabel(TimexType type) => type switch
    {
        TimexType.Date => "date",
        TimexType.Time => "time",
        TimexType.Duration => "duration",
        _ => "set",
    };

    /// <summary>A TimeML mod in words ("END" → "late"); null when there is none.</summary>
    public static string? ModifierLabel(string? modifier) => modifier switch
    {
        null or "" => null,
        "START" => "early",
        "MID" => "mid",
        "END" => "late",
        "APPROX" => "about",
        "LESS_THAN" => "less than",
        "MORE_THAN" => "more than",
        "EQUAL_OR_LESS" => "at most",
        "EQUAL_OR_MORE" => "at least",
        "BEFORE" => "before",
        "AFTER" => "after",
        "ON_OR_BEFORE" => "on or before",
        "ON_OR_AFTER" => "on or after",
        _ => modifier.Replace('_', ' ').ToLowerInvariant(),
    };

    /// <summary>How the anchor was obtained, in one line: known, inferred with its confidence, or unknown.</summary>
    public static string Anchor(TemporalAnchor anchor) => anchor.Source switch
    {
        AnchorSource.Known => $"{Iso(anchor.Date)}, known ({anchor.Explanation})",
        AnchorSource.Inferred => $"{Iso(anchor.Date)}, inferred with confidence {ReportText.Number(anchor.Confidence)}"
            + (anchor.Confidence < PublicationDate.UncertainBelow ? " (uncertain)" : string.Empty) + $": {anchor.Explanation}",
        _ => $"unknown ({anchor.Explanation}); relative dates left unresolved",
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    /// <summary>
    /// The sentence around a span, folded to one line and cut to about <paramref name="maxLength"/> characters around
    /// the span (with "…" where cut), split into the text before it, the span's text, and the text after it.
    /// Uses the sentence layer when given; otherwise the clause between sentence-ending punctuation or line breaks.
    /// </summary>
    public static (string Before, string Match, string After) Excerpt(string text, TextSpan span, ImmutableArray<TextSpan> sentences, int maxLength)
    {
        int start = Math.Min(span.Start, text.Length), end = Math.Clamp(span.End, start, text.Length);
        int from = -1, to = -1;
        if (!sentences.IsDefaultOrEmpty)
        {
            foreach (var s in sentences)
            {
                if (s.Start <= start && s.End >= end && s.End <= text.Length)
                {
                    from = s.Start;
                    to = s.End;
                    break;
                }
            }
        }
        if (from < 0)
        {
            from = start;
            while (from > 0 && !EndsSentence(text, from - 1)) from--;
            to = end;
            while (to < text.Length && !EndsSentence(text, to)) to++;
            if (to < text.Length && text[to] != '\n') to++;
        }
        string match = Fold(text[start..end]);
        string before = Fold(text[from..start]), after = Fold(text[end..to]);
        if (before.Length > 0 && char.IsWhiteSpace(text[start - 1])) before = before.TrimEnd() + " ";
        if (after.Length > 0 && end < text.Length && char.IsWhiteSpace(text[end])) after = " " + after.TrimStart();
        before = before.TrimStart();
        after = after.TrimEnd();
        int budget = Math.Max(0, maxLength - match.Length);
        if (before.Length + after.Length > budget)
        {
            int keepBefore = Math.Min(before.Length, Math.Max(budget / 2, budget - after.Length));
            int keepAfter = Math.Min(after.Length, budget - keepBefore);
            if (keepBefore < before.Length) before = "…" + CutStart(before, keepBefore);
            if (keepAfter < after.Length) after = CutEnd(after, keepAfter) + "…";
        }
        return (before, match, after);
    }

    private static CalendarPeriod Make(string key, DateOnly start, DateOnly end, PeriodPrecision precision, string label, string? time) =>
        new(key, start, end, precision, label, time);

    private static string? TimeOfDay(string time)
    {
        switch (time)
        {
            case "MO": return "morning";
            case "AF": return "afternoon";
            case "EV": return "evening";
            case "NI": return "night";
            case "DT": return "daytime";
        }
        if (time.Length == 2 && AllDigits(time)) return time + ":00";
        if (time.Length >= 5 && AllDigits(time[..2]) && time[2] == ':' && AllDigits(time[3..5])) return time[..5];
        return null;
    }

    private static bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool EndsSentence(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));

    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        if (space && sb.Length > 0) sb.Append(' ');
        return sb.ToString();
    }

    /// <summary>The last <paramref name="keep"/> characters or fewer, starting at a word boundary.</summary>
    private static string CutStart(string s, int keep)
    {
        int at = s.Length - keep;
        int space = s.IndexOf(' ', at);
        if (space >= 0 && space < s.Length - 1) at = space + 1;
        if (at > 0 && at < s.Length && char.IsLowSurrogate(s[at])) at++;
        return s[at..];
    }

    /// <summary>The first <paramref name="keep"/> characters or fewer, ending at a word boundary.</summary>
    private static string CutEnd(string s, int keep)
    {
        int at = keep;
        int space = s.LastIndexOf(' ', Math.Max(0, Math.Min(at, s.Length - 1)));
        if (space > 0) at = space;
        if (at > 0 && at < s.Length && char.IsLowSurrogate(s[at])) at--;
        return s[..at].TrimEnd();
    }
}
