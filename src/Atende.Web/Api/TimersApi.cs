using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atende.Web.Api;

/// <summary>/api/v1/tickets/{number}/timer — the caller's running stopwatch on a ticket; stopping it logs a time entry.</summary>
public static class TimersApi
{
    public static void MapTimersApi(this RouteGroupBuilder api)
    {
        var timer = api.MapGroup("/tickets/{number:int}/timer").WithTags("Tickets");
        timer.MapGet("/", Get).WithSummary("The caller's running timer on the ticket (204 when none runs)");
        timer.MapPost("/", Start).WithSummary("Start the caller's timer (a running one is answered unchanged)");
        timer.MapPost("/stop", Stop).AddEndpointFilter<IdempotencyFilter>().WithSummary("Stop the timer and log the time worked");
        timer.MapDelete("/", Discard).WithSummary("Throw the running timer away without logging time");
    }

    private static async Task<Results<Ok<TimerView>, NoContent>> Get(int number, GetTimer get, CurrentCaller caller, CancellationToken ct) =>
        await get.HandleAsync(number, caller.Value, ct) is { } timer ? TypedResults.Ok(timer) : TypedResults.NoContent();

    private static async Task<Ok<TimerView>> Start(int number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StartTimerRequest? request, StartTimer start, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await start.HandleAsync(number, request ?? new StartTimerRequest(), caller.Value, ct));

    private static async Task<Created<TimeEntryView>> Stop(int number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StopTimerRequest? request, StopTimer stop, CurrentCaller caller, CancellationToken ct)
    {
        var entry = await stop.HandleAsync(number, request ?? new StopTimerRequest(), caller.Value, ct);
        return TypedResults.Created($"/api/v1/tickets/{number}/time-entries#{entry.Id}", entry);
    }

    private static async Task<NoContent> Discard(int number, DiscardTimer discard, CurrentCaller caller, CancellationToken ct)
    {
        await discard.HandleAsync(number, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
