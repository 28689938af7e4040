using System.Text.Json;
using System.Text.Json.Serialization;

namespace Atende;

/// <summary>
/// A PATCH field: absent (leave it), present with null (clear it), or present with a value.
/// Plain nullable properties cannot tell "absent" from "null".
/// </summary>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly record struct Optional<T>(bool IsSet, T? Value)
{
    public static implicit operator Optional<T>(T? value) => new(true, value);
}

public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        // Called for null tokens too, so "assigneeId": null is a set-to-null, not an absence.
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return new Optional<T>(true, default);
            }
            try
            {
                return new Optional<T>(true, JsonSerializer.Deserialize<T>(ref reader, options));
            }
            catch (JsonException e) when (e.Path is not null)
            {
                // The inner call tracks its own path ("$[0].type"), blind to where this property sits. Thrown again
                // without a path, the outer serializer stamps this property's path ("$.formFields") on it, and the
                // inner one stays reachable as InnerException for the API to join the two ("formFields[0].type").
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
