using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

public sealed record ReorderAutomationRulesRequest(IReadOnlyList<int>? Ids);

/// <summary>Puts the rules in the given order (admins): positions 10, 20, 30... Every rule must be named once.</summary>
public sealed class ReorderAutomationRules(AtendeDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AutomationRuleView>> HandleAsync(ReorderAutomationRulesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var ids = request.Ids ?? [];
        var rules = await db.AutomationRules.ToListAsync(ct);
        if (ids.Distinct().Count() != ids.Count || ids.Count != rules.Count || rules.Any(r => !ids.Contains(r.Id)))
        {
            throw InvalidRequestException.For("ids", "must list every rule's id exactly once.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < ids.Count; i++)
        {
            rules.First(r => r.Id == ids[i]).MoveTo((i + 1) * 10, now);
        }
        await db.SaveChangesAsync(ct);
        return rules.OrderBy(r => r.Position).Select(AutomationRuleView.Of).ToList();
    }
}
