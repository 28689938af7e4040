using Atende.Catalog;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/tags — agents list and create tags; admins rename (or merge) and delete them.</summary>
public static class TagsApi
{
    public static void MapTagsApi(this RouteGroupBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags");
        tags.MapGet("/", List).WithSummary("Tags by name with their ticket counts; q filters by prefix (agents)");
        tags.MapGet("/{id:int}", Get).WithSummary("Read a tag (agents)");
        tags.MapPost("/", Create).WithSummary("Add a tag (agents)");
        tags.MapPatch("/{id:int}", Rename).WithSummary("Rename a tag; onto an existing name it merges into that tag (admins)");
        tags.MapDelete("/{id:int}", Delete).WithSummary("Delete a tag and take it off every ticket (admins)");
    }

    private static async Task<Ok<Page<TagView>>> List([AsParameters] ListTagsRequest request, ListTags list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<TagView>> Get(int id, GetTag get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<TagView>> Create(CreateTagRequest request, CreateTag create, CurrentCaller caller, CancellationToken ct)
    {
        var tag = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/tags/{tag.Id}", tag);
    }

    private static async Task<Ok<TagView>> Rename(int id, RenameTagRequest request, RenameTag rename, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await rename.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteTag delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
