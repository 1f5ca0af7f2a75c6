using System.Collections.Frozen;
using System.Globalization;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>
/// Small word lists the cue rules share: words that outlet names are built from, month names, and
/// capitalised words that start clauses but never name an outlet. They are general English news
/// vocabulary, not names of particular outlets.
/// </summary>
internal static class CueLexicon
{
    /// <summary>Words that make a capitalised phrase look like the name of a news outlet.</summary>
    public static readonly FrozenSet<string> OutletWords = FrozenSet.ToFrozenSet(
    [
        "post", "times", "news", "herald", "tribune", "telegraph", "guardian", "journal", "gazette", "chronicle",
        "observer", "independent", "standard", "express", "mail", "mirror", "monitor", "daily", "weekly", "today",
        "review", "record", "courier", "dispatch", "ledger", "star", "sun", "globe", "examiner", "inquirer",
        "bulletin", "press", "wire", "agency", "radio", "tv", "television", "broadcasting", "network", "magazine",
        "insider", "reporter", "online", "voice", "digest", "sentinel", "register", "messenger", "newspaper",
        "newswire", "channel", "broadcaster", "economist", "gazzetta", "zeitung", "pravda", "izvestia",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that begin clauses or name institutions, never an outlet on their own.</summary>
    public static readonly FrozenSet<string> NotOutlets = FrozenSet.ToFrozenSet(
    [
        "as", "so", "was", "has", "had", "is", "widely", "first", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "who", "which",
        "the", "a", "an", "and", "but", "media", "officials", "sources", "police", "army", "military", "government",
        "ministry", "kremlin", "pentagon", "officials", "witnesses", "residents", "activists", "state", "agency",
        "observers", "monitors", "diplomats", "analysts", "medics", "doctors", "troops", "rebels", "authorities",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "later", "earlier", "also", "previously", "separately", "meanwhile",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> _months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10,
        ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The month number for an English month name or abbreviation (a trailing dot allowed).</summary>
    public static bool TryMonth(ReadOnlySpan<char> name, out int month)
    {
        var lookup = _months.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name.TrimEnd('.'), out month);
    }

    /// <summary>
    /// A calendar date as ISO 8601 ("2018-07-05"), or null when the parts do not make a real date.
    /// Two-digit years are read as 2000–2069 for 00–69 and 1970–1999 for 70–99.
    /// </summary>
    public static string? IsoDate(int year, int month, int day)
    {
        if (year < 100) year += year < 70 ? 2000 : 1900;
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>True when one of the words of the phrase is a typical outlet-name word.</summary>
    public static bool HasOutletWord(string phrase)
    {
        foreach (var word in phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (OutletWords.Contains(word.Trim('.', ',', '\'', '’'))) return true;
        return false;
    }

    /// <summary>
    /// True when a name is shaped like a brand rather than a person or place: an outlet word, or
    /// capitals inside a word ("NewsDesk", "EADaily", "DEBKAfile").
    /// </summary>
    public static bool IsOutletShaped(string name)
    {
        if (HasOutletWord(name)) return true;
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool sawLower = false, sawUpperAfterStart = false;
            for (int i = 0; i < word.Length; i++)
            {
                if (char.IsLower(word[i])) sawLower = true;
                else if (i > 0 && char.IsUpper(word[i]) && char.IsLetter(word[i - 1])) sawUpperAfterStart = true;
            }
            if (sawLower && sawUpperAfterStart && word.Length >= 4) return true;
        }
        return false;
    }
}
