using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>
/// Stopping may correct what the clock measured (<c>minutes</c>, for a timer left running over lunch) and the note
/// and billable flag given at start.
/// </summary>
public sealed record StopTimerRequest(string? Note = null, bool? Billable = null, int? Minutes = null);

/// <summary>
/// Stops the caller's timer and logs the time worked through <see cref="LogTime"/>, in one transaction: the timer row
/// is deleted first, so of two stops pressed on two devices only one finds it and only one entry is logged.
/// </summary>
public sealed class StopTimer(AtendeDb db, TimeProvider clock, LogTime logTime, OutboxSignal outbox)
{
    public async Task<TimeEntryView> HandleAsync(int number, StopTimerRequest request, Caller caller, CancellationToken ct)
    {
        var agentId = GetTimer.RequireAgent(caller);
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var timer = await db.TicketTimers.AsNoTracking().FirstOrDefaultAsync(t => t.TicketId == number && t.AgentId == agentId, ct)
            ?? throw new BusinessRuleException($"No timer of yours is running on #{number}.");
        // The delete comes first in the transaction so SQLite takes the write lock at once instead of upgrading a read.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.TicketTimers.Where(t => t.Id == timer.Id).ExecuteDeleteAsync(ct) == 0)
        {
            throw new BusinessRuleException($"No timer of yours is running on #{number}.");
        }
        var minutes = request.Minutes ?? timer.MinutesAt(clock.GetUtcNow().UtcDateTime);
        var entry = await logTime.HandleAsync(number,
            new LogTimeRequest(minutes, request.Note ?? timer.Note, request.Billable ?? timer.Billable), caller, ct);
        await transaction.CommitAsync(ct);
        // SaveChanges wakes the dispatcher only for transactions it owns; this one is ours.
        outbox.Notify();
        return entry;
    }
}
