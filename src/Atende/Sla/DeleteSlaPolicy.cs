using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>
/// Deletes a policy (admins). Finished targets stay for reports (without their policy); open ones are measured
/// against whichever policy matches their ticket at its next change.
/// </summary>
public sealed class DeleteSlaPolicy(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"SLA policy {id}");
        db.SlaPolicies.Remove(policy);
        await db.SaveChangesAsync(ct);
    }
}
