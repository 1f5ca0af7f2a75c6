using Microsoft.AspNetCore.Http;

namespace Parallax.Server.Security;

/// <summary>
/// Headers that keep browsers from running anything the API returns: API responses may not be sniffed, framed or
/// load anything; the web UI may load only its own files (no inline or foreign scripts).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    public const string UiPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        bool api = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
        headers.ContentSecurityPolicy = api ? ApiPolicy : UiPolicy;
        return next(context);
    }
}
