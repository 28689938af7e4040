using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>Removes a status no ticket uses (admins). Tickets are never moved silently: the admin does that first.</summary>
public sealed class DeleteStatus(AtendeDb db)
{
    public async Task HandleAsync(string key, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        await using var transaction = await db.BeginStatusChangeAsync(ct);
        var all = await db.Statuses.ToListAsync(ct);
        var status = all.FirstOrDefault(s => s.Key == key) ?? throw new NotFoundException($"Status '{key}'");
        var tickets = await db.Tickets.CountAsync(t => t.StatusId == status.Id, ct);
        if (tickets > 0)
        {
            throw new BusinessRuleException(
                $"Status '{key}' is used by {(tickets == 1 ? "1 ticket; move it" : $"{tickets} tickets; move them")} to another status first.");
        }
        TicketStatus.RequireWorkflowEnds(all.Where(s => s != status).ToList());
        db.Statuses.Remove(status);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Ticket writes do not wait for the catalog lock; the foreign key catches one that took this status just now.
            throw new BusinessRuleException($"Status '{key}' was just given to a ticket; move that ticket to another status first.");
        }
        await transaction.CommitAsync(ct);
    }
}
