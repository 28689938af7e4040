namespace Atende.Web.Api;

/// <summary>/api/v1/search (being written).</summary>
public static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api) => _ = api;
}
