using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Parallax.Server.Endpoints;

/// <summary>One page of a listing.</summary>
/// <param name="Offset">Items skipped.</param>
/// <param name="Limit">Most items asked for.</param>
/// <param name="Total">Items in the whole listing, or null when not known (search results).</param>
/// <param name="Items">The items of this page.</param>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>(int Offset, int Limit, int? Total, IReadOnlyList<T> Items);

/// <summary>Reads and checks ?offset= and ?limit=.</summary>
internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static bool TryRead(HttpRequest request, out int offset, out int limit, out IResult? error)
    {
        offset = 0;
        limit = DefaultLimit;
        error = null;
        if (!TryInt(request, "offset", 0, int.MaxValue, ref offset, out error)) return false;
        return TryInt(request, "limit", 1, MaxLimit, ref limit, out error);
    }

    private static bool TryInt(HttpRequest request, string name, int min, int max, ref int value, out IResult? error)
    {
        error = null;
        var raw = request.Query[name];
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0])) return true;
        if (int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            value = v;
            return true;
        }
        error = Problems.BadRequest(
            $"{Problems.Format(ApiErrorCode.BadRequest)}: ?{name}={raw[0]} is not a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return false;
    }
}
