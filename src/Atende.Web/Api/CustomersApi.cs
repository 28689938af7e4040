namespace Atende.Web.Api;

/// <summary>/api/v1/customers (being written).</summary>
public static class CustomersApi
{
    public static void MapCustomersApi(this RouteGroupBuilder api) => _ = api;
}
