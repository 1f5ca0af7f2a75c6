using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Parallax.Evaluation.Plover;

/// <summary>One gold event record of the PLOVER gold standard (PLOVER_GSR_CAMEO.txt).</summary>
/// <param name="Id">The record id ("PLOVER-GSR01-AGREE-0001").</param>
/// <param name="Number">The number at the end of the id (1 for "…-0001"); odd numbers form the tuning half, even the held-out half.</param>
/// <param name="Text">The sentence.</param>
/// <param name="EventType">The gold event type as the file writes it (the PLOVER draft it was coded with: AGREE, DEMAND, FIGHT …).</param>
/// <param name="Mode">The gold mode, or null when the record has none or an empty one.</param>
/// <param name="Sources">The gold source actors' texts (may be empty).</param>
/// <param name="Targets">The gold target actors' texts (may be empty).</param>
/// <param name="Reciprocal">True when the markup marks the actors "SRC/TAR" (each is source and target).</param>
public sealed record PloverRecord(
    string Id,
    int Number,
    string Text,
    string EventType,
    string? Mode,
    ImmutableArray<string> Sources,
    ImmutableArray<string> Targets,
    bool Reciprocal);

/// <summary>Reads the PLOVER gold standard: a JSON array of records; DOCUMENT records are skipped.</summary>
public static class PloverGold
{
    /// <summary>The event records of the file, in file order.</summary>
    /// <exception cref="FileNotFoundException">PX3811: the file does not exist.</exception>
    /// <exception cref="InvalidDataException">PX3812: the file is not a JSON array of records with id, event and text.</exception>
    public static ImmutableArray<PloverRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"PX3811: PLOVER gold file '{path}' not found; pass the path of PLOVER_GSR_CAMEO.txt.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the file's text; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">PX3812: not a JSON array of records with id, event and text.</exception>
    public static ImmutableArray<PloverRecord> Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"PX3812: '{name}' is not valid JSON ({ex.Message}); restore the file from the PLOVER repository.", ex);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"PX3812: '{name}' does not hold a JSON array of records.");
            var records = ImmutableArray.CreateBuilder<PloverRecord>();
            foreach (var r in doc.RootElement.EnumerateArray())
            {
                var id = Text(r, "id") ?? throw new InvalidDataException($"PX3812: '{name}' has a record without an id.");
                var type = Text(r, "event") ?? throw new InvalidDataException($"PX3812: '{name}' record {id} has no event.");
                if (string.Equals(type, "DOCUMENT", StringComparison.Ordinal)) continue;
                var text = Text(r, "text") ?? throw new InvalidDataException($"PX3812: '{name}' record {id} has no text.");
                var tail = id[(id.LastIndexOf('-') + 1)..];
                int number = int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                var mode = Text(r, "mode");
                var markup = r.TryGetProperty("textInfo", out var info) ? Text(info, "markup") ?? "" : "";
                records.Add(new PloverRecord(
                    id, number, text, type.ToUpperInvariant(),
                    string.IsNullOrWhiteSpace(mode) ? null : mode.Trim(),
                    Actors(r, "source"), Actors(r, "target"),
                    markup.Contains("SRC/TAR", StringComparison.Ordinal)));
            }

            return records.ToImmutable();
        }
    }

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ImmutableArray<string> Actors(JsonElement r, string property)
    {
        if (!r.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.Array) return [];
        return [.. v.EnumerateArray().Select(a => Text(a, "actorText")).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!)];
    }
}
