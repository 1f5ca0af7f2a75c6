using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Parallax.Server;

/// <summary>
/// Stable codes of the HTTP API's own errors (PX4xxx). Ingestion outcomes carry the PX1xxx/PX3xxx codes of the
/// stage that failed; store errors keep their PX2xxx code. A number never changes meaning (docs/api.md lists them).
/// </summary>
public enum ApiErrorCode
{
    /// <summary>PX4001: the request needs an X-Api-Key header and has none.</summary>
    KeyMissing = 4001,
    /// <summary>PX4002: the X-Api-Key header matches no configured key.</summary>
    KeyInvalid = 4002,
    /// <summary>PX4003: the server has no API key configured, so writes (and keyed reads) are refused.</summary>
    NoKeysConfigured = 4003,
    /// <summary>PX4004: no story, article, entity or route matches.</summary>
    NotFound = 4004,
    /// <summary>PX4005: the request is malformed (body, query parameter).</summary>
    BadRequest = 4005,
    /// <summary>PX4006: the request body is larger than the configured limit.</summary>
    TooLarge = 4006,
    /// <summary>PX4007: the request body's media type is not one this endpoint reads.</summary>
    UnsupportedMediaType = 4007,
    /// <summary>PX4008: the resource to create already exists (a watch id in use).</summary>
    Conflict = 4008,
    /// <summary>PX4500: an unexpected server error; the log has the details.</summary>
    Internal = 4500,
}

/// <summary>Writes RFC 9457 problem+json responses that carry a PX code.</summary>
internal static class Problems
{
    public static string Format(ApiErrorCode code) => "PX" + ((int)code).ToString(CultureInfo.InvariantCulture);

    public static IResult Result(int status, ApiErrorCode code, string title, string detail) =>
        Result(status, Format(code), title, detail);

    public static IResult Result(int status, string code, string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: "urn:parallax:error:" + code,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });

    public static IResult NotFound(string what) =>
        Result(StatusCodes.Status404NotFound, ApiErrorCode.NotFound, "Not found", what);

    public static IResult BadRequest(string detail) =>
        Result(StatusCodes.Status400BadRequest, ApiErrorCode.BadRequest, "Bad request", detail);

    public static IResult TooLarge(long limit) =>
        Result(StatusCodes.Status413PayloadTooLarge, ApiErrorCode.TooLarge, "Request body too large",
            $"{Format(ApiErrorCode.TooLarge)}: the request body is larger than the {Describe(limit)} limit; split the batch, or start the server with a higher --max-request-bytes.");

    public static IResult UnsupportedMediaType(string detail) =>
        Result(StatusCodes.Status415UnsupportedMediaType, ApiErrorCode.UnsupportedMediaType, "Unsupported media type", detail);

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(CultureInfo.InvariantCulture) + "-byte";
}
