using Atende.Accounts;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atende.Web.Api;

/// <summary>/api/v1/tickets — the ticket core of API.md.</summary>
public static class TicketsApi
{
    public static void MapTicketsApi(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapPost("/", Open).AddEndpointFilter<IdempotencyFilter>().WithSummary("Open a ticket");
        tickets.MapGet("/", List).WithSummary("List tickets (filters, sort, keyset cursor)");
        tickets.MapPost("/bulk", Bulk).WithSummary("Change up to 100 tickets at once (assign, status, priority, add tag, or merge); per-ticket outcome");
        tickets.MapGet("/{number:int}", Get).WithSummary("Read a ticket (returns an ETag)");
        tickets.MapPatch("/{number:int}", Update).WithSummary("Change a ticket (If-Match honoured)");
        tickets.MapPost("/{number:int}/merge", Merge).WithSummary("Merge this ticket into another");
        tickets.MapGet("/{number:int}/messages", Messages).WithSummary("The conversation");
        tickets.MapPost("/{number:int}/messages", AddMessage).AddEndpointFilter<IdempotencyFilter>().WithSummary("Reply or add an internal note");
        tickets.MapGet("/{number:int}/history", History).WithSummary("Every change: who, when, field, from, to");
        tickets.MapPost("/{number:int}/links", Link).WithSummary("Link to another ticket");
        tickets.MapDelete("/{number:int}/links", Unlink).WithSummary("Remove a link");
        tickets.MapPost("/{number:int}/watchers", Watch).WithSummary("Add a watcher (the caller by default)");
        tickets.MapDelete("/{number:int}/watchers", Unwatch).WithSummary("Remove a watcher");
        tickets.MapGet("/{number:int}/time-entries", TimeEntries).WithSummary("Time worked");
        tickets.MapPost("/{number:int}/time-entries", LogTime).AddEndpointFilter<IdempotencyFilter>().WithSummary("Log time worked");
    }

    private static async Task<Created<TicketView>> Open(OpenTicketRequest request, OpenTicket open, GetTicket get, CurrentCaller caller, HttpContext http, CancellationToken ct)
    {
        var ticket = await open.HandleAsync(request, caller.Value, ct);
        // The creator may have routed it to a team they cannot see; the answer still describes what was created.
        var view = await get.HandleAsync(ticket.Id, caller.Value.IsStaff ? Caller.System : caller.Value, ct);
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Created($"/api/v1/tickets/{view.Number}", view);
    }

    private static async Task<Ok<Page<TicketSummary>>> List([AsParameters] ListTicketsRequest request, ListTickets list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request with
        {
            CreatedFrom = AsUtc(request.CreatedFrom),
            CreatedTo = AsUtc(request.CreatedTo),
            DueFrom = AsUtc(request.DueFrom),
            DueTo = AsUtc(request.DueTo),
            ResolvedFrom = AsUtc(request.ResolvedFrom),
            ResolvedTo = AsUtc(request.ResolvedTo),
        }, caller.Value, ct));

    private static async Task<Ok<BulkUpdateResult>> Bulk(BulkUpdateTicketsRequest request, BulkUpdateTickets bulk, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await bulk.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<TicketView>> Get(int number, GetTicket get, CurrentCaller caller, HttpContext http, CancellationToken ct)
    {
        var view = await get.HandleAsync(number, caller.Value, ct);
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<TicketView>> Update(int number, UpdateTicketRequest request, UpdateTicket update, GetTicket get, CurrentCaller caller, HttpContext http, CancellationToken ct)
    {
        await update.HandleAsync(number, request, http.Request.Headers.IfMatch.ToString(), caller.Value, ct);
        var view = await get.HandleAsync(number, caller.Value.IsStaff ? Caller.System : caller.Value, ct);
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<TicketView>> Merge(int number, MergeTicketsRequest request, MergeTickets merge, GetTicket get, CurrentCaller caller, CancellationToken ct)
    {
        await merge.HandleAsync(number, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(number, caller.Value, ct));
    }

    private static async Task<Ok<Page<MessageView>>> Messages(int number, int? limit, string? cursor, ListMessages list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(number, limit, cursor, caller.Value, ct));

    private static async Task<Created<MessageView>> AddMessage(int number, AddMessageRequest request, AddMessage add, CurrentCaller caller, CancellationToken ct)
    {
        var message = await add.HandleAsync(number, request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/tickets/{number}/messages#{message.Id}", message);
    }

    private static async Task<Ok<Page<HistoryView>>> History(int number, int? limit, string? cursor, ListHistory list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(number, limit, cursor, caller.Value, ct));

    private static async Task<Ok<TicketView>> Link(int number, LinkTicketsRequest request, LinkTickets link, GetTicket get, CurrentCaller caller, CancellationToken ct)
    {
        await link.HandleAsync(number, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(number, caller.Value, ct));
    }

    private static async Task<NoContent> Unlink(int number, [FromBody] UnlinkTicketsRequest request, UnlinkTickets unlink, CurrentCaller caller, CancellationToken ct)
    {
        await unlink.HandleAsync(number, request, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TicketView>> Watch(int number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WatcherRequest? request, WatchTicket watch, GetTicket get, CurrentCaller caller, CancellationToken ct)
    {
        await watch.HandleAsync(number, request ?? new WatcherRequest(null), true, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(number, caller.Value, ct));
    }

    private static async Task<NoContent> Unwatch(int number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WatcherRequest? request, WatchTicket watch, CurrentCaller caller, CancellationToken ct)
    {
        await watch.HandleAsync(number, request ?? new WatcherRequest(null), false, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<TimeEntryView>>> TimeEntries(int number, ListTimeEntries list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(number, caller.Value, ct));

    private static async Task<Created<TimeEntryView>> LogTime(int number, LogTimeRequest request, LogTime log, CurrentCaller caller, CancellationToken ct)
    {
        var entry = await log.HandleAsync(number, request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/tickets/{number}/time-entries#{entry.Id}", entry);
    }

    /// <summary>Query dates without a zone are UTC, as API.md says of every timestamp.</summary>
    internal static DateTime? AsUtc(DateTime? value) =>
        value is { Kind: DateTimeKind.Unspecified } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : value?.ToUniversalTime();
}
