using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Text;

namespace Parallax.Nlp.Time;

/// <summary>The shape of a recognised expression, which decides how it is normalised.</summary>
internal enum MentionKind
{
    /// <summary>Calendar fields (year, month, day, weekday), some of them missing.</summary>
    Calendar,
    /// <summary>A decade ("the 1990s").</summary>
    Decade,
    /// <summary>A unit relative to now or to the previous expression ("last week", "the following day").</summary>
    Relative,
    /// <summary>A counted offset ("two days later", "a year ago").</summary>
    Offset,
    /// <summary>A length of time.</summary>
    Duration,
    /// <summary>A quarter or half year.</summary>
    Quarter,
    /// <summary>A season.</summary>
    Season,
    /// <summary>A single deictic word ("yesterday", "now", "recently").</summary>
    Deictic,
    /// <summary>A clock time or a part of a day.</summary>
    Clock,
    /// <summary>A recurrence.</summary>
    Set,
    /// <summary>A holiday.</summary>
    Holiday,
}

/// <summary>A recognised expression before normalisation: its span and the fields its pattern captured.</summary>
internal sealed record Mention(TextSpan Span, MentionKind Kind, ImmutableDictionary<string, string> Fields, int Priority)
{
    public string? this[string name] => Fields.GetValueOrDefault(name);

    public bool Has(string name) => Fields.ContainsKey(name);
}

