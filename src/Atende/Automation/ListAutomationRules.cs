using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

/// <summary>Every rule in the order they run (admins). A desk has tens of rules, not thousands: no paging.</summary>
public sealed class ListAutomationRules(AtendeDb db)
{
    public async Task<IReadOnlyList<AutomationRuleView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var rules = await db.AutomationRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        return rules.Select(AutomationRuleView.Of).ToList();
    }
}
