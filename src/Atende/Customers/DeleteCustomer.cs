using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>
/// Deletes a customer who never asked for anything (admins), with their sign-in account and search entry.
/// Someone with tickets or messages stays: removing them would rewrite the history of those tickets.
/// </summary>
public sealed class DeleteCustomer(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Customer {id}");
        if (await db.Tickets.AnyAsync(t => t.RequesterId == id, ct) || await db.Messages.AnyAsync(m => m.AuthorCustomerId == id, ct))
        {
            throw new BusinessRuleException($"{customer.Name} has tickets or messages; a customer with history cannot be deleted.");
        }

        db.Customers.Remove(customer);
        db.SearchDocuments.RemoveRange(await db.SearchDocuments.Where(d => d.Kind == SearchDocumentKind.Customer && d.CustomerId == id).ToListAsync(ct));
        if (customer.AccountId is { } accountId && await db.Users.FirstOrDefaultAsync(u => u.Id == accountId, ct) is { } account)
        {
            db.Users.Remove(account);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessRuleException($"{customer.Name} got a ticket or message while being deleted; a customer with history cannot be deleted.");
        }
    }
}
