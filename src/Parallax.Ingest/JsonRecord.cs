using System.Globalization;
using System.Text.Json;
using Parallax.Nlp.Documents;

namespace Parallax.Ingest;

/// <summary>The fields of one JSON Lines record or sidecar, read and normalised.</summary>
internal sealed class JsonRecord
{
    public string? Id { get; private set; }
    public string? Text { get; private set; }
    public string? Html { get; private set; }
    public List<MetadataCandidate> Candidates { get; } = [];
    public List<IngestWarning> Warnings { get; } = [];

    /// <summary>
    /// Reads an object's fields. <paramref name="allowContent"/> is false for sidecars, whose text/html keys are
    /// reported as unknown: a sidecar describes a file, it does not replace it.
    /// </summary>
    public static JsonRecord Read(JsonElement obj, string where, double confidence, bool allowContent)
    {
        var r = new JsonRecord();
        foreach (var prop in obj.EnumerateObject())
        {
            var key = prop.Name;
            var lower = key.ToLowerInvariant();
            if (lower == "id")
            {
                r.Id = prop.Value.ValueKind switch
                {
                    JsonValueKind.String => prop.Value.GetString(),
                    JsonValueKind.Number => prop.Value.GetRawText(),
                    _ => r.Invalid(key, prop.Value, where),
                };
                continue;
            }
            if (allowContent && lower is "text" or "html")
            {
                var s = prop.Value.ValueKind switch
                {
                    JsonValueKind.String => prop.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => r.Invalid(key, prop.Value, where),
                };
                if (lower == "text") r.Text = s;
                else r.Html = s;
                continue;
            }
            if (MetadataValues.FieldOf(key) is not { } field)
            {
                r.Warnings.Add(MetadataValues.UnknownKey(key, where));
                continue;
            }
            var value = prop.Value.ValueKind switch
            {
                JsonValueKind.String => prop.Value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Array when field == MetadataField.Author && prop.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                    => string.Join(", ", prop.Value.EnumerateArray().Select(e => e.GetString())),
                JsonValueKind.Number when field == MetadataField.Published => FromUnixSeconds(prop.Value),
                _ => r.Invalid(key, prop.Value, where),
            };
            if (value is not null)
                MetadataValues.Add(field, value, MetadataSource.User, confidence, where, r.Candidates, r.Warnings, $"\"{key}\": {prop.Value.GetRawText()}");
        }
        return r;
    }

    private static string? FromUnixSeconds(JsonElement e) =>
        e.TryGetInt64(out var s) && s is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(s).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : null;

    private string? Invalid(string key, JsonElement value, string where)
    {
        Warnings.Add(new IngestWarning(IngestWarningCode.InvalidMetadataValue,
            $"{InputCodes.Format(IngestWarningCode.InvalidMetadataValue)}: {where}: '{key}' is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, expected a string; it was ignored."));
        return null;
    }
}
