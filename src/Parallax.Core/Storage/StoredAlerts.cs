using System.Text.Json;
using Parallax.Core.Watch;
using Parallax.Nlp.Serialization;

namespace Parallax.Core.Storage;

/// <summary>
/// How every store adapter keeps an <see cref="Alert"/>: one JSON document per row (the indexed columns beside it are
/// copies for querying). One definition, so the SQLite and PostgreSQL stores read and write the same bytes.
/// </summary>
public static class StoredAlerts
{
    /// <summary>The row's JSON for an alert, with <paramref name="raisedAt"/> as its stored time.</summary>
    public static string ToJson(Alert alert, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return JsonSerializer.Serialize(alert with { RaisedAt = raisedAt }, DocumentJson.Options);
    }

    /// <summary>Reads a row's JSON back.</summary>
    /// <exception cref="StoreException">PX2xxx <see cref="StoreErrorCode.CorruptRow"/>: the JSON is not an alert; the
    /// message names the alert <paramref name="id"/> and the store's <paramref name="location"/>.</exception>
    public static Alert FromJson(string id, string json, string location)
    {
        try
        {
            return JsonSerializer.Deserialize<Alert>(json, DocumentJson.Options) ?? throw new JsonException("the stored alert is null");
        }
        catch (JsonException ex)
        {
            throw new StoreException(StoreErrorCode.CorruptRow, $"Alert {id} in '{location}' cannot be read: {ex.Message}.", ex);
        }
    }
}
