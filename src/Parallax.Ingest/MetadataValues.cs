using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>
/// Maps user-facing metadata keys (front matter, sidecars, JSON Lines) to fields and normalises values, so every
/// reader produces the same candidates for the same input: dates in ISO 8601, languages as ISO 639 codes.
/// </summary>
internal static partial class MetadataValues
{
    /// <summary>The field for a key, or null when the key is not a metadata key. Keys compare case-insensitively.</summary>
    public static MetadataField? FieldOf(string key) => key.Trim().ToLowerInvariant() switch
    {
        "title" or "headline" => MetadataField.Title,
        "subtitle" => MetadataField.Subtitle,
        "outlet" or "publisher" => MetadataField.Outlet,
        "author" or "authors" or "byline" => MetadataField.Author,
        "url" or "link" => MetadataField.Url,
        "published" or "date" => MetadataField.Published,
        "language" or "lang" => MetadataField.Language,
        _ => null,
    };

    /// <summary>
    /// Adds a candidate for <paramref name="field"/> when the value normalises; otherwise adds a PX3904 warning
    /// naming <paramref name="where"/>. Blank values are skipped silently: they carry no claim.
    /// </summary>
    public static void Add(
        MetadataField field, string value, MetadataSource source, double confidence, string where,
        List<MetadataCandidate> candidates, List<IngestWarning> warnings, string? evidence = null)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return;
        string? normalised = field switch
        {
            MetadataField.Published => NormaliseDate(trimmed),
            MetadataField.Language => NormaliseLanguage(trimmed),
            MetadataField.Url => NormaliseUrl(trimmed),
            _ => CollapseSpace(trimmed),
        };
        if (normalised is null)
        {
            warnings.Add(new IngestWarning(IngestWarningCode.InvalidMetadataValue,
                $"{InputCodes.Format(IngestWarningCode.InvalidMetadataValue)}: {where}: {field.ToString().ToLowerInvariant()} '{Shorten(trimmed)}' is not {Expected(field)}; it was ignored."));
            return;
        }
        candidates.Add(new MetadataCandidate(field, normalised, source, confidence, evidence ?? trimmed));
    }

    /// <summary>A PX3903 warning for a key that is not a metadata key.</summary>
    public static IngestWarning UnknownKey(string key, string where) =>
        new(IngestWarningCode.UnknownMetadataKey,
            $"{InputCodes.Format(IngestWarningCode.UnknownMetadataKey)}: {where}: key '{Shorten(key)}' is not a metadata key (use title, outlet, author, url, published, language); it was ignored.");

    private static string Expected(MetadataField field) => field switch
    {
        MetadataField.Published => "a date (use ISO 8601 such as 2024-03-05 or 2024-03-05T14:30:00Z, or RFC 822)",
        MetadataField.Language => "a language code (use ISO 639-1 such as en, fr, ar)",
        MetadataField.Url => "an absolute http or https URL",
        _ => "usable",
    };

    /// <summary>ISO 8601: "yyyy-MM-dd" for a date alone, else date, time and offset. Null when it does not parse.</summary>
    public static string? NormaliseDate(string value)
    {
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rfc = Rfc822(v);
        if (rfc is { } r) return Format(r);
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, styles, out var dto)) return Format(dto);
        return null;
    }

    private static string Format(DateTimeOffset dto) => dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static readonly string[] _rfcFormats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
    ];

    /// <summary>RFC 822/2822 dates as used by RSS and e-mail ("Tue, 05 Mar 2024 14:30:00 +0100", "… GMT", "… EST").</summary>
    private static DateTimeOffset? Rfc822(string value)
    {
        var m = Rfc822Pattern().Match(value);
        if (!m.Success) return null;
        var zone = m.Groups["zone"].Value.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+00:00",
            "EST" => "-05:00",
            "EDT" => "-04:00",
            "CST" => "-06:00",
            "CDT" => "-05:00",
            "MST" => "-07:00",
            "MDT" => "-06:00",
            "PST" => "-08:00",
            "PDT" => "-07:00",
            var z when z.Length == 5 && (z[0] == '+' || z[0] == '-') => string.Concat(z.AsSpan(0, 3), ":", z.AsSpan(3, 2)),
            _ => null,
        };
        if (zone is null) return null;
        var text = $"{m.Groups["day"].Value} {m.Groups["mon"].Value} {m.Groups["year"].Value} {m.Groups["time"].Value} {zone}";
        return DateTimeOffset.TryParseExact(text, _rfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto)
            ? dto : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3},?\s+)?(?<day>\d{1,2})\s+(?<mon>[A-Za-z]{3})\s+(?<year>\d{2,4})\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,3})?\s*(?:\(.*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    /// <summary>The primary language subtag, lower-case ("en-GB" → "en"); null when it is not 2–3 letters.</summary>
    public static string? NormaliseLanguage(string value)
    {
        var primary = value.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(c => c is >= 'a' and <= 'z') ? primary : null;
    }

    /// <summary>The URL when absolute http(s), else null.</summary>
    public static string? NormaliseUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri : null;

    /// <summary>Runs of white space collapsed to one space.</summary>
    public static string CollapseSpace(string value) => Whitespace().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
}
