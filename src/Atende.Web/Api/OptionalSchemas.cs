using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Atende.Web.Api;

/// <summary>
/// PATCH bodies use <see cref="Optional{T}"/> to tell "absent" from "null". On the wire it is just the value,
/// so the OpenAPI document shows the inner type's schema, nullable, instead of the wrapper's internals.
/// </summary>
public sealed class OptionalSchemas : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Optional<>))
        {
            return;
        }
        var inner = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken);
        schema.Type = inner.Type | JsonSchemaType.Null;
        schema.Format = inner.Format;
        schema.Items = inner.Items;
        schema.Enum = inner.Enum;
        schema.Properties = inner.Properties;
        schema.AdditionalProperties = inner.AdditionalProperties;
        schema.AdditionalPropertiesAllowed = inner.AdditionalPropertiesAllowed;
        schema.Description = "Leave out to keep the current value; send null to clear it (where it may be empty).";
    }
}
