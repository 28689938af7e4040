using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Agents;
using Atende.Catalog;
using Atende.Email;
using Atende.Notifications;
using Atende.Persistence;
using Atende.Tickets;
using Atende.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Automation;

/// <summary>
/// Runs one rule's actions on a loaded, tracked ticket through the ticket's own methods, as the rule
/// (<see cref="Caller.ForRule"/>), so history rows and the events they cause carry the rule's id and depth.
/// Works on the caller's <see cref="AtendeDb"/> and transaction; saving is the caller's. An action that cannot run
/// (its team was deleted, a field value no longer fits the form) is skipped and reported, the others still run.
/// </summary>
internal sealed class ApplyRuleActions(AtendeDb db, IServiceProvider services, DateTime now, long outboxMessageId)
{
    // One notification per agent, kind and event even when several rules name the same agent (a unique index says so).
    private readonly HashSet<(int AgentId, NotificationKind Kind)> _notified = [];

    /// <returns>What each action did, in words, and whether every action could run.</returns>
    public async Task<(List<string> Done, bool Complete)> RunAsync(Ticket ticket, IReadOnlyList<RuleAction> actions, Caller actor, CancellationToken ct)
    {
        var done = new List<string>(actions.Count);
        var complete = true;
        foreach (var action in actions)
        {
            var errors = new ValidationErrors();
            var said = await RunOneAsync(ticket, action, actor, errors, ct);
            if (errors.Any)
            {
                complete = false;
                try
                {
                    errors.ThrowIfAny();
                }
                catch (InvalidRequestException e)
                {
                    said = $"{action.ToJson()["type"]}: skipped ({string.Join("; ", e.Errors.SelectMany(p => p.Value.Select(m => p.Key + " " + m)))})";
                }
            }
            done.Add(said);
        }
        return (done, complete);
    }

