using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

/// <summary>Removes a rule (admins) with its firings and pending timers; history rows keep its name.</summary>
public sealed class DeleteAutomationRule(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Automation rule {id}");
        var key = RuleTrigger.ScheduleKey(id);
        db.ScheduledEvents.RemoveRange(await db.ScheduledEvents
            .Where(e => e.Key == key && (e.Type == TicketEvents.TimeIdle || e.Type == TicketEvents.TimePending)).ToListAsync(ct));
        db.AutomationRules.Remove(rule);
        await db.SaveChangesAsync(ct);
    }
}
