using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Parallax.Server.Endpoints;

/// <summary>
/// Describes request bodies in the OpenAPI document. The handlers read bodies themselves (so they can apply the
/// size limit and answer a wrong media type with a PX4007 problem); Accepts metadata would instead make routing
/// reject other media types before the handler runs.
/// </summary>
internal static class RequestBodies
{
    public static RouteHandlerBuilder Describe<T>(this RouteHandlerBuilder builder, IReadOnlyList<string> jsonTypes, IReadOnlyList<string> textTypes) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var type in jsonTypes) content[type] = new OpenApiMediaType { Schema = schema };
            foreach (var type in textTypes) content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", context.Document)] = [] }];
        });

    /// <summary>Marks a write without a body (DELETE, a POST action) as needing the ApiKey scheme in the document.</summary>
    public static RouteHandlerBuilder RequiresKey(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", context.Document)] = [] }];
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder ProducesIngest(this RouteHandlerBuilder builder) =>
        builder
            .Produces<Ingestion.IngestResponse>(StatusCodes.Status201Created)
            .Produces<Ingestion.IngestResponse>(StatusCodes.Status200OK)
            .Produces<Ingestion.IngestResponse>(StatusCodes.Status207MultiStatus)
            .Produces<Ingestion.IngestResponse>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
