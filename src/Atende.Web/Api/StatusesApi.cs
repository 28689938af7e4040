namespace Atende.Web.Api;

/// <summary>/api/v1/statuses (being written).</summary>
public static class StatusesApi
{
    public static void MapStatusesApi(this RouteGroupBuilder api) => _ = api;
}
