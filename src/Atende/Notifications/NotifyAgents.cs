using System.Text.Json;
using System.Text.RegularExpressions;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>
/// Turns ticket events into notifications: mentions in replies and notes, assignments made by someone else,
/// and replies on watched tickets (and customer replies on the assignee's tickets). Runs from the outbox, so a
/// notification exists exactly when its change committed; the unique (event, agent, kind) index makes a retry
/// harmless. Nobody is notified of their own action, nor about a ticket they cannot see.
/// </summary>
public sealed partial class NotifyAgents(TimeProvider clock) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "notifications";

    public bool Handles(string type) => type is TicketEvents.Updated or TicketEvents.MessageFromAgent
        or TicketEvents.MessageFromCustomer or TicketEvents.NoteAdded;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null)
        {
            return;
        }
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == change.TicketNumber)
            .Select(t => new { t.Id, t.TeamId, t.AssigneeId, Watchers = t.Watchers.Select(w => w.AgentId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (ticket is null)
        {
            return;
        }
        var actorName = await ActorNameAsync(db, change, ct);
        var wanted = new List<(int AgentId, NotificationKind Kind)>();

        if (change.Type == TicketEvents.Updated && change.Fields.Contains("assignee") && ticket.AssigneeId is { } assignee)
        {
            wanted.Add((assignee, NotificationKind.Assigned));
        }
        if (change.MessageId is { } messageId)
        {
            var body = await db.Set<Message>().AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Body).FirstOrDefaultAsync(ct) ?? "";
            foreach (var agentId in await MentionedAgentsAsync(db, body, ct))
            {
                wanted.Add((agentId, NotificationKind.Mention));
            }
            if (change.Type != TicketEvents.NoteAdded)
            {
                wanted.AddRange(ticket.Watchers.Select(w => (w, NotificationKind.Reply)));
                if (change.Type == TicketEvents.MessageFromCustomer && ticket.AssigneeId is { } owner)
                {
                    wanted.Add((owner, NotificationKind.Reply));
                }
            }
        }

        // One notification per agent and event: a mention says more than "a reply", so it wins.
        var recipients = wanted
            .Where(w => w.AgentId != change.ActorAgentId)
            .GroupBy(w => w.AgentId)
            .Select(g => g.OrderBy(w => w.Kind == NotificationKind.Mention ? 0 : w.Kind == NotificationKind.Assigned ? 1 : 2).First())
            .ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        var ids = recipients.Select(r => r.AgentId).ToList();
        var agents = await db.Agents.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Active)
            .Select(a => new { a.Id, a.AccountId, a.Name, a.Role, Teams = a.Memberships.Select(m => m.TeamId).ToList() })
            .ToListAsync(ct);
        var already = await db.Notifications.Where(n => n.OutboxMessageId == message.Id).Select(n => n.AgentId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (agentId, kind) in recipients)
        {
            var agent = agents.FirstOrDefault(a => a.Id == agentId);
            if (agent is null || already.Contains(agentId))
            {
                continue;
            }
            // Asked of TicketVisibility, the one place that says who sees what (one small query per recipient).
            var recipient = new Caller(agent.AccountId, agent.Id, null, agent.Role, agent.Teams, null, false, agent.Name);
            if (await db.Tickets.VisibleTo(recipient).AnyAsync(t => t.Id == ticket.Id, ct))
            {
                db.Notifications.Add(new Notification(agentId, kind, ticket.Id, actorName, change.MessageId, message.Id, now));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The agents named with @handle, where handle is the part of their email before the @.</summary>
    public static IReadOnlyList<string> MentionedHandles(string body) =>
        MentionPattern().Matches(body).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();

    private static async Task<IReadOnlyList<int>> MentionedAgentsAsync(AtendeDb db, string body, CancellationToken ct)
    {
        var handles = MentionedHandles(body);
        if (handles.Count == 0)
        {
            return [];
        }
        var prefixes = handles.Select(h => h + "@").ToList();
        var candidates = await db.Agents.AsNoTracking().Where(a => a.Active).Select(a => new { a.Id, a.Email }).ToListAsync(ct);
        return candidates.Where(a => prefixes.Any(p => a.Email.StartsWith(p, StringComparison.OrdinalIgnoreCase))).Select(a => a.Id).ToList();
    }

    private static async Task<string> ActorNameAsync(AtendeDb db, TicketEvent change, CancellationToken ct)
    {
        if (change.ActorAgentId is { } agentId)
        {
            return await db.Agents.Where(a => a.Id == agentId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        }
        if (change.ActorCustomerId is { } customerId)
        {
            return await db.Customers.Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        }
        return Caller.System.Name;
    }

    // Not preceded by a word character or a dot, so "ana@acme.example" in a body is an address, not a mention.
    [GeneratedRegex(@"(?<![\w.@])@([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
