using Atende.Macros;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/macros — one-click ticket changes: shared ones (admins write them) and each agent's personal ones.</summary>
public static class MacrosApi
{
    public static void MapMacrosApi(this RouteGroupBuilder api)
    {
        var macros = api.MapGroup("/macros").WithTags("Macros");
        macros.MapGet("/", List).WithSummary("Shared macros and the caller's own, by name (agents)");
        macros.MapGet("/{id:int}", Get).WithSummary("Read a macro (agents)");
        macros.MapPost("/", Create).WithSummary("Add a personal macro, or a shared one (admins)");
        macros.MapPut("/{id:int}", Replace).WithSummary("Replace what a macro does (shared: admins; personal: the owner)");
        macros.MapDelete("/{id:int}", Delete).WithSummary("Delete a macro (shared: admins; personal: the owner)");
        api.MapPost("/tickets/{number:int}/macros/{id:int}", Apply).WithTags("Macros")
            .WithSummary("Apply a macro to a ticket as the caller, in one transaction; returns the updated ticket");
    }

    private static async Task<Ok<IReadOnlyList<MacroView>>> List([AsParameters] ListMacrosRequest request, ListMacros list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<MacroView>> Get(int id, GetMacro get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<MacroView>> Create(MacroRequest request, CreateMacro create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/macros/{view.Id}", view);
    }

    private static async Task<Ok<MacroView>> Replace(int id, MacroRequest request, ReplaceMacro replace, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await replace.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteMacro delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TicketView>> Apply(int number, int id, ApplyMacro apply, HttpContext http, CurrentCaller caller, CancellationToken ct)
    {
        var ticket = await apply.HandleAsync(number, id, caller.Value, ct);
        http.Response.Headers.ETag = ticket.ETag;
        return TypedResults.Ok(ticket);
    }
}
