namespace Atende;

/// <summary>A rule of the domain refused the change (HTTP 409). The message names the rule.</summary>
public sealed class BusinessRuleException(string message) : Exception(message);
