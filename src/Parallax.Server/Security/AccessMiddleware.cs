using Microsoft.AspNetCore.Http;

namespace Parallax.Server.Security;

/// <summary>
/// Guards /api: writes always need a valid <c>X-Api-Key</c>, reads only when the server runs with keyed reads.
/// The check runs before the body is read, so an unauthorised upload costs no parsing.
/// </summary>
internal sealed class AccessMiddleware(RequestDelegate next, ApiKeyVerifier keys, ServerOptions options)
{
    public const string HeaderName = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        bool write = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        if (!write && !options.KeyedReads)
        {
            await next(context);
            return;
        }
        if (Refusal(context, write) is { } problem)
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + HeaderName + "\"";
            await problem.ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private IResult? Refusal(HttpContext context, bool write)
    {
        var what = write ? "Writes" : "Reads (the server runs with --keyed-reads)";
        if (keys.Count == 0)
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, ApiErrorCode.NoKeysConfigured, "No API key configured",
                $"{Problems.Format(ApiErrorCode.NoKeysConfigured)}: {what} need an API key, and this server has none configured. Start it with --api-key KEY (or set {ServerOptions.ApiKeysVariable}) and send the key in the {HeaderName} header.");
        }
        var presented = context.Request.Headers[HeaderName];
        if (presented.Count == 0 || string.IsNullOrEmpty(presented[0]))
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, ApiErrorCode.KeyMissing, "API key required",
                $"{Problems.Format(ApiErrorCode.KeyMissing)}: {what} need an API key; send it in the {HeaderName} header.");
        }
        if (presented.Count > 1 || !keys.IsValid(presented[0]))
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, ApiErrorCode.KeyInvalid, "API key not accepted",
                $"{Problems.Format(ApiErrorCode.KeyInvalid)}: the {HeaderName} header matches no key this server accepts; check the key given to --api-key or {ServerOptions.ApiKeysVariable}.");
        }
        return null;
    }
}
