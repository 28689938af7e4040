namespace Atende.Web.Api;

/// <summary>/api/v1/tags (being written).</summary>
public static class TagsApi
{
    public static void MapTagsApi(this RouteGroupBuilder api) => _ = api;
}
