namespace Atende;

/// <summary>Bad input (HTTP 400): field name → messages, field names as the caller sent them.</summary>
public sealed class InvalidRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidRequestException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
