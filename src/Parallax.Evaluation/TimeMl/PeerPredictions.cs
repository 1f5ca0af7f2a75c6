using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Nlp.Time;
using Parallax.Text;

namespace Parallax.Evaluation.TimeMl;

/// <summary>Reads another system's temporal expressions (JSON lines) into <see cref="Timex"/> values for scoring.</summary>
internal static class PeerPredictions
{
    public static Dictionary<string, ImmutableArray<Timex>> Read(string path)
    {
        var result = new Dictionary<string, ImmutableArray<Timex>>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"PX3102: {path} line {lineNo} is not valid JSON: {e.Message}", e);
            }
            using (json)
            {
                var root = json.RootElement;
                var file = root.GetProperty("file").GetString() ?? string.Empty;
                file = Path.GetFileNameWithoutExtension(file);
                var list = ImmutableArray.CreateBuilder<Timex>();
                if (root.TryGetProperty("expressions", out var expressions))
                {
                    foreach (var e in expressions.EnumerateArray())
                    {
                        if (Convert(e, list.Count + 1) is { } t) list.Add(t);
                    }
                }
                result[file] = list.ToImmutable();
            }
        }
        return result;
    }

    private static Timex? Convert(JsonElement e, int n)
    {
        int start = e.GetProperty("start").GetInt32(), end = e.GetProperty("end").GetInt32();
        if (end <= start) return null;
        string id = "p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (e.TryGetProperty("value", out var v) && v.GetString() is { } value)
        {
            var type = e.TryGetProperty("type", out var ty) && Enum.TryParse<TimexType>(ty.GetString(), ignoreCase: true, out var parsed) ? parsed : TimexType.Date;
            return new Timex(id, new TextSpan(start, end), type, value, null, null, TimexRole.Happened, "peer", 1);
        }
        // chrono-node: the resolved instant at the finest grain it read from the text.
        string? iso = e.TryGetProperty("iso", out var i) ? i.GetString() : null;
        string grain = e.TryGetProperty("grain", out var g) ? g.GetString() ?? "none" : "none";
        if (iso is null || iso.Length < 16) return new Timex(id, new TextSpan(start, end), TimexType.Date, "XXXX-XX-XX", null, null, TimexRole.Happened, "peer", 1);
        var (timexType, val) = grain switch
        {
            "year" => (TimexType.Date, iso[..4]),
            "month" => (TimexType.Date, iso[..7]),
            "hour" or "minute" or "second" => (TimexType.Time, iso[..16]),
            _ => (TimexType.Date, iso[..10]),
        };
        return new Timex(id, new TextSpan(start, end), timexType, val, null, null, TimexRole.Happened, "peer: chrono grain " + grain, 1);
    }
}
