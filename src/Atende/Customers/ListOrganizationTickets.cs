using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>
/// The tickets of one organization (agents): the ticket list filtered by organization, so the same visibility,
/// sorting and paging rules apply.
/// </summary>
public sealed class ListOrganizationTickets(AtendeDb db, ListTickets listTickets)
{
    public async Task<Page<TicketSummary>> HandleAsync(int id, int? limit, string? cursor, string? sort, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (!await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            throw new NotFoundException($"Organization {id}");
        }
        return await listTickets.HandleAsync(new ListTicketsRequest { Organization = id, Limit = limit, Cursor = cursor, Sort = sort }, caller, ct);
    }
}
