using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>Reads one policy (staff).</summary>
public sealed class GetSlaPolicy(AtendeDb db)
{
    public async Task<SlaPolicyView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var policy = await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"SLA policy {id}");
        return SlaPolicyView.Of(policy);
    }
}
