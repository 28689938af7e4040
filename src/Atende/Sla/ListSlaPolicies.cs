using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>Every policy in the order they are tried (staff).</summary>
public sealed class ListSlaPolicies(AtendeDb db)
{
    public async Task<IReadOnlyList<SlaPolicyView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var all = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        return all.Select(SlaPolicyView.Of).ToList();
    }
}
