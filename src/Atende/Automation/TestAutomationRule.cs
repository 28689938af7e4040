using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

public sealed record TestAutomationRuleRequest(int? TicketNumber);

/// <summary>
/// "Would this rule fire on that ticket now?" (admins) — the same facts and evaluator the engine uses, nothing changed.
/// Says why not, comparison by comparison.
/// </summary>
public sealed class TestAutomationRule(AtendeDb db, TimeProvider clock)
{
    public async Task<RuleTestResult> HandleAsync(int id, TestAutomationRuleRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        if (request.TicketNumber is not { } number)
        {
            throw InvalidRequestException.For("ticketNumber", "is required.");
        }
        var rule = await db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Automation rule {id}");
        var facts = await TicketFacts.ReadAsync(db, number, ct) ?? throw new NotFoundException($"Ticket #{number}");
        var parsed = ParsedRule.From(rule);
        var now = clock.GetUtcNow().UtcDateTime;
        if (parsed.Conditions.Mentions("businessHours"))
        {
            facts.InBusinessHours = await Sla.TicketCalendar.IsOpenAsync(db, facts.TicketId, now, ct);
        }
        var reasons = ConditionEvaluator.Explain(parsed.Conditions, facts, now).ToList();
        if (!rule.Enabled)
        {
            reasons.Add("the rule is disabled");
        }
        return new RuleTestResult(reasons.Count == 0, reasons, parsed.Actions.Select(a => a.ToJson()).ToList());
    }
}
