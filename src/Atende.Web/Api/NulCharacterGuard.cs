using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Atende.Web.Api;

/// <summary>
/// A NUL character is never meaningful in Atende's text, and PostgreSQL refuses it in text columns. Rejecting
/// it at the edge — in JSON strings and in query values — turns what would be a database error into a 400
/// that names the field, on both databases alike.
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var bad = context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
        if (bad.Key is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [bad.Key] = ["must not contain NUL characters."] })
                {
                    Status = 400,
                    Title = "One or more fields are invalid.",
                },
            });
            return;
        }
        await next(context);
    }
}

/// <summary>Every JSON string goes through here: a NUL inside one is a 400 on that property.</summary>
/// <remarks>A custom converter hides the type from the OpenAPI generator; <see cref="NulFreeStringSchema"/> restores it.</remarks>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("The JSON value could not be converted to System.String: it contains a NUL character.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Strings read through <see cref="NulFreeStringConverter"/> are still plain strings in the OpenAPI document.</summary>
public sealed class NulFreeStringSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }
        else if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        return Task.CompletedTask;
    }
}
