using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Atende.Web.Api;

/// <summary>
/// Title, description and the bearer-token scheme of the OpenAPI document, so the docs page's "Test request"
/// can send a personal access token and generated clients know how to authenticate.
/// </summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Atende API";
        document.Info.Description =
            "REST API v1 of Atende, the open-source service desk. Get a personal access token with " +
            "POST /api/v1/auth/tokens and send it as `Authorization: Bearer <token>`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (atd_...) from POST /api/v1/auth/tokens.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
