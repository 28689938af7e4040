using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Automation;

namespace Atende.Web.Components.Admin.Automation;

/// <summary>
/// A rule as the editor holds it: plain, bindable values that become the API's JSON on save (the same handlers and
/// parsers check it, so the editor cannot build what the API would refuse). One level of AND/OR groups inside the
/// top group covers "A and (B or C)" without a tree widget.
/// </summary>
public sealed class RuleDraft
{
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public bool StopProcessing { get; set; }
    public string Event { get; set; } = "ticket.created";
    public string? Field { get; set; }
    public int? Amount { get; set; }
    public ConditionGroupDraft Conditions { get; set; } = new();
    public List<ActionDraft> Actions { get; set; } = [new()];

    public JsonObject TriggerJson()
    {
        var json = new JsonObject { ["event"] = Event };
        if (Event == "ticket.updated" && !string.IsNullOrEmpty(Field))
        {
            json["field"] = Field;
        }
        if (RuleTrigger.UnitOf(Event) is { } unit && Amount is not null)
        {
            json[unit] = Amount;
        }
        return json;
    }

    public JsonArray ActionsJson() => new(Actions.Select(a => (JsonNode)a.ToJson()).ToArray());

    public static RuleDraft From(AutomationRuleView view)
    {
        var draft = new RuleDraft
        {
            Name = view.Name,
            Enabled = view.Enabled,
            StopProcessing = view.StopProcessing,
            Event = view.Trigger["event"]!.GetValue<string>(),
            Field = view.Trigger["field"]?.GetValue<string>(),
            Conditions = ConditionGroupDraft.From(view.Conditions),
            Actions = view.Actions.OfType<JsonObject>().Select(ActionDraft.From).ToList(),
        };
        if (RuleTrigger.UnitOf(draft.Event) is { } unit)
        {
            draft.Amount = view.Trigger[unit]?.GetValue<int>();
        }
        return draft;
    }
}

public sealed class ConditionGroupDraft
{
    /// <summary>"all" (every row holds) or "any" (one row is enough).</summary>
    public string Match { get; set; } = "all";
    public List<ConditionDraft> Rows { get; set; } = [];

    public JsonObject ToJson() => new() { [Match] = new JsonArray(Rows.Select(r => (JsonNode)r.ToJson()).ToArray()) };

    public static ConditionGroupDraft From(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return new ConditionGroupDraft();
        }
        if (obj.ContainsKey("field"))
        {
            return new ConditionGroupDraft { Rows = [ConditionDraft.From(obj)] };
        }
        var match = obj.ContainsKey("any") ? "any" : "all";
        var rows = (obj[match] as JsonArray ?? []).OfType<JsonObject>().Select(ConditionDraft.From).ToList();
        return new ConditionGroupDraft { Match = match, Rows = rows };
    }
}

/// <summary>A comparison, or (with <see cref="Group"/>) a nested group.</summary>
public sealed class ConditionDraft
{
    public string Field { get; set; } = "priority";
    public string Operator { get; set; } = "is";
    /// <summary>The value as typed or picked; its JSON type follows the field's kind.</summary>
    public string? Value { get; set; }
    public ConditionGroupDraft? Group { get; set; }

    public ConditionFieldKind Kind => ConditionFields.KindOf(Field) ?? ConditionFieldKind.Text;

    public bool TakesValue => Operator is not ("isEmpty" or "isNotEmpty");

    public bool IsList => Operator is "isAnyOf" or "isNoneOf";

    public JsonNode ToJson()
    {
        if (Group is not null)
        {
            return Group.ToJson();
        }
        var json = new JsonObject { ["field"] = Field, ["operator"] = Operator };
        if (TakesValue)
        {
            json["value"] = IsList
                ? new JsonArray((Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Scalar).ToArray())
                : Scalar(Value ?? "");
        }
        return json;
    }

    private JsonNode? Scalar(string text) => Kind switch
    {
        ConditionFieldKind.Reference => int.TryParse(text, CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : JsonValue.Create(text),
        ConditionFieldKind.Boolean => JsonValue.Create(text == "true"),
        ConditionFieldKind.Time when Operator is "withinLast" or "notWithinLast" =>
            double.TryParse(text, CultureInfo.InvariantCulture, out var hours) ? JsonValue.Create(hours) : JsonValue.Create(text),
        ConditionFieldKind.Custom or ConditionFieldKind.Number when decimal.TryParse(text, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(text),
    };

    public static ConditionDraft From(JsonObject obj)
    {
        if (obj.ContainsKey("all") || obj.ContainsKey("any"))
        {
            return new ConditionDraft { Group = ConditionGroupDraft.From(obj) };
        }
        var value = obj["value"];
        return new ConditionDraft
        {
            Field = obj["field"]?.GetValue<string>() ?? "priority",
            Operator = obj["operator"]?.GetValue<string>() ?? "is",
            Value = value switch
            {
                null => null,
                JsonArray list => string.Join(", ", list.Select(Text)),
                _ => Text(value),
            },
        };
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

public sealed class ActionDraft
{
    public string Type { get; set; } = "set";
    /// <summary>set: the field; notify: the audience; assign: the strategy; email: the template.</summary>
    public string? Field { get; set; } = "team";
    public string? Value { get; set; }
    public string? Url { get; set; }
    /// <summary>Typed to change it; empty keeps the stored one.</summary>
    public string? Secret { get; set; }
    public bool HasSecret { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        switch (Type)
        {
            case "set":
                json["field"] = Field;
                json["value"] = Field is "team" or "assignee"
                    ? (int.TryParse(Value, CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : null)
                    : Field is not null && Field.StartsWith(ConditionFields.CustomPrefix, StringComparison.Ordinal) && decimal.TryParse(Value, CultureInfo.InvariantCulture, out var number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(Value);
                break;
            case "addTag" or "removeTag":
                json["value"] = Value;
                break;
            case "assign":
                json["strategy"] = string.IsNullOrEmpty(Value) ? null : Value;
                break;
            case "note":
                json["body"] = Value;
                break;
            case "notify":
                json["to"] = Value;
                break;
            case "email":
                json["template"] = Value;
                break;
            case "addWatcher":
                json["agentId"] = int.TryParse(Value, CultureInfo.InvariantCulture, out var agentId) ? agentId : 0;
                break;
            case "webhook":
                json["url"] = Url;
                if (!string.IsNullOrEmpty(Secret))
                {
                    json["secret"] = Secret;
                }
                break;
            default:
                break;
        }
        return json;
    }

    public static ActionDraft From(JsonObject obj)
    {
        var type = obj["type"]!.GetValue<string>();
        string? Text(string key) => obj[key] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        };
        return new ActionDraft
        {
            Type = type,
            Field = type == "set" ? Text("field") : null,
            Value = type switch
            {
                "set" or "addTag" or "removeTag" => Text("value"),
                "assign" => Text("strategy"),
                "note" => Text("body"),
                "notify" => Text("to"),
                "email" => Text("template"),
                "addWatcher" => Text("agentId"),
                _ => null,
            },
            Url = Text("url"),
            HasSecret = obj["hasSecret"]?.GetValue<bool>() ?? false,
        };
    }
}
