namespace Atende.Web.Api;

/// <summary>/api/v1/organizations (being written).</summary>
public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api) => _ = api;
}
