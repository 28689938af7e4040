using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>Reads one calendar (staff: agents see what their due times are measured in).</summary>
public sealed class GetBusinessHours(AtendeDb db)
{
    public async Task<BusinessHoursView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var hours = await db.BusinessHours.AsNoTracking().Include(h => h.Holidays).FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundException($"Business hours {id}");
        return BusinessHoursView.Of(hours, await db.SlaPolicies.CountAsync(p => p.BusinessHoursId == id, ct));
    }
}
