using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Parallax.Server;

/// <summary>Titles the OpenAPI document and declares the X-Api-Key scheme the write endpoints need.</summary>
internal sealed class OpenApiInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new Microsoft.OpenApi.OpenApiInfo
        {
            Title = "Parallax API",
            Version = "v1",
            Description = "News articles from many outlets as stories, articles and annotations. Writes need an X-Api-Key header; see docs/api.md.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Security.AccessMiddleware.HeaderName,
            Description = "Required on every write; on reads too when the server runs with --keyed-reads.",
        };
        return Task.CompletedTask;
    }
}
