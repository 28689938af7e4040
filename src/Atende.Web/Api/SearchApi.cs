using Atende.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/search — one box for tickets and customers the caller may see.</summary>
public static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api) =>
        api.MapGet("/search", Search).WithTags("Search").WithSummary("Full-text search across tickets and customers");

    private static async Task<Ok<SearchResults>> Search(string? q, SearchEverything search, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await search.HandleAsync(q, caller.Value, ct));
}
