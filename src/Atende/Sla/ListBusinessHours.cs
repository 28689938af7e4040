using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>Every calendar, by name (staff). An instance holds a handful, so there is no paging.</summary>
public sealed class ListBusinessHours(AtendeDb db)
{
    public async Task<IReadOnlyList<BusinessHoursView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var all = await db.BusinessHours.AsNoTracking().Include(h => h.Holidays).OrderBy(h => h.Name).ToListAsync(ct);
        var usage = await db.SlaPolicies.Where(p => p.BusinessHoursId != null)
            .GroupBy(p => p.BusinessHoursId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return all.Select(h => BusinessHoursView.Of(h, usage.GetValueOrDefault(h.Id))).ToList();
    }
}
