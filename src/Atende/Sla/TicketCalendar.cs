using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>
/// Which working hours apply to a ticket, for the rule condition "business hours now": the calendar of the SLA policy
/// that set its targets (a policy without a calendar runs around the clock), or, for a ticket no policy covers, the
/// desk's first calendar. A desk without any calendar has no business hours to be in: the answer is null, and the
/// condition does not match either way.
/// </summary>
public static class TicketCalendar
{
    public static async Task<bool?> IsOpenAsync(AtendeDb db, int ticketId, DateTime utcNow, CancellationToken ct)
    {
        var policy = await db.SlaTargets.AsNoTracking()
            .Where(t => t.TicketId == ticketId && t.PolicyId != null)
            .OrderByDescending(t => t.Id)
            .Join(db.SlaPolicies, t => t.PolicyId, p => p.Id, (t, p) => new { p.BusinessHoursId })
            .FirstOrDefaultAsync(ct);
        if (policy is { BusinessHoursId: null })
        {
            return true;
        }
        var hoursId = policy?.BusinessHoursId
                      ?? await db.BusinessHours.OrderBy(h => h.Id).Select(h => (int?)h.Id).FirstOrDefaultAsync(ct);
        if (hoursId is null)
        {
            return null;
        }
        var hours = await db.BusinessHours.AsNoTracking().Include(h => h.Holidays).FirstOrDefaultAsync(h => h.Id == hoursId, ct);
        return hours?.ToCalendar().IsOpen(utcNow);
    }
}
