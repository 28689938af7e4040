using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Tickets;

namespace Atende.Automation;

/// <summary>
/// When a rule runs: a ticket event, optionally narrowed (<c>ticket.updated</c> with a field) or measured
/// (<c>time.idle</c> hours, <c>time.pending</c> days, <c>sla.warning</c> minutes).
/// JSON: <c>{ "event": "time.idle", "hours": 24 }</c>.
/// </summary>
public sealed record RuleTrigger(string Event, string? Field = null, int? Amount = null)
{
    public static readonly IReadOnlyList<string> Events =
    [
        TicketEvents.Created, TicketEvents.Updated, TicketEvents.MessageFromCustomer, TicketEvents.MessageFromAgent,
        TicketEvents.NoteAdded, TicketEvents.TimeIdle, TicketEvents.TimePending, TicketEvents.SlaWarning, TicketEvents.SlaBreached,
    ];

    /// <summary>The fields a <c>ticket.updated</c> trigger may watch (as written in the ticket's history).</summary>
    public static readonly IReadOnlyList<string> WatchableFields =
        ["status", "priority", "type", "team", "assignee", "tags", "fields", "subject", "watchers", "dueAt"];

    /// <summary>The unit of <see cref="Amount"/> for an event, or null when it takes none.</summary>
    public static string? UnitOf(string eventType) => eventType switch
    {
        TicketEvents.TimeIdle => "hours",
        TicketEvents.TimePending => "days",
        TicketEvents.SlaWarning => "minutes",
        _ => null,
    };

    /// <summary>Whether a rule with this trigger wants the event (the time events carry the rule they are for).</summary>
    public bool Wants(TicketEvent change, int ruleId) => change.Type == Event && Event switch
    {
        TicketEvents.Updated => Field is null || change.Fields.Contains(Field),
        TicketEvents.TimeIdle or TicketEvents.TimePending => change.Fields.Contains(ScheduleKey(ruleId)),
        _ => true,
    };

    /// <summary>The key of a time trigger's <c>ScheduledEvent</c>: one timer per rule and ticket.</summary>
    public static string ScheduleKey(int ruleId) => "rule:" + ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["event"] = Event };
        if (Field is not null)
        {
            json["field"] = Field;
        }
        if (Amount is not null && UnitOf(Event) is { } unit)
        {
            json[unit] = Amount;
        }
        return json;
    }

    public static RuleTrigger Parse(JsonNode? node, ValidationErrors errors, string path = "trigger")
    {
        if (node is not JsonObject obj)
        {
            errors.Add(path, "is required: { \"event\": \"ticket.created\" }.");
            return new RuleTrigger(TicketEvents.Created);
        }
        var eventType = obj["event"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (eventType is null || !Events.Contains(eventType))
        {
            errors.Add($"{path}.event", $"must be one of: {string.Join(", ", Events)}.");
            return new RuleTrigger(TicketEvents.Created);
        }
        string? field = null;
        int? amount = null;
        var unit = UnitOf(eventType);
        foreach (var (name, value) in obj)
        {
            if (name == "event")
            {
                continue;
            }
            if (name == "field" && eventType == TicketEvents.Updated)
            {
                if (value is null)
                {
                    continue;
                }
                field = value is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : null;
                if (field is null || (!WatchableFields.Contains(field) && !field.StartsWith(ConditionFields.CustomPrefix, StringComparison.Ordinal)))
                {
                    errors.Add($"{path}.field", $"must be one of: {string.Join(", ", WatchableFields)}.");
                }
                else if (field.StartsWith(ConditionFields.CustomPrefix, StringComparison.Ordinal))
                {
                    // Custom field changes are recorded as one "fields" change.
                    field = "fields";
                }
                continue;
            }
            if (name == unit)
            {
                if (value is not JsonValue n || n.GetValueKind() != JsonValueKind.Number || !n.TryGetValue<int>(out var number) || number < 1 || number > MaxAmount(unit))
                {
                    errors.Add($"{path}.{name}", $"must be a whole number from 1 to {MaxAmount(unit)}.");
                }
                else
                {
                    amount = number;
                }
                continue;
            }
            errors.Add($"{path}.{name}", $"is not part of a '{eventType}' trigger.");
        }
        // sla.warning fires when the policy says (its minutes are informative); the timers need their amount.
        if (unit is not null && eventType != TicketEvents.SlaWarning && amount is null && !obj.ContainsKey(unit))
        {
            errors.Add($"{path}.{unit}", "is required.");
        }
        return new RuleTrigger(eventType, field, amount);
    }

    private static int MaxAmount(string unit) => unit switch
    {
        "hours" => 24 * 365,
        "days" => 365,
        _ => 60 * 24 * 30,
    };
}
