namespace Atende.Web.Resources;

/// <summary>Texts of routing: team assignment settings in admin, the agent's availability in the account menu.</summary>
public sealed class RoutingText;
