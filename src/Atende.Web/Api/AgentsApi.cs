namespace Atende.Web.Api;

/// <summary>/api/v1/agents (being written).</summary>
public static class AgentsApi
{
    public static void MapAgentsApi(this RouteGroupBuilder api) => _ = api;
}
