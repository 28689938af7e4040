using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

public sealed class GetAutomationRule(AtendeDb db)
{
    public async Task<AutomationRuleView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var rule = await db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Automation rule {id}");
        return AutomationRuleView.Of(rule);
    }
}
