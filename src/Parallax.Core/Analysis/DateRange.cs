using System.Globalization;

namespace Parallax.Core.Analysis;

/// <summary>An inclusive range of days an event can have happened on, read from a TimeML value.</summary>
internal readonly record struct DateRange(DateOnly First, DateOnly Last)
{
    /// <summary>A single known day.</summary>
    public bool IsDay => First == Last;

    public bool Overlaps(DateRange other) => First <= other.Last && other.First <= Last;

    public DateRange Intersect(DateRange other) => new(First > other.First ? First : other.First, Last < other.Last ? Last : other.Last);

    /// <summary>
    /// Reads "2018-05-31", "2018-05", "2018", "2018-W22", and values with an unknown year ("XXXX-07-16", filled from
    /// <paramref name="year"/>). Null for references ("PRESENT_REF"), durations and anything else.
    /// </summary>
    public static DateRange? Parse(string? value, int? year = null)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (value.StartsWith("XXXX", StringComparison.Ordinal))
        {
            if (year is null) return null;
            value = year.Value.ToString("0000", CultureInfo.InvariantCulture) + value[4..];
        }
        var inv = CultureInfo.InvariantCulture;
        if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
            return new DateRange(day, day);
        if (value.Length >= 8 && value[4] == '-' && value[5] == 'W'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out int wy) && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, inv, out int week)
            && week is >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, Math.Min(week, ISOWeek.GetWeeksInYear(wy)), DayOfWeek.Monday));
            return new DateRange(monday, monday.AddDays(6));
        }
        if (value.Length >= 7 && value[4] == '-'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out int y) && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out int m)
            && m is >= 1 and <= 12)
        {
            var first = new DateOnly(y, m, 1);
            return new DateRange(first, first.AddMonths(1).AddDays(-1));
        }
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, inv, out int only) && only >= 1)
            return new DateRange(new DateOnly(only, 1, 1), new DateOnly(only, 12, 31));
        return null;
    }

    /// <summary>How precise a TimeML value is (day 3, week or month 2, year 1, unknown 0), to pick the best of several.</summary>
    public static int Precision(string? value) => Parse(value, 2000) switch
    {
        null => 0,
        { IsDay: true } => 3,
        { } r when r.Last.DayNumber - r.First.DayNumber <= 31 => 2,
        _ => 1,
    };
}
