namespace Atende;

/// <summary>Unknown, or not visible to the caller: the two are deliberately indistinguishable (HTTP 404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
