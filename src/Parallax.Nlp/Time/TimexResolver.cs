using System.Collections.Immutable;
using System.Globalization;
using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>How finely a resolved date is known; decides how a later "the following …" steps from it.</summary>
internal enum Granularity
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// Turns recognised mentions into TIMEX3 values, in text order. Relative expressions use the anchor; expressions anchored
/// to another ("two days later", "the following week") use the most recent resolved date before them. One instance per
/// document: it carries that reference from one mention to the next. Not thread-safe.
/// </summary>
internal sealed class TimexResolver
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly string _text;
    private readonly TemporalAnchor? _anchor;
    private DateOnly? _ref;
    private Granularity _refGranularity;
    private string? _refId;
    private (int Year, int Quarter, int End)? _lastQuarter;

    public TimexResolver(string text, TemporalAnchor? anchor)
    {
        _text = text;
        _anchor = anchor is { IsUsable: true } ? anchor : null;
    }

    private sealed record Result(TimexType Type, string Value, string? Mod, string Resolution, double Confidence,
        DateOnly? Date = null, Granularity Granularity = Granularity.Day, bool FromReference = false);

    public ImmutableArray<Timex> Resolve(ImmutableArray<Mention> mentions)
    {
        var output = ImmutableArray.CreateBuilder<Timex>(mentions.Length);
        int n = 0;
        foreach (var m in mentions)
        {
            var tense = TenseCues.Of(_text, m.Span);
            var r = Normalize(m, tense);
            if (r is null) continue;
            string id = "t" + (++n).ToString(Inv);
            var role = RoleOf(m.Span, r, tense);
            string? anchorId = r.FromReference ? _refId : null;
            double confidence = _anchor is null && r.Value.Contains('X', StringComparison.Ordinal) ? Math.Min(r.Confidence, 0.4) : r.Confidence;
            output.Add(new Timex(id, m.Span, r.Type, r.Value, r.Mod ?? ApproxMod(m), anchorId, role, r.Resolution, Math.Round(confidence * (_anchor?.Confidence is { } c && c < 1 && !r.Value.StartsWith('P') ? Math.Max(0.5, c) : 1), 3)));
            if (r.Date is null && r.Type == TimexType.Date && r.Value.Contains('X', StringComparison.Ordinal))
            {
                // An unresolved date interrupts the chain: "the following week" after it must not step from an older date.
                _ref = null;
                _refId = null;
            }
            if (r.Date is { } d && r.Type is TimexType.Date or TimexType.Time)
            {
                // A month with a part ("late May") hands on the part's day, so "the following week" steps from late May.
                if (r.Granularity == Granularity.Month && r.Mod is "END" or "MID")
                    d = new DateOnly(d.Year, d.Month, r.Mod == "END" ? DateTime.DaysInMonth(d.Year, d.Month) - 3 : 15);
                _ref = d;
                _refGranularity = r.Granularity;
                _refId = id;
            }
        }
        return output.ToImmutable();
    }

    private TimexRole RoleOf(TextSpan span, Result r, Tense tense)
    {
        if (r.Value == "FUTURE_REF") return TimexRole.ClaimedOrPlanned;
        if (r.Type is TimexType.Date or TimexType.Time && r.Date is { } d && _anchor is not null && d > _anchor.Date && r.Granularity == Granularity.Day)
            return TimexRole.ClaimedOrPlanned;
        if (tense == Tense.Future) return TimexRole.ClaimedOrPlanned;
        if (r.Type is TimexType.Date or TimexType.Time && TenseCues.IsReporting(_text, span)) return TimexRole.Reported;
        return TimexRole.Happened;
    }

    private Result? Normalize(Mention m, Tense tense) => m.Kind switch
    {
        MentionKind.Calendar => Calendar(m, tense),
        MentionKind.Decade => Decade(m),
        MentionKind.Relative => Relative(m),
        MentionKind.Offset => Offset(m),
        MentionKind.Duration => Duration(m),
        MentionKind.Quarter => Quarter(m),
        MentionKind.Season => Season(m),
        MentionKind.Deictic => Deictic(m),
        MentionKind.Clock => Clock(m, tense),
        MentionKind.Set => Set(m),
        MentionKind.Holiday => Holiday(m, tense),
        _ => null,
    };

    private static string? ModOf(Mention m)
    {
        var mod = m["mod"];
        if (mod is null) return m["approx2"] is not null ? "ON_OR_AFTER" : null;
        mod = mod.ToLowerInvariant();
        if (mod.Contains("second half", StringComparison.Ordinal) || mod.Contains("latter", StringComparison.Ordinal)) return "END";
        if (mod.Contains("first half", StringComparison.Ordinal)) return "START";
        if (mod.StartsWith("early", StringComparison.Ordinal) || mod.StartsWith("earlier", StringComparison.Ordinal) || mod.Contains("beginning", StringComparison.Ordinal) || mod.Contains("start", StringComparison.Ordinal)) return "START";
        if (mod.StartsWith("late", StringComparison.Ordinal) || mod.Contains("end", StringComparison.Ordinal)) return "END";
        if (mod.StartsWith("mid", StringComparison.Ordinal) || mod.Contains("middle", StringComparison.Ordinal)) return "MID";
        return null;
    }

    private static string? ApproxMod(Mention m) => m["approx"]?.ToLowerInvariant() switch
    {
        null => null,
        "more than" or "over" or "just over" or "more" => m.Kind == MentionKind.Deictic ? null : "MORE_THAN",
        "less than" or "under" or "just under" or "almost" => "LESS_THAN",
        "at least" or "no less than" => "EQUAL_OR_MORE",
        "at most" or "up to" or "no more than" or "within" => "EQUAL_OR_LESS",
        _ => "APPROX",
    };

    // ---- calendar dates ----

    private Result? Calendar(Mention m, Tense tense)
    {
        int? year = m["year"] is { } y ? int.Parse(y, Inv) : m["yy"] is { } yy ? 2000 + int.Parse(yy, Inv) : null;
        int? month = m["mon"] is { } mon ? MonthOf(mon) : m["mnum"] is { } mn ? int.Parse(mn, Inv) : null;
        int? day = m["day"] is { } dd ? int.Parse(dd, Inv) : null;
        DayOfWeek? wd = m["wd"] is { } w ? WeekdayOf(w) : null;
        string? mod = ModOf(m);
        string? rel = m["rel"]?.ToLowerInvariant();
        if (month is < 1 or > 12) return null;
        if (m["wd"] is { } plural && plural.EndsWith('s') && month is null)
            return new Result(TimexType.Set, "XXXX-WXX-" + IsoDay(wd!.Value).ToString(Inv), null, "recurring weekday", 0.7);

        if (month is null && day is null && wd is null && year is { } onlyYear)
        {
            if (_anchor is not null && onlyYear > _anchor.Date.Year + 30) return null;
            return new Result(TimexType.Date, onlyYear.ToString("D4", Inv), mod, "explicit year", 0.95, new DateOnly(onlyYear, 1, 1), Granularity.Year);
        }

        if (month is null && day is { } endDay && m.Has("rangeend"))
        {
            // The bare end of a day range ("June 12-15", "between June 12 and 15"): month and year of the start.
            if (_ref is not { } start || _refGranularity != Granularity.Day || !TryDate(start.Year, start.Month, endDay, out var end) || end <= start)
                return null;
            return new Result(TimexType.Date, Iso(end), null, "end of a day range: month and year of its start", 0.85, end, Granularity.Day, FromReference: true);
        }

        if (month is { } mo && day is { } d2)
        {
            if (year is { } yr)
            {
                if (!TryDate(yr, mo, d2, out var full)) return null;
                string note = wd is { } w2 && full.DayOfWeek != w2 ? $"explicit date (weekday {w2} does not match)" : "explicit date";
                return new Result(TimexType.Date, Iso(full), mod, note, wd is { } w3 && full.DayOfWeek != w3 ? 0.6 : 0.97, full);
            }
            if (wd is { } w4)
            {
                var fit = YearForWeekday(mo, d2, w4);
                if (fit is { } f) return new Result(TimexType.Date, Iso(f), mod, $"weekday {w4} fixes the year near the anchor", 0.9, f);
            }
            if (_anchor is null) return new Result(TimexType.Date, $"XXXX-{mo:D2}-{d2:D2}", mod, "year unknown: no anchor", 0.5);
            var picked = PickYear(mo, d2, tense, out var why);
            if (picked is null) return null;
            return new Result(TimexType.Date, Iso(picked.Value), mod, why, 0.85, picked.Value);
        }

        if (month is { } mo2 && wd is { } w5)
        {
            // "Tuesday, July" with the day lost: the weekday nearest the anchor inside that month.
            if (_anchor is null) return new Result(TimexType.Date, $"XXXX-{mo2:D2}-XX", mod, "year unknown: no anchor", 0.4);
            var cand = WeekdayNear(w5, tense);
            if (cand.Month == mo2) return new Result(TimexType.Date, Iso(cand), mod, $"weekday {w5} {(cand <= _anchor.Date ? "before" : "after")} the anchor, in the month named", 0.75, cand);
            return new Result(TimexType.Date, $"{_anchor.Date.Year:D4}-{mo2:D2}", mod, "month of the anchor year (weekday did not fit)", 0.5, new DateOnly(_anchor.Date.Year, mo2, 1), Granularity.Month);
        }

        if (month is { } mo3)
        {
            if (year is { } yr3) return new Result(TimexType.Date, $"{yr3:D4}-{mo3:D2}", mod, "explicit month and year", 0.95, new DateOnly(yr3, mo3, 1), Granularity.Month);
            if (_anchor is null) return new Result(TimexType.Date, $"XXXX-{mo3:D2}", mod, "year unknown: no anchor", 0.4);
            int a = _anchor.Date.Year, am = _anchor.Date.Month;
            int resolved;
            string why;
            switch (rel)
            {
                case "last" or "past" or "previous":
                    resolved = mo3 < am ? a : a - 1;
                    why = "the last such month before the anchor";
                    break;
                case "next" or "coming":
                    resolved = mo3 > am ? a : a + 1;
                    why = "the next such month after the anchor";
                    break;
                case "this":
                    resolved = a;
                    why = "month of the anchor year";
                    break;
                default:
                    var p = PickYear(mo3, 15, tense, out why);
                    resolved = p?.Year ?? a;
                    break;
            }
            return new Result(TimexType.Date, $"{resolved:D4}-{mo3:D2}", mod, why, 0.85, new DateOnly(resolved, mo3, 1), Granularity.Month);
        }

        if (wd is { } w6)
        {
            if (_anchor is null) return new Result(TimexType.Date, "XXXX-WXX-" + IsoDay(w6).ToString(Inv), mod, "weekday: no anchor", 0.4);
            DateOnly dt;
            string why;
            switch (rel)
            {
                case "last" or "past" or "previous":
                    dt = Previous(w6, _anchor.Date, strict: true);
                    why = $"{w6} before the anchor ('last')";
                    break;
                case "next" or "coming":
                    dt = Next(w6, _anchor.Date, strict: true);
                    why = $"{w6} after the anchor ('next')";
                    break;
                case "this":
                    dt = _anchor.Date.AddDays(IsoDay(w6) - IsoDay(_anchor.Date.DayOfWeek));
                    why = $"{w6} of the anchor's week";
                    break;
                default:
                    dt = WeekdayNear(w6, tense);
                    why = tense == Tense.Future ? $"{w6} after the anchor (future tense)" : $"{w6} on or before the anchor ({(tense == Tense.Past ? "past tense" : "news default: past")})";
                    break;
            }
            return new Result(TimexType.Date, Iso(dt), mod ?? (m["mod"] is null ? null : "END"), why, 0.85, dt);
        }
        return null;
    }

    private DateOnly WeekdayNear(DayOfWeek wd, Tense tense) =>
        tense == Tense.Future ? Next(wd, _anchor!.Date, strict: false) : Previous(wd, _anchor!.Date, strict: false);

    private DateOnly? YearForWeekday(int month, int day, DayOfWeek wd)
    {
        int center = _anchor?.Date.Year ?? 0;
        if (center == 0) return null;
        for (int delta = 0; delta <= 6; delta++)
        {
            foreach (int y in (int[])[center + delta, center - delta])
            {
                if (TryDate(y, month, day, out var d) && d.DayOfWeek == wd) return d;
            }
        }
        return null;
    }

    /// <summary>
    /// The year for a month/day without one: the occurrence nearest the anchor, with dates on the wrong side of the anchor
    /// for the clause's tense weighed six times as far.
    /// </summary>
    private DateOnly? PickYear(int month, int day, Tense tense, out string why)
    {
        var a = _anchor!.Date;
        DateOnly? best = null;
        double bestCost = double.MaxValue;
        foreach (int y in (int[])[a.Year - 1, a.Year, a.Year + 1])
        {
            if (!TryDate(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)), out var d)) continue;
            double diff = d.DayNumber - a.DayNumber;
            double cost = Math.Abs(diff);
            if ((tense == Tense.Past && diff > 0) || (tense == Tense.Future && diff < 0)) cost *= 6;
            if (cost < bestCost)
            {
                bestCost = cost;
                best = d;
            }
        }
        why = best is { } b
            ? (b.Year == a.Year ? "year of the anchor" : b.Year < a.Year ? "previous year (past tense, later month)" : "next year (future tense, earlier month)")
            : "no year";
        return best;
    }

    private Result Decade(Mention m)
    {
        var dec = m["dec"]!.TrimStart('\'');
        string value = dec.Length == 2 ? "19" + dec[0] : dec[..3];
        return new Result(TimexType.Date, value, ModOf(m), "decade", 0.9, new DateOnly(int.Parse(value + "0", Inv), 1, 1), Granularity.Year);
    }

    // ---- relative units ----

    private Result? Relative(Mention m)
    {
        string unit = m["unit"]!.ToLowerInvariant();
        string rel = m["rel"]?.ToLowerInvariant() ?? "this";
        string? mod = ModOf(m);
        if (m["mod"] is { } raw && raw.Equals("end", StringComparison.OrdinalIgnoreCase)) mod = "END";
        bool anchored = rel is "following" or "same" or "that" or "prior" || (rel is "next" or "previous" && unit == "day");
        if (m["mod"] is { } later && (later.Equals("later", StringComparison.OrdinalIgnoreCase) && rel == "that")) anchored = true;
        DateOnly? baseDate = anchored ? _ref ?? _anchor?.Date : _anchor?.Date;
        if (rel is "recent" or "latest")
            return new Result(TimexType.Date, "PAST_REF", null, "vague past", 0.6);
        if (baseDate is not { } b)
            return new Result(TimexType.Date, unit switch { "year" => "XXXX", "month" => "XXXX-XX", "week" => "XXXX-WXX", _ => "XXXX-XX-XX" }, mod, "no anchor", 0.3);
        int step = rel switch
        {
            "last" or "past" or "previous" or "prior" => -1,
            "next" or "coming" or "following" or "upcoming" => 1,
            _ => 0,
        };
        string from = anchored && _ref is not null ? "the previous expression" : "the anchor";
        string why = $"{rel} {unit} from {from}";
        switch (unit)
        {
            case "day":
                var d = b.AddDays(step);
                return new Result(TimexType.Date, Iso(d), mod, why, 0.8, d, Granularity.Day, anchored && _ref is not null);
            case "week" or "weekend":
                var w = b.AddDays(7 * step);
                string wv = $"{ISOWeek.GetYear(w.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(w.ToDateTime(TimeOnly.MinValue)):D2}" + (unit == "weekend" ? "-WE" : "");
                return new Result(TimexType.Date, wv, mod, why, 0.8, w, Granularity.Week, anchored && _ref is not null);
            case "month":
                var mo = b.AddMonths(step);
                return new Result(TimexType.Date, $"{mo.Year:D4}-{mo.Month:D2}", mod, why, 0.85, new DateOnly(mo.Year, mo.Month, 1), Granularity.Month, anchored && _ref is not null);
            case "year":
                int y = b.Year + step;
                return new Result(TimexType.Date, y.ToString("D4", Inv), mod, why, 0.85, new DateOnly(y, 1, 1), Granularity.Year, anchored && _ref is not null);
            case "decade":
                int dec = (b.Year / 10) + step;
                return new Result(TimexType.Date, dec.ToString(Inv), mod, why, 0.7, new DateOnly(dec * 10, 1, 1), Granularity.Year);
            case "century":
                int c = (b.Year / 100) + step;
                return new Result(TimexType.Date, c.ToString(Inv), mod, why, 0.7, new DateOnly(c * 100, 1, 1), Granularity.Year);
            default:
                return SeasonValue(SeasonCode(unit), rel, b, mod, why);
        }
    }

    private Result SeasonValue(string code, string rel, DateOnly b, string? mod, string why)
    {
        int seasonStartMonth = code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        int y = b.Year;
        var start = new DateOnly(code == "WI" && b.Month < 3 ? y - 1 : y, seasonStartMonth, 1);
        if (rel is "last" or "past" or "previous" && start.AddMonths(3) > b) y--;
        if (rel is "next" or "coming" && start <= b) y++;
        return new Result(TimexType.Date, $"{y:D4}-{code}", mod, why, 0.75, new DateOnly(y, seasonStartMonth, 1), Granularity.Quarter);
    }

    private static string SeasonCode(string season) => season.ToLowerInvariant() switch
    {
        "spring" => "SP",
        "summer" => "SU",
        "fall" or "autumn" => "FA",
        _ => "WI",
    };

    private Result? Season(Mention m)
    {
        string code = SeasonCode(m["season"]!);
        if (m["year"] is { } y) return new Result(TimexType.Date, $"{y}-{code}", ModOf(m), "explicit season and year", 0.9, new DateOnly(int.Parse(y, Inv), 6, 1), Granularity.Quarter);
        if (_anchor is null) return new Result(TimexType.Date, "XXXX-" + code, ModOf(m), "no anchor", 0.3);
        return SeasonValue(code, m["rel"]?.ToLowerInvariant() ?? "this", _anchor.Date, ModOf(m), "season relative to the anchor");
    }

    // ---- offsets and durations ----

    private Result? Offset(Mention m)
    {
        string numText = m["num"]!.ToLowerInvariant();
        string dir = m["dir"]!.ToLowerInvariant();
        string unit = numText == "year" ? "year" : Singular(m["unit"]!);
        double? count = numText == "year" ? 1 : ParseNumber(numText);
        bool adjectival = numText == "year";
        bool fromReference = !adjectival && dir is "later" or "earlier" or "after" or "before" && _ref is not null;
        if (dir is "before" or "after" && _ref is null) return Duration(m);
        var baseDate = fromReference ? _ref : _anchor?.Date;
        int sign = dir is "ago" or "earlier" or "before" ? -1 : 1;
        if (baseDate is not { } b || count is not { } c)
            return new Result(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF", null, "offset without a usable base", 0.4);
        int k = (int)Math.Round(c) * sign;
        string from = fromReference ? "the previous expression" : "the anchor";
        // Financial reports compare a quarter with the same quarter a year before: "a year ago" then means that quarter.
        if (unit == "year" && _lastQuarter is { } q && m.Span.Start - q.End < 400)
            return new Result(TimexType.Date, $"{q.Year + k:D4}-Q{q.Quarter}", null, "the quarter just mentioned, a year earlier", 0.7, new DateOnly(q.Year + k, (q.Quarter * 3) - 2, 1), Granularity.Quarter);
        switch (unit)
        {
            case "day":
                var d = b.AddDays(k);
                return new Result(TimexType.Date, Iso(d), null, $"{c} day(s) {dir} {from}", 0.85, d, Granularity.Day, fromReference);
            case "week" or "fortnight":
                var w = b.AddDays(7 * k * (unit == "fortnight" ? 2 : 1));
                if (Math.Abs(k) == 1 && unit == "week") return new Result(TimexType.Date, Iso(w), null, $"a week {dir} {from}", 0.7, w, Granularity.Day, fromReference);
                return new Result(TimexType.Date, $"{ISOWeek.GetYear(w.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(w.ToDateTime(TimeOnly.MinValue)):D2}", null, $"{c} week(s) {dir} {from}", 0.75, w, Granularity.Week, fromReference);
            case "month":
                var mo = b.AddMonths(k);
                return new Result(TimexType.Date, $"{mo.Year:D4}-{mo.Month:D2}", null, $"{c} month(s) {dir} {from}", 0.8, mo, Granularity.Month, fromReference);
            case "year":
                int y = b.Year + k;
                return new Result(TimexType.Date, y.ToString("D4", Inv), null, $"{c} year(s) {dir} {from}", 0.8, new DateOnly(y, 1, 1), Granularity.Year, fromReference);
            case "decade":
                int dy = b.Year + (10 * k);
                return new Result(TimexType.Date, dy.ToString("D4", Inv)[..3], null, $"{c} decade(s) {dir} {from}", 0.6, new DateOnly(dy, 1, 1), Granularity.Year, fromReference);
            case "hour" or "minute" or "second":
                return new Result(TimexType.Time, Iso(b), null, $"{c} {unit}(s) {dir} {from}: same day assumed", 0.5, b, Granularity.Day, fromReference);
            default:
                return new Result(TimexType.Date, sign < 0 ? "PAST_REF" : "FUTURE_REF", null, $"{unit} offset", 0.4);
        }
    }

    private Result? Duration(Mention m)
    {
        if (m["bare"] is { } bare)
        {
            string rel = m["rel"]?.ToLowerInvariant() ?? string.Empty;
            if (rel == "recent") return new Result(TimexType.Date, "PAST_REF", null, "vague recent past", 0.7);
            if (rel is "coming" or "next") return new Result(TimexType.Date, "FUTURE_REF", null, "vague near future", 0.6);
            return new Result(TimexType.Duration, "P" + (UnitCode(Singular(bare)) is var (t, code) ? (t ? "TX" : "X") + code : "X"), null, "unspecified number of " + bare, 0.6);
        }
        string numText = m["num"]!.ToLowerInvariant();
        string unit = Singular(m["unit"]!);
        double? n = numText == "half" ? 0.5 : ParseNumber(numText);
        bool half = m.Has("half");
        string? mod = numText.Contains("couple", StringComparison.Ordinal) ? "APPROX" : null;
        if (n is { } v && half) v += 0.5;
        else if (n is null) v = double.NaN;
        else v = n.Value;
        return new Result(TimexType.Duration, DurationValue(v, unit), mod, "length of time", 0.85);
    }

    internal static string DurationValue(double n, string unit)
    {
        if (unit == "decade") { n *= 10; unit = "year"; }
        if (unit == "century") { n *= 100; unit = "year"; }
        if (unit == "fortnight") { n *= 2; unit = "week"; }
        if (unit == "weekend") return double.IsNaN(n) ? "PXWE" : "P" + Fmt(n) + "WE";
        var (time, code) = UnitCode(unit);
        if (double.IsNaN(n)) return "P" + (time ? "T" : string.Empty) + "X" + code;
        if (n != Math.Floor(n))
        {
            // A fractional count is written with the next smaller unit: 1.5 hours is PT1H30M.
            double whole = Math.Floor(n), rest = n - whole;
            string? sub = unit switch
            {
                "hour" => Fmt(rest * 60) + "M",
                "minute" => Fmt(rest * 60) + "S",
                "day" => "T" + Fmt(rest * 24) + "H",
                "year" => Fmt(rest * 12) + "M",
                "month" => Fmt(rest * 30) + "D",
                "week" => Fmt(rest * 7) + "D",
                _ => null,
            };
            if (sub is not null)
                return "P" + (time ? "T" : string.Empty) + (whole > 0 ? Fmt(whole) + code : string.Empty) + sub;
        }
        return "P" + (time ? "T" : string.Empty) + Fmt(n) + code;
    }

    private static (bool Time, string Code) UnitCode(string unit) => unit switch
    {
        "second" => (true, "S"),
        "minute" => (true, "M"),
        "hour" => (true, "H"),
        "day" => (false, "D"),
        "week" => (false, "W"),
        "month" => (false, "M"),
        "quarter" => (false, "Q"),
        "decade" => (false, "DE"),
        "century" => (false, "CE"),
        _ => (false, "Y"),
    };

    private static string Fmt(double v) => Math.Round(v, 2).ToString("0.##", Inv);

    // ---- quarters ----

    private Result? Quarter(Mention m)
    {
        bool half = m["qunit"]!.Equals("half", StringComparison.OrdinalIgnoreCase);
        int? ord = m["ord"]?.ToLowerInvariant() switch
        {
            "first" or "1st" => 1,
            "second" or "2nd" => 2,
            "third" or "3rd" => 3,
            "fourth" or "4th" => 4,
            _ => null,
        };
        string rel = m["rel"]?.ToLowerInvariant() ?? string.Empty;
        string letter = half ? "H" : "Q";
        int perYear = half ? 2 : 4;
        if (ord > perYear) return null;
        if (_anchor is null) return new Result(TimexType.Date, $"XXXX-{letter}{ord?.ToString(Inv) ?? "X"}", null, "no anchor", 0.3);
        var a = _anchor.Date;
        int current = half ? (a.Month <= 6 ? 1 : 2) : ((a.Month - 1) / 3) + 1;
        int year = m["year"] is { } y ? int.Parse(y, Inv) : a.Year;
        int q;
        string why;
        if (m["yrel"] is { } yrel)
        {
            // "last year's third quarter": the year is relative to the anchor, the quarter named or the one under discussion.
            year = a.Year + (yrel.ToLowerInvariant() switch { "last" or "previous" => -1, "next" => 1, _ => 0 });
        }
        if ((m.Has("yrel") || m.Has("year")) && ord is null && !half)
        {
            q = _lastQuarter?.Quarter ?? (current == 1 ? 4 : current - 1);
            why = _lastQuarter is null ? "the year named, its most recent completed quarter" : "the year named, the quarter under discussion";
            _lastQuarter = (year, q, m.Span.End);
            return new Result(TimexType.Date, $"{year:D4}-Q{q}", null, why, 0.7, new DateOnly(year, ((q - 1) * 3) + 1, 1), Granularity.Quarter);
        }
        if (m.Has("yrel") && ord is { } named)
        {
            q = named;
            if (!half) _lastQuarter = (year, q, m.Span.End);
            return new Result(TimexType.Date, $"{year:D4}-{letter}{q}", null, "named quarter of the year named", 0.85, new DateOnly(year, ((q - 1) * (half ? 6 : 3)) + 1, 1), Granularity.Quarter);
        }
        if (ord is { } o)
        {
            q = o;
            if (m["year"] is null && q > current && rel is not ("next" or "coming")) year--;
            why = m["year"] is null ? "named quarter, latest one not after the anchor" : "named quarter and year";
        }
        else
        {
            // "the quarter", "the latest quarter": the last completed one; "this quarter"/"current": the running one.
            q = rel is "current" ? current : current - 1;
            if (rel is "next" or "coming") q = current + 1;
            if (q < 1) { q += perYear; year--; }
            if (q > perYear) { q -= perYear; year++; }
            why = "the most recent completed quarter before the anchor";
        }
        if (rel is "year-earlier" or "year-ago") { year--; why = "the same quarter a year earlier"; }
        if (!half) _lastQuarter = (year, q, m.Span.End);
        return new Result(TimexType.Date, $"{year:D4}-{letter}{q}", null, why, 0.8, new DateOnly(year, ((q - 1) * (half ? 6 : 3)) + 1, 1), Granularity.Quarter);
    }

    // ---- deictic words, clock times, sets, holidays ----

    private Result? Deictic(Mention m)
    {
        string w = m["word"]!.ToLowerInvariant();
        switch (w)
        {
            case "now" or "currently" or "current" or "nowadays" or "the present" or "these days" or "at present" or "presently" or "for now" or "right now":
                return new Result(TimexType.Date, "PRESENT_REF", null, "the present", 0.9);
            case "recently" or "recent" or "the past" or "previously" or "lately":
                return new Result(TimexType.Date, "PAST_REF", null, "vague past", 0.85);
            case "the future" or "soon" or "shortly":
                return new Result(TimexType.Date, "FUTURE_REF", null, "vague future", 0.85);
        }
        if (_anchor is null) return new Result(TimexType.Date, "XXXX-XX-XX", null, w + ": no anchor", 0.3);
        int shift = w switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
        var d = _anchor.Date.AddDays(shift);
        return new Result(TimexType.Date, Iso(d), w.StartsWith("earlier", StringComparison.Ordinal) ? "START" : w.StartsWith("later", StringComparison.Ordinal) ? "END" : null,
            $"'{w}' from the anchor", 0.95, d);
    }

    private Result? Clock(Mention m, Tense tense)
    {
        DateOnly? day = null;
        string why = "clock time on the anchor day";
        if (m["wd"] is { } wd && _anchor is not null)
        {
            day = WeekdayNear(WeekdayOf(wd), tense);
            why = $"clock time on {wd}";
        }
        else if (m["rel"] is { } rel && _anchor is not null)
        {
            day = _anchor.Date.AddDays(rel.ToLowerInvariant() switch { "yesterday" or "last" => -1, "tomorrow" => 1, _ => 0 });
            why = $"part of the day, {rel}";
        }
        else if (_anchor is not null)
        {
            day = _ref is { } r && _refGranularity == Granularity.Day ? r : _anchor.Date;
        }
        string datePart = day is { } dd ? Iso(dd) : "XXXX-XX-XX";
        if (m["pod"] is { } pod)
        {
            string code = pod.ToLowerInvariant() switch
            {
                "morning" => "MO",
                "afternoon" => "AF",
                "evening" => "EV",
                _ => "NI",
            };
            if (m["rel"]?.Equals("last", StringComparison.OrdinalIgnoreCase) == true && code != "NI") return null;
            if (m["wd"] is { } plural && plural.EndsWith('s')) return new Result(TimexType.Set, $"XXXX-WXX-{IsoDay(WeekdayOf(plural))}T{code}", null, "recurring part of a weekday", 0.7);
            return new Result(TimexType.Time, $"{datePart}T{code}", ModOf(m), why, 0.8, day);
        }
        if (m["word"] is { } word)
        {
            string hh = word.ToLowerInvariant() == "midnight" ? "24:00" : "12:00";
            return new Result(TimexType.Time, $"{datePart}T{hh}", null, why, 0.8, day);
        }
        int hour = int.Parse(m["hour"]!, Inv);
        int minute = m["min"] is { } mi ? int.Parse(mi, Inv) : 0;
        bool pm = m["ampm"]!.StartsWith('p') || m["ampm"]!.StartsWith('P');
        if (hour > 12) return null;
        if (pm && hour < 12) hour += 12;
        if (!pm && hour == 12) hour = 0;
        return new Result(TimexType.Time, $"{datePart}T{hour:D2}:{minute:D2}", null, why, 0.85, day);
    }

    private static Result? Set(Mention m)
    {
        if (m["word"] is { } w)
        {
            string v = w.ToLowerInvariant() switch
            {
                "daily" or "nightly" => "P1D",
                "weekly" => "P1W",
                "biweekly" => "P2W",
                "monthly" => "P1M",
                "quarterly" => "P1Q",
                "hourly" => "PT1H",
                "semiannually" => "P6M",
                _ => "P1Y",
            };
            return new Result(TimexType.Set, v, null, "recurrence word", 0.85);
        }
        if (m["wd"] is { } wd) return new Result(TimexType.Set, "XXXX-WXX-" + IsoDay(WeekdayOf(wd)).ToString(Inv), null, "every weekday", 0.85);
        if (m["mon"] is { } mon) return new Result(TimexType.Set, $"XXXX-{MonthOf(mon):D2}", null, "every month named", 0.85);
        if (m["pod"] is { } pod) return new Result(TimexType.Set, "TXX", null, "every " + pod, 0.6);
        string unit = Singular(m["unit"]!);
        double n = m["num"] is { } num ? (num.Equals("other", StringComparison.OrdinalIgnoreCase) ? 2 : ParseNumber(num.ToLowerInvariant()) ?? 1) : 1;
        return new Result(TimexType.Set, DurationValue(n, unit), null, "recurrence", 0.85);
    }

    private Result? Holiday(Mention m, Tense tense)
    {
        string h = m["holiday"]!.ToLowerInvariant();
        if (_anchor is null) return new Result(TimexType.Date, "XXXX-XX-XX", null, "holiday: no anchor", 0.3);
        Func<int, DateOnly> of = h switch
        {
            _ when h.StartsWith("christmas eve", StringComparison.Ordinal) => y => new DateOnly(y, 12, 24),
            _ when h.StartsWith("christmas", StringComparison.Ordinal) => y => new DateOnly(y, 12, 25),
            _ when h.StartsWith("new year", StringComparison.Ordinal) && h.EndsWith("eve", StringComparison.Ordinal) => y => new DateOnly(y, 12, 31),
            _ when h.StartsWith("new year", StringComparison.Ordinal) => y => new DateOnly(y, 1, 1),
            _ when h.StartsWith("thanksgiving", StringComparison.Ordinal) => y => Next(DayOfWeek.Thursday, new DateOnly(y, 10, 31), strict: true).AddDays(21),
            _ when h.StartsWith("independence", StringComparison.Ordinal) => y => new DateOnly(y, 7, 4),
            _ when h.StartsWith("valentine", StringComparison.Ordinal) => y => new DateOnly(y, 2, 14),
            _ => y => new DateOnly(y, 10, 31),
        };
        var a = _anchor.Date;
        var best = new[] { a.Year - 1, a.Year, a.Year + 1 }.Select(of)
            .OrderBy(d => Math.Abs(d.DayNumber - a.DayNumber) * ((tense == Tense.Past && d > a) || (tense == Tense.Future && d < a) ? 6 : 1)).First();
        return new Result(TimexType.Date, Iso(best), null, "holiday nearest the anchor", 0.8, best);
    }

    // ---- helpers ----

    internal static int MonthOf(string mon) => mon.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    internal static DayOfWeek WeekdayOf(string wd) => wd.ToLowerInvariant()[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    internal static DateOnly Previous(DayOfWeek wd, DateOnly from, bool strict)
    {
        int back = ((int)from.DayOfWeek - (int)wd + 7) % 7;
        if (back == 0 && strict) back = 7;
        return from.AddDays(-back);
    }

    internal static DateOnly Next(DayOfWeek wd, DateOnly from, bool strict)
    {
        int ahead = ((int)wd - (int)from.DayOfWeek + 7) % 7;
        if (ahead == 0 && strict) ahead = 7;
        return from.AddDays(ahead);
    }

    internal static bool TryDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string Singular(string unit)
    {
        var u = unit.ToLowerInvariant();
        if (u.StartsWith("centur", StringComparison.Ordinal)) return "century";
        return u.EndsWith('s') ? u[..^1] : u;
    }

    internal static double? ParseNumber(string text)
    {
        if (text.EndsWith("1/2", StringComparison.Ordinal) && double.TryParse(text.AsSpan(0, text.Length - 3).Trim(), NumberStyles.Integer, Inv, out var whole))
            return whole + 0.5;
        if (double.TryParse(text, NumberStyles.Float, Inv, out var v)) return v;
        var parts = text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && Word(parts[0]) is { } tens && Word(parts[1]) is { } ones && tens >= 20) return tens + ones;
        if (text is "a couple of" or "couple of" or "a couple") return 2;
        if (text is "a hundred") return 100;
        if (text is "a thousand") return 1000;
        if (text is "a dozen") return 12;
        return Word(text);
    }

    private static double? Word(string w) => w switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" or "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => null,
    };
}
