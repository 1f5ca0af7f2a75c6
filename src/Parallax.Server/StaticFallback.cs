using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Parallax.Server;

/// <summary>
/// Paths outside /api that match no file get the web UI's index.html, so client-side routes ("/stories/s-…")
/// load the application; without a UI installed they get a 404 problem saying so.
/// </summary>
internal static class StaticFallback
{
    public static async Task ServeIndexAsync(HttpContext context)
    {
        var env = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
        var index = env.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists || index.PhysicalPath is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await Problems.NotFound($"{Problems.Format(ApiErrorCode.NotFound)}: nothing at {context.Request.Path}. No web UI is installed on this server (its web root has no index.html); the API is under /api/v1 (see /openapi/v1.json).")
                .ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(index, context.RequestAborted);
    }
}
