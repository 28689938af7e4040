using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed class ListTimeEntries(AtendeDb db)
{
    public async Task<Page<TimeEntryView>> HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var entries = await db.TimeEntries.AsNoTracking()
            .Where(e => e.TicketId == number)
            .OrderBy(e => e.Id)
            .Join(db.Agents, e => e.AgentId, a => a.Id, (e, a) => new TimeEntryView(e.Id, e.Minutes, e.Note, e.Billable, new NamedRef(a.Id, a.Name), e.CreatedAt))
            .ToListAsync(ct);
        return new Page<TimeEntryView>(entries, null);
    }
}
