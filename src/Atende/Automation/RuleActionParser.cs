using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Agents;
using Atende.Catalog;

namespace Atende.Automation;

/// <summary>
/// Reads a rule's actions from the API's JSON, refusing what could not run, with errors placed at
/// <c>actions[2].value</c>. References (status keys, team ids...) are checked against the desk by the handler that
/// saves the rule; this part checks shapes. A webhook's plain secret is turned into its protected form here, and is
/// never written back out.
/// </summary>
public static class RuleActionParser
{
    public const int MaxActions = 20;
    public const int MaxNoteLength = 10_000;
    public const int MaxUrlLength = 2000;

    public static readonly IReadOnlyList<string> Types =
        ["set", "addTag", "removeTag", "assign", "note", "notify", "email", "addWatcher", "escalate", "webhook"];

    public static readonly IReadOnlyList<string> SettableFields = ["status", "priority", "type", "team", "assignee"];

    /// <param name="protect">Protects a webhook secret typed by the admin.</param>
    /// <param name="previous">The rule's actions before this change: a webhook keeps its secret when none is sent again for the same URL.</param>
    public static IReadOnlyList<RuleAction> Parse(JsonNode? node, ValidationErrors errors, Func<string, string> protect,
        IReadOnlyList<RuleAction>? previous = null, string path = "actions")
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, "must be a list of actions.");
            return [];
        }
        if (list.Count is 0 or > MaxActions)
        {
            errors.Add(path, $"must hold 1 to {MaxActions} actions.");
            return [];
        }
        var actions = new List<RuleAction>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var place = $"{path}[{i}]";
            if (list[i] is not JsonObject obj)
            {
                errors.Add(place, "must be an object with a \"type\".");
                continue;
            }
            var action = ParseOne(obj, errors, place, protect, previous?.ElementAtOrDefault(i));
            if (action is not null)
            {
                actions.Add(action);
            }
        }
        return actions;
    }

    /// <summary>Reads what <see cref="ToStoredJson"/> wrote (already checked when saved).</summary>
    public static IReadOnlyList<RuleAction> ParseStored(string json)
    {
        var errors = new ValidationErrors();
        var list = JsonNode.Parse(json) as JsonArray ?? [];
        var actions = new List<RuleAction>(list.Count);
        foreach (var item in list.OfType<JsonObject>())
        {
            if (Text(item["type"]) == "webhook")
            {
                actions.Add(new WebhookAction(Text(item["url"]) ?? "", Text(item["protectedSecret"])));
                continue;
            }
            if (ParseOne(item, errors, "stored", s => s, null) is { } action)
            {
                actions.Add(action);
            }
        }
        return actions;
    }

    public static string ToStoredJson(IReadOnlyList<RuleAction> actions) =>
        new JsonArray(actions.Select(a => (JsonNode)(a is WebhookAction hook ? hook.ToStored() : a.ToJson())).ToArray()).ToJsonString();

    public static JsonArray ToJson(IReadOnlyList<RuleAction> actions) =>
        new(actions.Select(a => (JsonNode)a.ToJson()).ToArray());

    private static RuleAction? ParseOne(JsonObject obj, ValidationErrors errors, string path, Func<string, string> protect, RuleAction? previous)
    {
        var type = Text(obj["type"]);
        if (type is null || !Types.Contains(type))
        {
            errors.Add($"{path}.type", $"must be one of: {string.Join(", ", Types)}.");
            return null;
        }
        string[] allowed = type switch
        {
            "set" => ["type", "field", "value"],
            "addTag" or "removeTag" => ["type", "value"],
            "assign" => ["type", "strategy"],
            "note" => ["type", "body"],
            "notify" => ["type", "to"],
            "email" => ["type", "template"],
            "addWatcher" => ["type", "agentId"],
            "webhook" => ["type", "url", "secret", "hasSecret"],
            _ => ["type"],
        };
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name))
            {
                errors.Add($"{path}.{name}", $"is not part of a '{type}' action ({string.Join(", ", allowed)}).");
            }
        }
        switch (type)
        {
            case "set":
                return ParseSet(obj, errors, path);
            case "addTag" or "removeTag":
                var tag = EnsureTags.ValidateName($"{path}.value", Text(obj["value"]), errors);
                return tag is null ? null : type == "addTag" ? new AddTagAction(tag) : new RemoveTagAction(tag);
            case "assign":
                var strategyName = Text(obj["strategy"]);
                if (strategyName is null)
                {
                    if (obj["strategy"] is not null)
                    {
                        errors.Add($"{path}.strategy", "must be text.");
                    }
                    return new AssignAction(null);
                }
                var strategy = Enum.GetValues<AssignmentStrategy>().Cast<AssignmentStrategy?>()
                    .FirstOrDefault(s => JsonNamingPolicy.CamelCase.ConvertName(s!.Value.ToString()) == strategyName);
                if (strategy is null)
                {
                    errors.Add($"{path}.strategy", "must be one of: manual, roundRobin, leastOpen, loadCapped (or absent: the team's own).");
                }
                return new AssignAction(strategy);
            case "note":
                var body = errors.Text($"{path}.body", Text(obj["body"]), MaxNoteLength, required: true);
                return body is null ? null : new NoteAction(body);
            case "notify":
                var to = Text(obj["to"]);
                if (to is "assignee" or "team" or "lead" or "watchers" || (to is not null && AgentOf(to) is not null))
                {
                    return new NotifyAction(to);
                }
                errors.Add($"{path}.to", "must be assignee, team, lead (the team's lead), watchers or agent:<id>.");
                return null;
            case "email":
                var template = Text(obj["template"]);
                if (template is null || !RuleEmailTemplates.Keys.Contains(template))
                {
                    errors.Add($"{path}.template", $"must be one of: {string.Join(", ", RuleEmailTemplates.Keys)}.");
                    return null;
                }
                return new EmailAction(template);
            case "addWatcher":
                if (obj["agentId"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number && id.TryGetValue<int>(out var agentId) && agentId > 0)
                {
                    return new AddWatcherAction(agentId);
                }
                errors.Add($"{path}.agentId", "must be an agent id.");
                return null;
            case "escalate":
                return new EscalateAction();
            case "webhook":
                var url = Text(obj["url"]);
                if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    errors.Add($"{path}.url", "must be an absolute http(s) address.");
                    return null;
                }
                var secret = Text(obj["secret"]);
                if (secret is { Length: > 500 })
                {
                    errors.Add($"{path}.secret", "must be at most 500 characters.");
                    return null;
                }
                // No secret sent: keep the stored one for the same address (the API never shows it to send back).
                var kept = previous is WebhookAction old && old.Url == url ? old.ProtectedSecret : null;
                return new WebhookAction(url, secret is { Length: > 0 } ? protect(secret) : kept);
            default:
                return null;
        }
    }

    private static SetFieldAction? ParseSet(JsonObject obj, ValidationErrors errors, string path)
    {
        var field = Text(obj["field"]);
        var isCustom = field is not null && field.StartsWith(ConditionFields.CustomPrefix, StringComparison.Ordinal) && field.Length > ConditionFields.CustomPrefix.Length;
        if (field is null || (!SettableFields.Contains(field) && !isCustom))
        {
            errors.Add($"{path}.field", $"must be one of: {string.Join(", ", SettableFields)}, or fields.<key>.");
            return null;
        }
        var value = obj["value"]?.DeepClone();
        switch (field)
        {
            case "status" or "type":
                if (Text(value) is null)
                {
                    errors.Add($"{path}.value", "must be a key (text).");
                    return null;
                }
                break;
            case "priority":
                if (Text(value) is not ("low" or "normal" or "high" or "urgent"))
                {
                    errors.Add($"{path}.value", "must be one of: low, normal, high, urgent.");
                    return null;
                }
                break;
            case "team" or "assignee":
                if (value is not null && (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out var id) || id <= 0))
                {
                    errors.Add($"{path}.value", "must be an id, or null to clear it.");
                    return null;
                }
                break;
            default:
                break;
        }
        return new SetFieldAction(field, value);
    }

    /// <summary>The agent id of <c>agent:&lt;id&gt;</c>, or null.</summary>
    public static int? AgentOf(string to) =>
        to.StartsWith("agent:", StringComparison.Ordinal) && int.TryParse(to.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
