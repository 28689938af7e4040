using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>Deletes a calendar no policy uses (admins): a policy without its calendar could not measure anything.</summary>
public sealed class DeleteBusinessHours(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var hours = await db.BusinessHours.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException($"Business hours {id}");
        var used = await db.SlaPolicies.Where(p => p.BusinessHoursId == id).Select(p => p.Name).ToListAsync(ct);
        if (used.Count > 0)
        {
            throw new BusinessRuleException($"The calendar '{hours.Name}' is used by the SLA policies {string.Join(", ", used.Select(n => $"'{n}'"))}; choose another calendar there first.");
        }
        db.BusinessHours.Remove(hours);
        await db.SaveChangesAsync(ct);
    }
}
