using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>
/// Removes a request type no ticket uses, with its form (admins). A type with tickets keeps its history meaningful:
/// the admin deactivates it instead, which takes it off the portal and the type pickers.
/// </summary>
public sealed class DeleteRequestType(AtendeDb db)
{
    public async Task HandleAsync(string key, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        await using var transaction = await db.BeginRequestTypeChangeAsync(ct);
        var type = await db.RequestTypes.Include(t => t.Fields).FirstOrDefaultAsync(t => t.Key == key, ct)
            ?? throw new NotFoundException($"Request type '{key}'");
        if (type.IsDefault)
        {
            throw new BusinessRuleException($"'{key}' is the default request type; make another type the default before deleting it.");
        }
        var tickets = await db.Tickets.CountAsync(t => t.RequestTypeId == type.Id, ct);
        if (tickets > 0)
        {
            throw new BusinessRuleException(
                $"Request type '{key}' is used by {(tickets == 1 ? "1 ticket" : $"{tickets} tickets")}; deactivate it instead (\"active\": false).");
        }
        db.RequestTypes.Remove(type);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Ticket writes do not wait for the catalog lock; the foreign key catches one that took this type just now.
            throw new BusinessRuleException($"Request type '{key}' was just given to a ticket; deactivate it instead (\"active\": false).");
        }
        await transaction.CommitAsync(ct);
    }
}
