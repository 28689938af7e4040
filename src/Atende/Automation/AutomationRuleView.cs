using System.Text.Json.Nodes;

namespace Atende.Automation;

/// <summary>A rule as the API and the editor see it. A webhook action shows <c>hasSecret</c>, never the secret.</summary>
public sealed record AutomationRuleView(int Id, string Name, bool Enabled, int Position, bool StopProcessing,
    JsonObject Trigger, JsonNode Conditions, JsonArray Actions, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AutomationRuleView Of(AutomationRule rule) => new(rule.Id, rule.Name, rule.Enabled, rule.Position, rule.StopProcessing,
        rule.Trigger.ToJson(), JsonNode.Parse(rule.ConditionsJson) ?? new JsonObject { ["all"] = new JsonArray() },
        RuleActionParser.ToJson(RuleActionParser.ParseStored(rule.ActionsJson)), rule.CreatedAt, rule.UpdatedAt);
}

public sealed record RuleFiringView(long Id, int RuleId, int TicketNumber, string Event, int Depth, RuleFiringOutcome Outcome, string Detail, DateTime At);

/// <summary>The tester's answer: would the rule fire on this ticket now, and if not, why.</summary>
public sealed record RuleTestResult(bool WouldFire, IReadOnlyList<string> Reasons, IReadOnlyList<JsonObject> Actions);
