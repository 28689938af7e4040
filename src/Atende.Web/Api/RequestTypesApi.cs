namespace Atende.Web.Api;

/// <summary>/api/v1/request-types (being written).</summary>
public static class RequestTypesApi
{
    public static void MapRequestTypesApi(this RouteGroupBuilder api) => _ = api;
}
