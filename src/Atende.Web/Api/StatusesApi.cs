using Atende.Catalog;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/statuses — the ticket workflow. Everyone signed in reads it; admins change it.</summary>
public static class StatusesApi
{
    public static void MapStatusesApi(this RouteGroupBuilder api)
    {
        var statuses = api.MapGroup("/statuses").WithTags("Statuses");
        statuses.MapGet("/", List).WithSummary("The statuses, in workflow order");
        statuses.MapGet("/{key}", Get).WithSummary("Read a status");
        statuses.MapPost("/", Create).WithSummary("Add a status (admins)");
        statuses.MapPatch("/{key}", Update).WithSummary("Change a status; a new category also applies to its tickets (admins)");
        statuses.MapDelete("/{key}", Delete).WithSummary("Delete a status no ticket uses (admins)");
        statuses.MapPut("/order", Reorder).WithSummary("Put the workflow in a new order: every status key, first to last (admins)");
    }

    private static async Task<Ok<Page<StatusView>>> List(ListStatuses list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(ct));

    private static async Task<Ok<StatusView>> Get(string key, GetStatus get, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(key, ct));

    private static async Task<Created<StatusView>> Create(CreateStatusRequest request, CreateStatus create, CurrentCaller caller, CancellationToken ct)
    {
        var status = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/statuses/{status.Key}", status);
    }

    private static async Task<Ok<StatusView>> Update(string key, UpdateStatusRequest request, UpdateStatus update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(key, request, caller.Value, ct));

    private static async Task<Ok<Page<StatusView>>> Reorder(ReorderStatusesRequest request, ReorderStatuses reorder, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await reorder.HandleAsync(request, caller.Value, ct));

    private static async Task<NoContent> Delete(string key, DeleteStatus delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(key, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