/// <summary>
/// Recognises temporal expressions with a fixed list of compiled patterns. Each pattern captures named fields; overlapping
/// matches are resolved by length (longest wins), then by rule order. Thread-safe: the patterns are immutable.
/// </summary>
internal static class TimexGrammar
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;

    private const string Mon = @"(?<mon>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|july?\.?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])";
    private const string Wd = @"(?<wd>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:days?|\.))(?![a-z])";
    private const string Day = @"(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])";
    private const string Year = @"(?<year>1[7-9]\d\d|20\d\d)(?!\d|,\d|\.\d|-year)";
    private const string Unit = @"(?<unit>second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies)|quarter|weekend)s?";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Ones = "one|two|three|four|five|six|seven|eight|nine";
    private const string Num = @"(?<num>\d+\s+1/2|\d+(?:\.\d+)?|(?:" + Tens + @")[\s-](?:" + Ones + @")|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + Tens + "|" + Ones + @"|a hundred|hundred|a thousand|a few|few|several|a couple of|couple of|a couple|a dozen|dozen|an|a|some|many)";
    private const string Approx = @"(?:(?<approx>more than|over|just over|less than|under|just under|nearly|almost|about|around|roughly|approximately|some|at least|at most|up to|no more than|no less than|close to|within)\s+)";
    private const string Mod = @"(?:(?:the\s+)?(?<mod>early|late|mid|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of|middle of|the first half of|the second half of|the latter half of)[\s-]*(?:of\s+)?)";

    private static readonly ImmutableArray<(Regex Pattern, MentionKind Kind)> Rules =
    [
        (new Regex(@"\b" + Approx + @"?(?<hour>[01]?\d)(?::(?<min>[0-5]\d))?\s*(?<ampm>[ap]\.\s?m\b\.?|[ap]m\b)(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local time))?(?:,?\s+(?:on\s+)?" + Wd + ")?", Options), MentionKind.Clock),
        (new Regex(@"\b(?<word>noon|midnight|midday)(?:\s+(?:" + Wd + @"|(?<rel>yesterday|today|tomorrow)))?\b", Options), MentionKind.Clock),
        (new Regex(@"\b(?:(?<mod>early|late|mid)[\s-]+)?(?:(?<rel>yesterday|today|tomorrow|this|last|tonight)|" + Wd + @")\s+(?<pod>morning|afternoon|evening|night)s?\b", Options), MentionKind.Clock),
        (new Regex(@"\b(?<pod>tonight|overnight)\b", Options), MentionKind.Clock),
        (new Regex(@"\b(?:(?<mod>early|late|earlier|later)\s+(?:on\s+)?)?" + Wd + @",?\s+(?:the\s+)?" + Mon + @"\s+" + Day + @"(?:,?\s+" + Year + ")?", Options), MentionKind.Calendar),
        (new Regex(@"\b(?:(?<mod>early|late)\s+(?:on\s+)?)?" + Wd + @",?\s+(?:the\s+)?" + Day + @"\s+(?:of\s+)?" + Mon + @"(?:,?\s+" + Year + ")?", Options), MentionKind.Calendar),
        (new Regex(@"\b(?:(?<mod>early|late)\s+(?:on\s+)?)?" + Wd + @",\s+" + Mon + @"(?!\s*\d)", Options), MentionKind.Calendar),
        (new Regex(@"\b" + Approx + "?" + Mod + "?" + Mon + @"\s+" + Day + @"(?:(?:,\s*|\s+)" + Year + ")?", Options), MentionKind.Calendar),
        // The bare end day of a range after a month and day: "June 12-15", "June 12 to 15", "between June 12 and 15".
        (new Regex(@"(?<=\bbetween\s+" + Mon + @"\s+[0-3]?\d(?:st|nd|rd|th)?\s+and\s+|\b" + Mon + @"\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|until|till)\s*)(?<rangeend>)(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d:/.,]\d|\s*(?:%|percent|per\s+cent))", Options), MentionKind.Calendar),
        (new Regex(@"\b" + Mod + "?" + Day + @"\s+(?:of\s+)?" + Mon + @"(?:,?\s+" + Year + ")?", Options), MentionKind.Calendar),
        (new Regex(@"\b" + Mon + @"\s+(?<day>[0-3]?\d)/(?<yy>\d\d)\b", Options), MentionKind.Calendar),
        (new Regex(@"\b(?<year>(?:19|20)\d\d)-(?<mnum>[01]\d)-(?<day>[0-3]\d)\b", Options), MentionKind.Calendar),
        (new Regex(@"\b(?<mnum>[01]?\d)/(?<day>[0-3]?\d)/(?<year>(?:19|20)\d\d)\b", Options), MentionKind.Calendar),
        (new Regex(@"\b" + Mod + @"?(?:(?<rel>last|next|this|past|coming|previous)\s+)?" + Mon + @"(?:,?\s+(?:of\s+)?" + Year + ")?", Options), MentionKind.Calendar),
        (new Regex(@"(?<![$#€£]|\d,?|No\.\s?)\b" + Mod + @"?(?:(?<fiscal>fiscal|calendar|financial|the year|model)\s+(?:year\s+)?)?" + Year + @"(?:\s+(?<approx2>or later|and beyond|or earlier))?", Options), MentionKind.Calendar),
        (new Regex(@"\b(?:the\s+)?" + Mod + @"?(?<dec>(?:1[7-9]|20)\d0|'[0-9]0)'?s\b", Options), MentionKind.Decade),
        (new Regex(@"\b(?:(?<mod>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?<rel>last|next|this|coming|past|previous)\s+)?" + Wd, Options), MentionKind.Calendar),
        (new Regex(@"\b(?:(?<mod>earlier|later|early|late|the end of|the beginning of|the start of|the middle of|end of|mid)\s+)?(?:the\s+)?(?<rel>last|next|this|past|previous|coming|following|current|same|prior|upcoming|that|recent|latest)\s+(?<unit>day|week|month|year|decade|century|weekend|spring|summer|fall|autumn|winter)\b(?!\s+(?:old|-old))", Options), MentionKind.Relative),
        (new Regex(@"\b(?<mod>earlier|later|early|late)\s+in\s+the\s+(?<unit>year|month|week|day)\b", Options), MentionKind.Relative),
        (new Regex(@"\b(?<mod>the end of|the beginning of|the start of|the middle of|end of)\s+the\s+(?<unit>year|month|week)\b", Options), MentionKind.Relative),
        (new Regex(@"\b(?:(?<approx>around)\s+)?(?<unit>year)(?:'s|-)?\s?(?<mod>end)\b", Options), MentionKind.Relative),
        (new Regex(@"\b" + Approx + "?" + Num + @"[\s-]+" + Unit + @"(?:\s+or\s+so)?\s+(?<dir>ago|earlier|later|from now|hence)\b", Options), MentionKind.Offset),
        (new Regex(@"\b(?:the\s+)?(?<num>year)[\s-](?<dir>earlier|ago)(?:\s+(?<unit>quarter|period|month|level|results))?\b", Options), MentionKind.Offset),
        (new Regex(@"\b" + Approx + @"?(?:the\s+(?:(?<rel>past|last|next|first|previous|coming|final|remaining|latest)\s+)?)?" + Num + @"(?:[\s-]+(?:full|more|straight|consecutive|trading|business|calendar|additional|long))?[\s-]+" + Unit + @"(?<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?![\s-]+old)\b", Options), MentionKind.Duration),
        (new Regex(@"\b" + Approx + @"?(?<num>half)\s+(?:an?\s+)?" + Unit + @"\b", Options), MentionKind.Duration),
        (new Regex(@"\b(?:(?<rel>recent|coming|past|next|several|many|few)\s+)?(?<bare>years|months|weeks|days|decades|hours)\b(?!\s+(?:old|ago))", Options), MentionKind.Duration),
        // "this year's third quarter", "last year's quarter", "the 1988 second quarter": the quarter of a named year.
        (new Regex(@"\b(?:the\s+)?(?:(?<yrel>this|last|next|previous)\s+year's|" + Year + @"(?:'s)?)\s+(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal[\s-]+)?(?<qunit>quarter|half)(?!ly)\b", Options), MentionKind.Quarter),
        (new Regex(@"\b(?:the\s+)?(?:(?<rel>latest|last|past|previous|current|most recent|recent|next|coming|same|year-earlier|year-ago|comparable|fiscal)[\s-]+)?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal[\s-]+)?(?<qunit>quarter|half)(?!ly)(?:\s+(?:of\s+)?" + Year + @")?\b", Options), MentionKind.Quarter),
        (new Regex(@"\b" + Mod + @"?(?:(?<rel>last|next|this|past|coming)\s+)?(?<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?" + Year + @")?\b", Options), MentionKind.Season),
        (new Regex(@"\b(?<holiday>christmas(?:\s+(?:day|eve))?|new\s+year'?s(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|independence\s+day|valentine'?s\s+day|halloween)\b", Options), MentionKind.Holiday),
        (new Regex(@"\b(?:(?<approx>more)\s+)?(?<word>yesterday|today|tomorrow|now|currently|current|recently|recent|nowadays|the past|the future|the present|soon|previously|lately|these days|at present|presently|for now|right now|shortly|earlier today|later today)\b", Options), MentionKind.Deictic),
        (new Regex(@"\b(?:every|each|per)\s+(?:(?<num>other|\d+|two|three|four|five|six|ten|twelve)\s+)?(?:" + Unit + "|" + Wd + "|" + Mon + @"|(?<pod>morning|afternoon|evening|night))\b", Options), MentionKind.Set),
        (new Regex(@"\b(?<word>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|semiannually)\b", Options), MentionKind.Set),
        (new Regex(@"(?<=\b(?:once|twice|times)\s)(?:an?)\s+(?<unit>day|week|month|year)\b", Options), MentionKind.Set),
    ];

    private static readonly Regex MonthAllowedBefore = new(@"(?:\b(?:in|since|until|till|by|of|early|late|mid|last|next|this|during|before|after|through|from|to|on|and|or|between|end of|beginning of|start of)\s+|[-,]\s*)$", Options);

    /// <summary>All expressions in the text, ordered by start, none overlapping.</summary>
    public static ImmutableArray<Mention> Recognize(string text)
    {
        var all = new List<Mention>();
        for (int r = 0; r < Rules.Length; r++)
        {
            var (pattern, kind) = Rules[r];
            for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
            {
                if (m.Length == 0) continue;
                var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (Group g in m.Groups)
                {
                    if (g.Success && !char.IsDigit(g.Name[0])) fields[g.Name] = g.Value;
                }
                var mention = new Mention(new TextSpan(m.Index, m.Index + m.Length), kind, fields.ToImmutable(), r);
                if (Accept(text, mention)) all.Add(Trim(text, mention));
            }
        }
        // Longest first, then earlier rule: a greedy pass keeps the best non-overlapping set.
        all.Sort((a, b) => b.Span.Length != a.Span.Length ? b.Span.Length.CompareTo(a.Span.Length) : a.Priority.CompareTo(b.Priority));
        var kept = new List<Mention>();
        foreach (var m in all)
        {
            if (!kept.Exists(k => k.Span.Overlaps(m.Span))) kept.Add(m);
        }
        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return [.. kept];
    }

    private static readonly FrozenSet<string> FullMonths = FrozenSet.ToFrozenSet(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        StringComparer.OrdinalIgnoreCase);

    private static Mention Trim(string text, Mention m)
    {
        int end = m.Span.End;
        // A full month name ending the expression takes no abbreviation dot: "from May to July." ends the sentence.
        if (end > m.Span.Start && text[end - 1] == '.' && m["mon"] is { } mon && mon.EndsWith('.') && FullMonths.Contains(mon[..^1])
            && text.AsSpan(m.Span.Start, m.Span.Length).TrimEnd('.').EndsWith(mon.AsSpan(0, mon.Length - 1), StringComparison.Ordinal))
            end--;
        while (end > m.Span.Start && (text[end - 1] == ',' || char.IsWhiteSpace(text[end - 1]))) end--;
        return end == m.Span.End ? m : m with { Span = new TextSpan(m.Span.Start, end) };
    }

    private static bool Accept(string text, Mention m)
    {
        var surface = m.Span.Of(text);
        bool allCaps = IsAllCaps(text, m.Span.Start);
        if (m["mon"] is { } mon)
        {
            if (!allCaps && !char.IsUpper(mon[0])) return false;
            bool abbreviated = mon.Length <= 3 && !mon.EndsWith('.') && !mon.Equals("may", StringComparison.OrdinalIgnoreCase);
            bool hasNumber = m.Has("day") || m.Has("year") || m.Has("yy");
            if (abbreviated && !hasNumber) return false;
            if (m.Kind == MentionKind.Calendar && !hasNumber && !m.Has("wd") && !m.Has("mod") && !m.Has("rel"))
            {
                if (mon.StartsWith("may", StringComparison.OrdinalIgnoreCase) || mon.StartsWith("mar", StringComparison.OrdinalIgnoreCase))
                {
                    var before = text.AsSpan(Math.Max(0, m.Span.Start - 14), m.Span.Start - Math.Max(0, m.Span.Start - 14)).ToString();
                    if (!MonthAllowedBefore.IsMatch(before)) return false;
                }
            }
            if (m.Has("day") && int.Parse(m["day"]!, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 31) return false;
        }
        if (m["wd"] is { } wd && !allCaps && !char.IsUpper(wd[0])) return false;
        if (m.Kind == MentionKind.Calendar && m.Has("year") && !m.Has("mon") && !m.Has("mnum"))
        {
            // A bare number that looks like a year: reject amounts and counts written next to it.
            int after = m.Span.End;
            var tail = text.AsSpan(after, Math.Min(12, text.Length - after)).ToString();
            if (tail.StartsWith('%') || tail.StartsWith(" percent", StringComparison.OrdinalIgnoreCase) || tail.StartsWith(" per cent", StringComparison.OrdinalIgnoreCase)) return false;
            if (m.Span.Start > 0 && (text[m.Span.Start - 1] == '$' || text[m.Span.Start - 1] == '/' || text[m.Span.Start - 1] == '-' && m.Span.Start > 1 && char.IsDigit(text[m.Span.Start - 2]))) return false;
            if (tail.StartsWith('/') || (tail.Length > 1 && tail[0] == '-' && char.IsDigit(tail[1]))) return false;
        }
        if (m.Kind == MentionKind.Duration && m["num"] is { } num)
        {
            // "a day" / "some years" alone are too weak to call temporal unless a modifier or "the" says so.
            bool weak = num.Equals("a", StringComparison.OrdinalIgnoreCase) || num.Equals("an", StringComparison.OrdinalIgnoreCase)
                || num.Equals("some", StringComparison.OrdinalIgnoreCase) || num.Equals("many", StringComparison.OrdinalIgnoreCase);
            if (weak && m["unit"] is { } u && u.StartsWith("second", StringComparison.OrdinalIgnoreCase)) return false;
            if (num.Equals("many", StringComparison.OrdinalIgnoreCase) && !m.Has("approx")) return false;
        }
        if (m.Kind is MentionKind.Duration or MentionKind.Set && !allCaps && char.IsUpper(surface[0]) && NextWordCapitalized(text, m.Span.End)
            && m.Span.Start > 1 && !TenseCues.SentenceStart(text, m.Span.Start).Equals(m.Span.Start))
            return false; // part of a name: "the Six-Day War", "DEBKA Weekly"
        if (m.Kind == MentionKind.Duration && m.Has("bare"))
        {
            // "years", "weeks" alone count only after a preposition or a modifier that makes them a span of time.
            if (!m.Has("rel"))
            {
                var before = text.AsSpan(Math.Max(0, m.Span.Start - 8), m.Span.Start - Math.Max(0, m.Span.Start - 8)).ToString();
                if (!Regex.IsMatch(before, @"\b(?:for|within|in|over)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return false;
            }
        }
        if (m.Kind == MentionKind.Season && !m.Has("rel") && !m.Has("year") && !m.Has("mod"))
        {
            var before = text.AsSpan(Math.Max(0, m.Span.Start - 12), m.Span.Start - Math.Max(0, m.Span.Start - 12)).ToString();
            if (!Regex.IsMatch(before, @"\b(?:in|during|by|until|since|through|this|the)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return false;
            if (surface.StartsWith("fall", StringComparison.OrdinalIgnoreCase) || surface.StartsWith("spring", StringComparison.OrdinalIgnoreCase))
            {
                if (!before.TrimEnd().EndsWith("in the", StringComparison.OrdinalIgnoreCase) && !before.TrimEnd().EndsWith("this", StringComparison.OrdinalIgnoreCase)) return false;
            }
        }
        if (m.Kind == MentionKind.Quarter && !m.Has("ord") && !m.Has("rel") && !m.Has("year")
            && !surface.StartsWith("the", StringComparison.OrdinalIgnoreCase)) return false;
        if (m.Kind == MentionKind.Quarter && m["qunit"]!.Equals("half", StringComparison.OrdinalIgnoreCase) && !m.Has("ord") && !m.Has("year")) return false;
        if (m.Kind == MentionKind.Deictic)
        {
            var w = m["word"]!;
            if (w.Equals("current", StringComparison.OrdinalIgnoreCase) || w.Equals("recent", StringComparison.OrdinalIgnoreCase))
            {
                // Adjectives count only before a noun ("current account" is not a time, but most uses are).
                int after = m.Span.End;
                if (after >= text.Length || !char.IsWhiteSpace(text[after])) return false;
            }
        }
        return true;
    }

    private static bool NextWordCapitalized(string text, int at)
    {
        while (at < text.Length && text[at] == ' ') at++;
        return at < text.Length && char.IsUpper(text[at]);
    }

    private static bool IsAllCaps(string text, int at)
    {
        int start = Math.Max(0, at - 40);
        int letters = 0, upper = 0;
        for (int i = start; i < Math.Min(text.Length, at + 40); i++)
        {
            if (!char.IsLetter(text[i])) continue;
            letters++;
            if (char.IsUpper(text[i])) upper++;
        }
        return letters > 10 && upper * 10 >= letters * 9;
    }
}
