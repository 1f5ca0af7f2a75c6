using Microsoft.AspNetCore.Http;

namespace Parallax.Server.Endpoints;

/// <summary>Reads a request body into memory, never past the configured limit.</summary>
internal static class RequestBody
{
    /// <summary>The body, or a 413 problem when it is (or turns out to be, for chunked uploads) over <paramref name="limit"/>.</summary>
    public static async Task<(byte[]? Body, IResult? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return (null, Problems.TooLarge(limit));
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > limit) return (null, Problems.TooLarge(limit));
                buffer.Write(chunk, 0, n);
            }
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }
    }

    /// <summary>The media type without parameters, lower case, or null.</summary>
    public static string? MediaType(HttpRequest request)
    {
        var type = request.ContentType;
        if (string.IsNullOrWhiteSpace(type)) return null;
        int semi = type.IndexOf(';', StringComparison.Ordinal);
        return (semi < 0 ? type : type[..semi]).Trim().ToLowerInvariant();
    }
}
