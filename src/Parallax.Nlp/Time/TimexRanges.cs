using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>
/// Finds ranges between two resolved expressions of the same granularity (days, months or years): "June 12-15",
/// "between June 12 and 15", "from May to July", "from 2011 to 2015", "May–July 2018". "and" needs a "between" before the
/// start and "to"/"until"/"through" a "from" (or a bare end day), so lists ("in May and July") stay two dates.
/// Pure and thread-safe.
/// </summary>
internal static class TimexRanges
{
    private static readonly Regex Between = new(@"^\s*(?<sep>-|–|—|to|and|through|until|till)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex Opener = new(@"\b(?<open>between|from)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex DayValue = new(@"^\d{4}-\d\d-\d\d$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex MonthValue = new(@"^\d{4}-\d\d$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex YearValue = new(@"^\d{4}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static ImmutableArray<TimexRange> Find(string text, ImmutableArray<Timex> timexes)
    {
        var ranges = ImmutableArray.CreateBuilder<TimexRange>();
        for (int i = 0; i + 1 < timexes.Length; i++)
        {
            var a = timexes[i];
            var b = timexes[i + 1];
            if (a.Type != TimexType.Date || b.Type != TimexType.Date || b.Span.Start < a.Span.End) continue;
            var gap = Between.Match(text[a.Span.End..b.Span.Start]);
            if (!gap.Success) continue;
            string sep = gap.Groups["sep"].Value.ToLowerInvariant();
            int lookFrom = Math.Max(0, a.Span.Start - 16);
            var opener = Opener.Match(text[lookFrom..a.Span.Start]);
            string open = opener.Success ? opener.Groups["open"].Value.ToLowerInvariant() : string.Empty;
            bool bareEnd = b.Span.Length <= 4 && char.IsDigit(text[b.Span.Start]);
            bool ok = sep switch
            {
                "and" => open == "between",
                "-" or "–" or "—" => true,
                _ => open == "from" || bareEnd,
            };
            if (!ok || Duration(a.Value, b.Value) is not { } duration) continue;
            int start = opener.Success ? lookFrom + opener.Index : a.Span.Start;
            ranges.Add(new TimexRange("r" + (ranges.Count + 1).ToString(CultureInfo.InvariantCulture), a.Id, b.Id, new TextSpan(start, b.Span.End), duration));
            i++;
        }
        return ranges.ToImmutable();
    }

    private static string? Duration(string begin, string end)
    {
        if (DayValue.IsMatch(begin) && DayValue.IsMatch(end))
        {
            var a = DateOnly.ParseExact(begin, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var b = DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            int days = b.DayNumber - a.DayNumber + 1;
            return days is > 1 and <= 366 ? "P" + days.ToString(CultureInfo.InvariantCulture) + "D" : null;
        }
        if (MonthValue.IsMatch(begin) && MonthValue.IsMatch(end))
        {
            int a = (int.Parse(begin[..4], CultureInfo.InvariantCulture) * 12) + int.Parse(begin[5..], CultureInfo.InvariantCulture);
            int b = (int.Parse(end[..4], CultureInfo.InvariantCulture) * 12) + int.Parse(end[5..], CultureInfo.InvariantCulture);
            int months = b - a + 1;
            return months is > 1 and <= 120 ? "P" + months.ToString(CultureInfo.InvariantCulture) + "M" : null;
        }
        if (YearValue.IsMatch(begin) && YearValue.IsMatch(end))
        {
            int years = int.Parse(end, CultureInfo.InvariantCulture) - int.Parse(begin, CultureInfo.InvariantCulture) + 1;
            return years is > 1 and <= 200 ? "P" + years.ToString(CultureInfo.InvariantCulture) + "Y" : null;
        }
        return null;
    }
}
