using System.Text.Json.Nodes;
using Atende.Agents;

namespace Atende.Automation;

/// <summary>
/// One thing a rule does to the ticket that woke it. JSON per API.md, e.g. <c>{ "type": "set", "field": "team", "value": 3 }</c>.
/// Read with <see cref="RuleActionParser"/>; run by <see cref="ApplyRuleActions"/>.
/// </summary>
public abstract record RuleAction
{
    /// <summary>The action as the API shows it (a webhook's secret is never part of it).</summary>
    public abstract JsonObject ToJson();
}

/// <summary>Sets status, priority, type (keys), team, assignee (ids or null) or a custom field (<c>fields.&lt;key&gt;</c>).</summary>
public sealed record SetFieldAction(string Field, JsonNode? Value) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "set", ["field"] = Field, ["value"] = Value?.DeepClone() };
}

public sealed record AddTagAction(string Tag) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "addTag", ["value"] = Tag };
}

public sealed record RemoveTagAction(string Tag) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "removeTag", ["value"] = Tag };
}

/// <summary>Assigns through <see cref="ChooseAssignee"/>, by the team's strategy or the one named here.</summary>
public sealed record AssignAction(AssignmentStrategy? Strategy) : RuleAction
{
    public override JsonObject ToJson() => new()
    {
        ["type"] = "assign",
        ["strategy"] = Strategy is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Strategy.Value.ToString()),
    };
}

/// <summary>Adds an internal note under the rule's name.</summary>
public sealed record NoteAction(string Body) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "note", ["body"] = Body };
}

/// <summary>Notifies agents: <c>assignee</c>, <c>team</c>, <c>lead</c> (the team's lead), <c>watchers</c> or <c>agent:&lt;id&gt;</c>.</summary>
public sealed record NotifyAction(string To) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "notify", ["to"] = To };
}

/// <summary>Queues an email to the requester from a built-in template (see <see cref="RuleEmailTemplates"/>).</summary>
public sealed record EmailAction(string Template) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "email", ["template"] = Template };
}

public sealed record AddWatcherAction(int AgentId) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "addWatcher", ["agentId"] = AgentId };
}

/// <summary>Raises the priority one step and notifies the team's lead.</summary>
public sealed record EscalateAction : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "escalate" };
}

/// <summary>Asks the webhook module to POST the ticket to <see cref="Url"/>, signed with the secret (kept protected).</summary>
public sealed record WebhookAction(string Url, string? ProtectedSecret) : RuleAction
{
    public override JsonObject ToJson() => new() { ["type"] = "webhook", ["url"] = Url, ["hasSecret"] = ProtectedSecret is not null };

    /// <summary>What is stored: the secret only in its protected form.</summary>
    public JsonObject ToStored()
    {
        var json = new JsonObject { ["type"] = "webhook", ["url"] = Url };
        if (ProtectedSecret is not null)
        {
            json["protectedSecret"] = ProtectedSecret;
        }
        return json;
    }
}

/// <summary>The small built-in set of email templates a rule can send (issue 6 brings editable ones).</summary>
public static class RuleEmailTemplates
{
    public static readonly IReadOnlyList<string> Keys = ["acknowledge", "pendingReminder", "resolved"];
}
