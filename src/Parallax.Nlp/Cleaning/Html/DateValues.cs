using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>Normalises the date strings pages carry (ISO 8601, RFC 1123, "February 27, 2024") to ISO 8601.</summary>
internal static partial class DateValues
{
    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d|\b(GMT|UTC))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"\d{1,2}:\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    /// <summary>The ISO 8601 form ("2024-02-27", "2024-02-27T14:55:01Z", "2024-02-27T09:55:01-05:00") or null when unreadable.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        string v = value.Trim();
        if (v.Length > 64) return null;
        bool hasTime = TimePattern().IsMatch(v);
        if (OffsetPattern().IsMatch(v)
            && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
        {
            return withOffset.Offset == TimeSpan.Zero
                ? withOffset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : withOffset.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        if (DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return hasTime
                ? local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return null;
    }
}
