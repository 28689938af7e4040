using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>
/// Reads one customer. Agents read anyone; a customer reads only their own record (anyone else does not exist
/// for them) and never the team's notes about them.
/// </summary>
public sealed class GetCustomer(AtendeDb db)
{
    public async Task<CustomerView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        if (!caller.IsStaff && caller.CustomerId != id)
        {
            throw new NotFoundException($"Customer {id}");
        }
        var view = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(CustomerView.Projection).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Customer {id}");
        return caller.IsStaff ? view : view with { Notes = null };
    }
}
