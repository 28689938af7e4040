namespace Atende;

/// <summary>An upload or body over the configured limit (HTTP 413).</summary>
public sealed class PayloadTooLargeException(long maxBytes)
    : Exception($"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.")
{
    public long MaxBytes { get; } = maxBytes;
}
