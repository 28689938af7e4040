using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>Throws the caller's running timer away without logging anything (started by mistake). Nothing running is fine.</summary>
public sealed class DiscardTimer(AtendeDb db)
{
    public async Task HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        var agentId = GetTimer.RequireAgent(caller);
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        await db.TicketTimers.Where(t => t.TicketId == number && t.AgentId == agentId).ExecuteDeleteAsync(ct);
    }
}
