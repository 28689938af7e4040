using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>One request type with its form. An inactive type, or one not offered to customers, does not exist for them (404).</summary>
public sealed class GetRequestType(AtendeDb db)
{
    public async Task<RequestTypeView> HandleAsync(string key, Caller caller, CancellationToken ct)
    {
        var staff = caller.IsStaff;
        var type = await db.RequestTypes.AsNoTracking().Include(t => t.Fields)
            .FirstOrDefaultAsync(t => t.Key == key && (staff || (t.Active && t.VisibleToCustomers)), ct)
            ?? throw new NotFoundException($"Request type '{key}'");
        return staff ? RequestTypeView.Of(type) : RequestTypeView.Of(type).ForCustomers();
    }
}
