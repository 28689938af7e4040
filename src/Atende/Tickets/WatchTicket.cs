using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record WatcherRequest(int? AgentId);

/// <summary>Adds or removes an agent as a watcher (the caller when no agent is named).</summary>
public sealed class WatchTicket(AtendeDb db, TimeProvider clock)
{
    public Task HandleAsync(int number, WatcherRequest request, bool watch, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => ChangeAsync(number, request, watch, caller, ct));

    private async Task<bool> ChangeAsync(int number, WatcherRequest request, bool watch, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var agentId = request.AgentId ?? caller.AgentId ?? throw InvalidRequestException.For("agentId", "is required.");
        var ticket = await db.Tickets.VisibleTo(caller).Include(t => t.Watchers).FirstOrDefaultAsync(t => t.Id == number, ct)
            ?? throw new NotFoundException($"Ticket #{number}");
        if (!await db.Agents.AnyAsync(a => a.Id == agentId && a.Active, ct))
        {
            throw InvalidRequestException.For("agentId", "is not an active agent.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (watch)
        {
            ticket.Watch(agentId, caller, now);
        }
        else
        {
            ticket.Unwatch(agentId, caller, now);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
