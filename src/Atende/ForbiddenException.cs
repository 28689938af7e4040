namespace Atende;

/// <summary>Authenticated but not allowed on a global resource (HTTP 403). Never used for tickets: those are 404.</summary>
public sealed class ForbiddenException(string message = "You are not allowed to do this.") : Exception(message);
