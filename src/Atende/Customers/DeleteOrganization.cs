using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>
/// Deletes an organization (admins). Its contacts and tickets stay, without an organization (the foreign keys
/// set it to null), so nobody loses a request; colleagues no longer see each other's tickets through it.
/// </summary>
public sealed class DeleteOrganization(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var organization = await db.Organizations.Include(o => o.Domains).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException($"Organization {id}");
        db.Organizations.Remove(organization);
        await db.SaveChangesAsync(ct);
    }
}
