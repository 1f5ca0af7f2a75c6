using System.Text.RegularExpressions;

namespace Parallax.Nlp.Cleaning.Text;

/// <summary>
/// Recognises lines that are metadata rather than article text: bylines, credit lines, "OUTLET/Month DD/YY"
/// lines and bare publication dates. Each parser looks at one trimmed line and returns what it read.
/// </summary>
internal static partial class MetadataLines
{
    private const int MaxBylineWords = 14;
    private const int MaxCreditWords = 30;

    /// <summary>The authors named by a byline ("By ANNA SMITH", "- • By Jo Lee and Sam Ortiz, Moscow"), or null.</summary>
    public static string? ParseByline(string line)
    {
        var m = BylinePattern().Match(line);
        if (!m.Success || LineFeatures.CountWords(line) > MaxBylineWords) return null;
        var rest = m.Groups["rest"].Value.Trim();
        // A role or place after a separator belongs to the byline, not to the names.
        int cut = rest.IndexOfAny([',', '|', ';', '(']);
        var dash = rest.IndexOf(" - ", StringComparison.Ordinal);
        if (dash < 0) dash = rest.IndexOf(" – ", StringComparison.Ordinal);
        if (dash < 0) dash = rest.IndexOf(" — ", StringComparison.Ordinal);
        if (dash >= 0 && (cut < 0 || dash < cut)) cut = dash;
        var role = cut >= 0 ? rest[cut..] : "";
        var namesPart = cut >= 0 ? rest[..cut] : rest;
        var inPlace = namesPart.IndexOf(" in ", StringComparison.Ordinal);
        if (inPlace > 0) namesPart = namesPart[..inPlace];
        if (role.Length > 0 && LineFeatures.EndsSentence(role) && !role.EndsWith("Jr.", StringComparison.Ordinal)) return null;
        if (role.Length > 0 && LineFeatures.CountWords(role) > 7) return null;

        var names = new List<string>();
        foreach (var raw in NameSeparator().Split(namesPart))
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (!IsPersonName(name)) return null;
            names.Add(LineFeatures.NameCase(name));
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>True when the line credits contributors ("Additional reporting by …", "Editing by …").</summary>
    public static bool IsCreditLine(string line) =>
        CreditPattern().IsMatch(line) && LineFeatures.CountWords(line) <= MaxCreditWords;

    /// <summary>Reads an "OUTLET/Month DD/YY" line ("Nordwire/March 11/25") into its outlet and ISO date.</summary>
    public static bool TryOutletDateLine(string line, out string outlet, out string isoDate)
    {
        outlet = "";
        isoDate = "";
        var m = OutletDatePattern().Match(line);
        if (!m.Success || !CueLexicon.TryMonth(m.Groups["month"].ValueSpan, out int month)) return false;
        var date = CueLexicon.IsoDate(LineFeatures.ParseInt(m.Groups["year"].ValueSpan), month, LineFeatures.ParseInt(m.Groups["day"].ValueSpan));
        if (date is null) return false;
        outlet = m.Groups["outlet"].Value.Trim();
        isoDate = date;
        return outlet.Length > 0;
    }

    /// <summary>
    /// Reads a line that is only a date, optionally labelled ("Published: 11 March 2025 09:40",
    /// "Tuesday, March 11, 2025"). <paramref name="isUpdate"/> tells an "Updated" stamp from a publication date.
    /// </summary>
    public static bool TryDateLine(string line, out string isoDate, out bool isUpdate)
    {
        isoDate = "";
        isUpdate = false;
        var m = DateLinePattern().Match(line);
        if (!m.Success) return false;
        int year, month, day;
        if (m.Groups["iy"].Success)
        {
            year = LineFeatures.ParseInt(m.Groups["iy"].ValueSpan);
            month = LineFeatures.ParseInt(m.Groups["im"].ValueSpan);
            day = LineFeatures.ParseInt(m.Groups["id"].ValueSpan);
        }
        else
        {
            var monthName = m.Groups["m1"].Success ? m.Groups["m1"].ValueSpan : m.Groups["m2"].ValueSpan;
            if (!CueLexicon.TryMonth(monthName, out month)) return false;
            day = LineFeatures.ParseInt(m.Groups["d1"].Success ? m.Groups["d1"].ValueSpan : m.Groups["d2"].ValueSpan);
            year = LineFeatures.ParseInt(m.Groups["y1"].Success ? m.Groups["y1"].ValueSpan : m.Groups["y2"].ValueSpan);
        }
        var date = CueLexicon.IsoDate(year, month, day);
        if (date is null) return false;
        isoDate = date;
        isUpdate = m.Groups["label"].Value.Contains("pdated", StringComparison.OrdinalIgnoreCase);
        return true;
    }

    /// <summary>
    /// True when a line could be an outlet's masthead: one to five capitalised words, no sentence
    /// punctuation and no digits ("The Meridian Post"). Whether it is one is decided with the context.
    /// </summary>
    public static bool IsMastheadShaped(string line)
    {
        int words = LineFeatures.CountWords(line);
        if (words is < 1 or > 5 || LineFeatures.EndsWithTerminal(line)) return false;
        foreach (char c in line) if (char.IsDigit(c) || c is ',' or '|') return false;
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length <= 3 && char.IsLower(word[0])) continue;
            if (!char.IsUpper(word[0])) return false;
        }
        return true;
    }

    private static bool IsPersonName(string name)
    {
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is < 2 or > 5) return false;
        if (CueLexicon.NotOutlets.Contains(tokens[0])) return false;
        foreach (var t in tokens)
        {
            if (NameParticle().IsMatch(t)) continue;
            if (!NameToken().IsMatch(t)) return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?:[\-–—•·|*>]\s*)*(?:By|BY)\s+(?<rest>\p{Lu}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"\s+(?:and|&)\s+|\s*,\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameToken();

    [GeneratedRegex(@"^(?:al|el|bin|ibn|bint|de|da|di|del|della|van|von|der|den|le|la|du|dos|das|ben|abu|ter|y)$|^(?:al|el)-\p{Lu}[\p{L}'’]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameParticle();

    [GeneratedRegex(@"^(?:(?:Additional|Further|Extra)\s+reporting|(?:Reporting|Writing|Editing|Edited|Compiled|Translated|Translation|Produced|Research)\s+by|With\s+(?:additional\s+)?reporting\s+(?:by|from))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CreditPattern();

    [GeneratedRegex(@"^(?<outlet>\p{L}[\p{L}\p{N}&.'’ \-]{0,40}?)\s*/\s*(?<month>\p{L}{3,9}\.?)\s+(?<day>\d{1,2})\s*/\s*(?<year>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OutletDatePattern();

    [GeneratedRegex(
        @"^(?:(?<label>Published|Posted|Updated|Last\s+updated|First\s+published|Date)(?:\s+on)?\s*:?\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\p{L}*\.?,?\s+)?" +
        @"(?:(?<m1>\p{L}{3,9}\.?)\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>\d{4})|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>\p{L}{3,9}\.?),?\s+(?<y2>\d{4})|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2}))" +
        @"(?:\s*(?:,|\||-|–|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+\-]\d{1,2})?\)?)?)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateLinePattern();
}
