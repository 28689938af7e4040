using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

public sealed record CreateAutomationRuleRequest
{
    public string? Name { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>Where it runs among the others; absent: last.</summary>
    public int? Position { get; init; }
    public bool StopProcessing { get; init; }
    public JsonNode? Trigger { get; init; }
    public JsonNode? Conditions { get; init; }
    public JsonNode? Actions { get; init; }
}

/// <summary>Adds an automation rule (admins). Everything is checked before it is saved, with errors at their place.</summary>
public sealed class CreateAutomationRule(AtendeDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public async Task<AutomationRuleView> HandleAsync(CreateAutomationRuleRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, AutomationRule.NameMaxLength, required: true);
        var trigger = RuleTrigger.Parse(request.Trigger, errors);
        var conditions = request.Conditions?.DeepClone();
        ConditionParser.Parse(conditions, errors);
        var actions = RuleActionParser.Parse(request.Actions, errors, s => WebhookProtect(protection, s));
        errors.Range("position", request.Position, 0, 1_000_000);
        await CheckReferencesAsync(db, actions, errors, ct);
        errors.ThrowIfAny();

        var position = request.Position ?? ((await db.AutomationRules.MaxAsync(r => (int?)r.Position, ct)) ?? 0) + 10;
        var rule = new AutomationRule(name!, trigger, (conditions ?? new JsonObject { ["all"] = new JsonArray() }).ToJsonString(),
            RuleActionParser.ToStoredJson(actions), position, request.Enabled, request.StopProcessing, clock.GetUtcNow().UtcDateTime);
        db.AutomationRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return AutomationRuleView.Of(rule);
    }

    internal static string WebhookProtect(IDataProtectionProvider protection, string secret) =>
        Webhooks.WebhookRequest.ProtectSecret(protection, secret);

    /// <summary>Keys and ids must name what exists now; a rule pointing at nothing would fail on every event.</summary>
    internal static async Task CheckReferencesAsync(AtendeDb db, IReadOnlyList<RuleAction> actions, ValidationErrors errors, CancellationToken ct)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            var path = $"actions[{i}]";
            switch (actions[i])
            {
                case SetFieldAction { Field: "status", Value: { } status } when !await db.Statuses.AnyAsync(s => s.Key == status.GetValue<string>(), ct):
                    errors.Add($"{path}.value", $"'{status}' is not a status.");
                    break;
                case SetFieldAction { Field: "type", Value: { } type } when !await db.RequestTypes.AnyAsync(r => r.Key == type.GetValue<string>() && r.Active, ct):
                    errors.Add($"{path}.value", $"'{type}' is not an active request type.");
                    break;
                case SetFieldAction { Field: "team", Value: { } team } when !await db.Teams.AnyAsync(t => t.Id == team.GetValue<int>(), ct):
                    errors.Add($"{path}.value", "is not a team.");
                    break;
                case SetFieldAction { Field: "assignee", Value: { } agent } when !await db.Agents.AnyAsync(a => a.Id == agent.GetValue<int>() && a.Active, ct):
                    errors.Add($"{path}.value", "is not an active agent.");
                    break;
                case AddWatcherAction watcher when !await db.Agents.AnyAsync(a => a.Id == watcher.AgentId && a.Active, ct):
                    errors.Add($"{path}.agentId", "is not an active agent.");
                    break;
                case NotifyAction notify when RuleActionParser.AgentOf(notify.To) is { } id && !await db.Agents.AnyAsync(a => a.Id == id && a.Active, ct):
                    errors.Add($"{path}.to", "names an agent who is not active.");
                    break;
                default:
                    break;
            }
        }
    }
}
