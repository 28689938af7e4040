using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>Reads one organization (agents).</summary>
public sealed class GetOrganization(AtendeDb db)
{
    public async Task<OrganizationView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(OrganizationView.Projection(db.Customers))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Organization {id}");
    }
}
