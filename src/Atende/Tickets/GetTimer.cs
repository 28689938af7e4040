using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>
/// The caller's running timer on a ticket. <c>elapsedSeconds</c> is measured by the server's clock, so a phone
/// whose clock is off still shows the right time.
/// </summary>
public sealed record TimerView(int Ticket, DateTime StartedAt, bool Billable, string? Note, long ElapsedSeconds);

/// <summary>Reads the caller's running timer on a ticket; null when none runs.</summary>
public sealed class GetTimer(AtendeDb db, TimeProvider clock)
{
    public async Task<TimerView?> HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        var agentId = RequireAgent(caller);
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var timer = await db.TicketTimers.AsNoTracking().FirstOrDefaultAsync(t => t.TicketId == number && t.AgentId == agentId, ct);
        return timer is null ? null : ToView(timer, clock.GetUtcNow().UtcDateTime);
    }

    internal static int RequireAgent(Caller caller)
    {
        caller.RequireStaff();
        return caller.AgentId ?? throw new ForbiddenException("Timers belong to an agent.");
    }

    internal static TimerView ToView(TicketTimer timer, DateTime now) =>
        new(timer.TicketId, timer.StartedAt, timer.Billable, timer.Note, Math.Max(0, (long)(now - timer.StartedAt).TotalSeconds));
}
