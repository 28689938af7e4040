using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>
/// The service catalog with each type's form, in catalog order. Customers see only the active types offered to them
/// (what the portal offers); staff see all, or filter with <paramref name="active"/>. A catalog is small, so one page holds it.
/// </summary>
public sealed class ListRequestTypes(AtendeDb db)
{
    public async Task<Page<RequestTypeView>> HandleAsync(bool? active, Caller caller, CancellationToken ct)
    {
        var query = db.RequestTypes.AsNoTracking().Include(t => t.Fields).AsQueryable();
        if (!caller.IsStaff)
        {
            query = query.Where(t => t.Active && t.VisibleToCustomers);
        }
        if (active is { } wanted)
        {
            query = query.Where(t => t.Active == wanted);
        }
        var types = await query.OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct);
        var views = types.Select(RequestTypeView.Of);
        return new Page<RequestTypeView>((caller.IsStaff ? views : views.Select(v => v.ForCustomers())).ToList(), null);
    }
}
