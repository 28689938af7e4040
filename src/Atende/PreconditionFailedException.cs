namespace Atende;

/// <summary>The caller's If-Match no longer matches the current version (HTTP 412).</summary>
public sealed class PreconditionFailedException(string currentETag)
    : Exception("The resource was changed since you read it. Reload it and try again.")
{
    public string CurrentETag { get; } = currentETag;
}