    private async Task<string> RunOneAsync(Ticket ticket, RuleAction action, Caller actor, ValidationErrors errors, CancellationToken ct)
    {
        switch (action)
        {
            case SetFieldAction set:
                return await SetAsync(ticket, set, actor, errors, ct);
            case AddTagAction add:
            {
                var names = ticket.Tags.Select(t => t.Tag.Name).Append(add.Tag).Distinct().ToList();
                if (names.Count > EnsureTags.MaxTagsPerTicket)
                {
                    errors.Add("value", $"the ticket already has {EnsureTags.MaxTagsPerTicket} tags.");
                    return "";
                }
                await SetTagsAsync(ticket, names, actor, ct);
                return $"added tag {add.Tag}";
            }
            case RemoveTagAction remove:
                await SetTagsAsync(ticket, ticket.Tags.Select(t => t.Tag.Name).Where(n => n != remove.Tag).ToList(), actor, ct);
                return $"removed tag {remove.Tag}";
            case AssignAction assign:
            {
                // The routing module decides who; the rule only asks (inside this transaction, so choice and assignment are one step).
                var choose = ActivatorUtilities.CreateInstance<ChooseAssignee>(services, db);
                var agent = await choose.HandleAsync(ticket, assign.Strategy, ct);
                if (agent is null)
                {
                    return "assign: nobody available";
                }
                ticket.AssignTo(agent, actor, now);
                return $"assigned to {agent.Name}";
            }
            case NoteAction note:
                ticket.AddMessage(new Message(actor, note.Body, Visibility.Internal, now), actor, now);
                return "added a note";
            case NotifyAction notify:
            {
                var count = await NotifyAsync(ticket, await RecipientsAsync(ticket, notify.To, ct), NotificationKind.Rule, actor, ct);
                return $"notified {count} agent(s) ({notify.To})";
            }
            case EmailAction email:
                QueueEmail(ticket, email.Template);
                return $"queued email '{email.Template}' to the requester";
            case AddWatcherAction watcher:
                if (!await db.Agents.AnyAsync(a => a.Id == watcher.AgentId && a.Active, ct))
                {
                    errors.Add("agentId", "is not an active agent.");
                    return "";
                }
                ticket.Watch(watcher.AgentId, actor, now);
                return $"added watcher {watcher.AgentId}";
            case EscalateAction:
            {
                var raised = ticket.Priority < Priority.Urgent ? ticket.Priority + 1 : ticket.Priority;
                ticket.ChangePriority(raised, actor, now);
                var lead = ticket.TeamId is { } teamId
                    ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.LeadAgentId).FirstOrDefaultAsync(ct)
                    : null;
                var count = lead is { } leadId ? await NotifyAsync(ticket, [leadId], NotificationKind.Escalated, actor, ct) : 0;
                return $"escalated to {Key(raised)}" + (count > 0 ? ", notified the team lead" : ", no team lead to notify");
            }
            case WebhookAction hook:
                db.Outbox.Add(new OutboxMessage
                {
                    Type = WebhookRequest.MessageType,
                    Payload = JsonSerializer.Serialize(new WebhookRequest(hook.Url, hook.ProtectedSecret, "rule.webhook",
                        WebhookBody(ticket, actor), actor.RuleId, ticket.Id)),
                    CreatedAt = now,
                    AvailableAt = now,
                });
                return $"requested webhook {new Uri(hook.Url).Host}";
            default:
                return "";
        }
    }

    private async Task<string> SetAsync(Ticket ticket, SetFieldAction set, Caller actor, ValidationErrors errors, CancellationToken ct)
    {
        var text = set.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var id = set.Value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue<int>(out var number) ? number : (int?)null;
        switch (set.Field)
        {
            case "status":
                var status = await db.Statuses.FirstOrDefaultAsync(s => s.Key == text, ct);
                if (status is null)
                {
                    errors.Add("value", $"'{text}' is not a status.");
                    return "";
                }
                ticket.ChangeStatus(status, actor, now);
                return $"set status to {status.Key}";
            case "priority":
                var priority = Enum.Parse<Priority>(text!, ignoreCase: true);
                ticket.ChangePriority(priority, actor, now);
                return $"set priority to {text}";
            case "type":
                var type = await db.RequestTypes.Include(r => r.Fields).FirstOrDefaultAsync(r => r.Key == text && r.Active, ct);
                if (type is null)
                {
                    errors.Add("value", $"'{text}' is not an active request type.");
                    return "";
                }
                // As UpdateTicket does: values the new form does not have are dropped (the history keeps them).
                var current = JsonNode.Parse(ticket.FieldsJson)!.AsObject();
                foreach (var key in current.Select(p => p.Key).Where(k => type.Fields.All(f => f.Key != k)).ToList())
                {
                    current.Remove(key);
                }
                var fields = type.ValidateFields(null, current, errors);
                if (errors.Any)
                {
                    return "";
                }
                ticket.ChangeType(type, fields.ToJsonString(), actor, now);
                return $"set type to {type.Key}";
            case "team":
                Team? team = null;
                if (id is not null && (team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct)) is null)
                {
                    errors.Add("value", $"team {id} no longer exists.");
                    return "";
                }
                ticket.MoveToTeam(team, actor, now);
                return team is null ? "cleared the team" : $"set team to {team.Name}";
            case "assignee":
                Agent? agent = null;
                if (id is not null && (agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == id && a.Active, ct)) is null)
                {
                    errors.Add("value", $"agent {id} is not an active agent.");
                    return "";
                }
                ticket.AssignTo(agent, actor, now);
                return agent is null ? "cleared the assignee" : $"assigned to {agent.Name}";
            default:
            {
                // fields.<key>: checked against the ticket's form exactly as an agent's PATCH is.
                var key = set.Field[ConditionFields.CustomPrefix.Length..];
                var form = ticket.RequestType;
                var patch = new JsonObject { [key] = set.Value?.DeepClone() };
                var patched = form.ValidateFields(patch, JsonNode.Parse(ticket.FieldsJson)!.AsObject(), errors);
                if (errors.Any)
                {
                    return "";
                }
                ticket.SetFields(patched.ToJsonString(), actor, now);
                return $"set {set.Field}";
            }
        }
    }

    private async Task SetTagsAsync(Ticket ticket, IReadOnlyList<string> names, Caller actor, CancellationToken ct)
    {
        var wanted = await ActivatorUtilities.CreateInstance<EnsureTags>(services, db).HandleAsync(names, ct);
        ticket.SetTags(wanted, ticket.Tags.ToDictionary(t => t.TagId, t => t.Tag?.Name ?? "?"), actor, now);
    }

    private async Task<List<int>> RecipientsAsync(Ticket ticket, string to, CancellationToken ct) => to switch
    {
        "assignee" => ticket.AssigneeId is { } assignee ? [assignee] : [],
        "team" => ticket.TeamId is { } teamId ? await db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.AgentId).ToListAsync(ct) : [],
        "lead" => ticket.TeamId is { } led && await db.Teams.Where(t => t.Id == led).Select(t => t.LeadAgentId).FirstOrDefaultAsync(ct) is { } lead ? [lead] : [],
        "watchers" => ticket.Watchers.Select(w => w.AgentId).ToList(),
        _ => RuleActionParser.AgentOf(to) is { } agentId ? [agentId] : [],
    };

    /// <summary>Like NotifyAgents: only active agents who may see the ticket hear about it.</summary>
    private async Task<int> NotifyAsync(Ticket ticket, IReadOnlyList<int> agentIds, NotificationKind kind, Caller actor, CancellationToken ct)
    {
        var ids = agentIds.Distinct().Where(a => !_notified.Contains((a, kind))).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }
        var agents = await db.Agents.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Active)
            .Select(a => new { a.Id, a.AccountId, a.Name, a.Role, Teams = a.Memberships.Select(m => m.TeamId).ToList() })
            .ToListAsync(ct);
        var count = 0;
        foreach (var agent in agents)
        {
            var recipient = new Caller(agent.AccountId, agent.Id, null, agent.Role, agent.Teams, null, false, agent.Name);
            if (await db.Tickets.VisibleTo(recipient).AnyAsync(t => t.Id == ticket.Id, ct))
            {
                db.Notifications.Add(new Notification(agent.Id, kind, ticket.Id, actor.Name, null, outboxMessageId, now));
                _notified.Add((agent.Id, kind));
                count++;
            }
        }
        return count;
    }

    private void QueueEmail(Ticket ticket, string template)
    {
        var requester = ticket.Requester;
        var portuguese = requester.Language.StartsWith("pt", StringComparison.OrdinalIgnoreCase);
        var number = ticket.Id.ToString(CultureInfo.InvariantCulture);
        // A small built-in set until issue 6 brings editable templates; the sender adds the signature.
        var (subject, body) = (template, portuguese) switch
        {
            ("acknowledge", false) => ($"[#{number}] We received your request", $"Hello {requester.Name},\n\nWe received your request \"{ticket.Subject}\" (#{number}) and will get back to you soon."),
            ("acknowledge", true) => ($"[#{number}] Recebemos sua solicitação", $"Olá {requester.Name},\n\nRecebemos sua solicitação \"{ticket.Subject}\" (#{number}) e retornaremos em breve."),
            ("pendingReminder", false) => ($"[#{number}] We are waiting for your reply", $"Hello {requester.Name},\n\nWe still need your reply on \"{ticket.Subject}\" (#{number}) to continue."),
            ("pendingReminder", true) => ($"[#{number}] Aguardamos sua resposta", $"Olá {requester.Name},\n\nAinda precisamos da sua resposta em \"{ticket.Subject}\" (#{number}) para continuar."),
            ("resolved", false) => ($"[#{number}] Your request was resolved", $"Hello {requester.Name},\n\nYour request \"{ticket.Subject}\" (#{number}) was resolved. Reply to this email if you still need help."),
            (_, _) => ($"[#{number}] Sua solicitação foi resolvida", $"Olá {requester.Name},\n\nSua solicitação \"{ticket.Subject}\" (#{number}) foi resolvida. Responda a este email se ainda precisar de ajuda."),
        };
        db.OutboundEmails.Add(new OutboundEmail("rule." + template, requester.Email, requester.Name, requester.Language, subject, body, null, ticket.Id, now));
    }

    private static string WebhookBody(Ticket ticket, Caller actor) => new JsonObject
    {
        ["event"] = "rule.webhook",
        ["rule"] = new JsonObject { ["id"] = actor.RuleId, ["name"] = actor.Name },
        ["ticket"] = new JsonObject
        {
            ["number"] = ticket.Id,
            ["subject"] = ticket.Subject,
            ["status"] = ticket.Status?.Key,
            ["priority"] = Key(ticket.Priority),
            ["type"] = ticket.RequestType?.Key,
            ["teamId"] = ticket.TeamId,
            ["assigneeId"] = ticket.AssigneeId,
            ["requesterId"] = ticket.RequesterId,
            ["organizationId"] = ticket.OrganizationId,
            ["tags"] = new JsonArray(ticket.Tags.Select(t => (JsonNode?)t.Tag?.Name).ToArray()),
            ["updatedAt"] = ticket.UpdatedAt,
        },
    }.ToJsonString();

    private static string Key(Priority priority) => JsonNamingPolicy.CamelCase.ConvertName(priority.ToString());
}
