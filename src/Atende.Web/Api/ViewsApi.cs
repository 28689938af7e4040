using Atende.Tickets;
using Atende.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/views — saved views (named ticket filters), the built-in queues and their counts.</summary>
public static class ViewsApi
{
    public static void MapViewsApi(this RouteGroupBuilder api)
    {
        var views = api.MapGroup("/views").WithTags("Views");
        views.MapGet("/", List).WithSummary("List the saved views the caller may see (mine=true: own and team views)");
        views.MapPost("/", Create).WithSummary("Save a ticket filter as a view, personal or shared with a team (agents)");
        views.MapGet("/counts", Counts).WithSummary("Live ticket counts of the built-in queues and the caller's views (999+ cap)");
        views.MapGet("/{id:int}", Get).WithSummary("Read a saved view");
        views.MapPatch("/{id:int}", Update).WithSummary("Change a saved view (its owner or an admin)");
        views.MapDelete("/{id:int}", Delete).WithSummary("Delete a saved view (its owner or an admin)");
        views.MapGet("/{key}/tickets", Tickets).WithSummary("The tickets of a view: a saved view's id or a built-in key (my-open, unassigned, overdue, due-today, awaiting-customer, all-open, recently-solved)");
    }

    private static async Task<Ok<Page<SavedViewDetails>>> List([AsParameters] ListSavedViewsRequest request, ListSavedViews list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Created<SavedViewDetails>> Create(CreateSavedViewRequest request, CreateSavedView create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/views/{view.Id}", view);
    }

    private static async Task<Ok<IReadOnlyList<QueueCount>>> Counts([AsParameters] CountQueuesRequest request, CountQueues count, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await count.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<SavedViewDetails>> Get(int id, GetSavedView get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Ok<SavedViewDetails>> Update(int id, UpdateSavedViewRequest request, UpdateSavedView update, GetSavedView get, CurrentCaller caller, CancellationToken ct)
    {
        await update.HandleAsync(id, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));
    }

    private static async Task<NoContent> Delete(int id, DeleteSavedView delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<TicketSummary>>> Tickets(string key, [AsParameters] ListViewTicketsRequest request, ListViewTickets list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(key, request, caller.Value, ct));
}
