using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

public sealed record UnlinkTicketsRequest(int? Number);

public sealed class UnlinkTickets(AtendeDb db, TimeProvider clock)
{
    public Task HandleAsync(int number, UnlinkTicketsRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(() => UnlinkAsync(number, request, caller, ct));

    private async Task<bool> UnlinkAsync(int number, UnlinkTicketsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var other = request.Number ?? throw InvalidRequestException.For("number", "is required.");
        var ticket = await db.Tickets.VisibleTo(caller).FirstOrDefaultAsync(t => t.Id == number, ct)
            ?? throw new NotFoundException($"Ticket #{number}");
        var rows = await db.TicketLinks
            .Where(l => (l.TicketId == number && l.LinkedTicketId == other) || (l.TicketId == other && l.LinkedTicketId == number))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            throw new NotFoundException($"A link from #{number} to #{other}");
        }
        var kind = rows.First(r => r.TicketId == number).Kind;
        db.TicketLinks.RemoveRange(rows);
        ticket.NoteLink($"{kind.ToString().ToLowerInvariant()} #{other}", null, caller, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
