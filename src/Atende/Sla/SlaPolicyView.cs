using System.Text.Json.Nodes;
using Atende.Automation;
using Atende.Tickets;

namespace Atende.Sla;

/// <summary>A policy as API.md shows it.</summary>
public sealed record SlaPolicyView(
    int Id,
    string Name,
    int Position,
    int? BusinessHoursId,
    JsonNode Conditions,
    IReadOnlyDictionary<string, SlaTargetMinutes> Targets,
    int WarningMinutes)
{
    public static SlaPolicyView Of(SlaPolicy policy) => new(
        policy.Id, policy.Name, policy.Position, policy.BusinessHoursId, JsonNode.Parse(policy.ConditionsJson)!,
        policy.Targets.OrderByDescending(t => t.Key).ToDictionary(t => SlaPolicy.PriorityKey(t.Key), t => t.Value),
        policy.WarningMinutes);
}

/// <summary>What POST takes, and PATCH for the properties it carries.</summary>
public sealed record SlaPolicyRequest(
    string? Name,
    int? Position,
    int? BusinessHoursId,
    JsonNode? Conditions,
    IReadOnlyDictionary<string, SlaTargetMinutes?>? Targets,
    int? WarningMinutes);

/// <summary>Checks the parts of a policy; errors are placed as the API names them (targets.urgent.resolutionMinutes).</summary>
internal static class SlaPolicyInput
{
    /// <summary>A year of working minutes is far beyond any service target; more is a typo.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    public static IReadOnlyDictionary<Priority, SlaTargetMinutes> Targets(IReadOnlyDictionary<string, SlaTargetMinutes?>? targets, ValidationErrors errors)
    {
        var result = new Dictionary<Priority, SlaTargetMinutes>();
        if (targets is null)
        {
            errors.Add("targets", "is required: { \"urgent\": { \"firstResponseMinutes\": 30, ... }, \"high\": ..., \"normal\": ..., \"low\": ... }.");
            return result;
        }
        foreach (var (key, value) in targets)
        {
            var priority = Enum.GetValues<Priority>().Cast<Priority?>().FirstOrDefault(p => SlaPolicy.PriorityKey(p!.Value) == key);
            if (priority is null)
            {
                errors.Add($"targets.{key}", "is not a priority: urgent, high, normal or low.");
                continue;
            }
            if (value is null)
            {
                continue;
            }
            Minutes($"targets.{key}.firstResponseMinutes", value.FirstResponseMinutes, errors);
            Minutes($"targets.{key}.nextResponseMinutes", value.NextResponseMinutes, errors);
            Minutes($"targets.{key}.resolutionMinutes", value.ResolutionMinutes, errors);
            result[priority.Value] = value;
        }
        return result;
    }

    private static void Minutes(string field, int? minutes, ValidationErrors errors)
    {
        if (minutes is { } m && (m < 1 || m > MaxMinutes))
        {
            errors.Add(field, $"must be between 1 and {MaxMinutes} minutes.");
        }
    }

    public static JsonNode? Conditions(JsonNode? conditions, ValidationErrors errors)
    {
        ConditionParser.Parse(conditions, errors);
        return conditions;
    }
}
