using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Automation;

/// <summary>PATCH: only the properties present change.</summary>
public sealed record UpdateAutomationRuleRequest
{
    public Optional<string> Name { get; init; }
    public Optional<bool> Enabled { get; init; }
    public Optional<int> Position { get; init; }
    public Optional<bool> StopProcessing { get; init; }
    public Optional<JsonNode> Trigger { get; init; }
    public Optional<JsonNode> Conditions { get; init; }
    /// <summary>A webhook action sent without its secret keeps the stored one when the URL is unchanged.</summary>
    public Optional<JsonNode> Actions { get; init; }
}

/// <summary>Changes a rule (admins): rename, enable or disable, move, or rewrite its trigger, conditions and actions.</summary>
public sealed class UpdateAutomationRule(AtendeDb db, TimeProvider clock, IDataProtectionProvider protection)
{
    public async Task<AutomationRuleView> HandleAsync(int id, UpdateAutomationRuleRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Automation rule {id}");
        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, AutomationRule.NameMaxLength, required: true) : rule.Name;
        var trigger = request.Trigger.IsSet ? RuleTrigger.Parse(request.Trigger.Value, errors) : rule.Trigger;
        var conditionsJson = rule.ConditionsJson;
        if (request.Conditions.IsSet)
        {
            var conditions = request.Conditions.Value?.DeepClone();
            ConditionParser.Parse(conditions, errors);
            conditionsJson = (conditions ?? new JsonObject { ["all"] = new JsonArray() }).ToJsonString();
        }
        var actionsJson = rule.ActionsJson;
        if (request.Actions.IsSet)
        {
            var previous = RuleActionParser.ParseStored(rule.ActionsJson);
            var actions = RuleActionParser.Parse(request.Actions.Value, errors, s => CreateAutomationRule.WebhookProtect(protection, s), previous);
            await CreateAutomationRule.CheckReferencesAsync(db, actions, errors, ct);
            actionsJson = RuleActionParser.ToStoredJson(actions);
        }
        if (request.Position.IsSet)
        {
            errors.Range("position", request.Position.Value, 0, 1_000_000);
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        rule.Rename(name!, now);
        rule.Change(trigger, conditionsJson, actionsJson);
        rule.Configure(request.Enabled.IsSet ? request.Enabled.Value : rule.Enabled,
            request.StopProcessing.IsSet ? request.StopProcessing.Value : rule.StopProcessing, now);
        if (request.Position.IsSet)
        {
            rule.MoveTo(request.Position.Value, now);
        }
        await db.SaveChangesAsync(ct);
        return AutomationRuleView.Of(rule);
    }
}
