namespace Atende.Web.Api;

/// <summary>/api/v1/teams (being written).</summary>
public static class TeamsApi
{
    public static void MapTeamsApi(this RouteGroupBuilder api) => _ = api;
}
