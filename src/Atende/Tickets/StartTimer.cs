using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record StartTimerRequest(bool? Billable = null, string? Note = null);

/// <summary>
/// Starts the caller's timer on a ticket. Starting a timer that already runs changes nothing and answers the
/// running one, so a second tap on another device does not reset the clock.
/// </summary>
public sealed class StartTimer(AtendeDb db, TimeProvider clock)
{
    public async Task<TimerView> HandleAsync(int number, StartTimerRequest request, Caller caller, CancellationToken ct)
    {
        var agentId = GetTimer.RequireAgent(caller);
        var errors = new ValidationErrors();
        var note = errors.Text("note", request.Note, 2000);
        errors.ThrowIfAny();
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var running = await db.TicketTimers.AsNoTracking().FirstOrDefaultAsync(t => t.TicketId == number && t.AgentId == agentId, ct);
        if (running is not null)
        {
            return GetTimer.ToView(running, now);
        }
        var timer = new TicketTimer(number, agentId, request.Billable ?? true, note, now);
        db.TicketTimers.Add(timer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Started on another device in the same instant: the unique index kept one; that one is the timer.
            db.ChangeTracker.Clear();
            running = await db.TicketTimers.AsNoTracking().FirstOrDefaultAsync(t => t.TicketId == number && t.AgentId == agentId, ct);
            if (running is null)
            {
                throw;
            }
            return GetTimer.ToView(running, now);
        }
        return GetTimer.ToView(timer, now);
    }
}
