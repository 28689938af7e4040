using System.Text.Json;
using System.Text.RegularExpressions;
using Atende.Accounts;
using Atende.Email;
using Atende.Persistence;
using Atende.Sla;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>
/// Turns ticket events into notifications, in the bell and by email, as each agent chose
/// (<see cref="NotificationPreferences"/>): new tickets in their teams, assignments made by someone else, customer
/// replies on their tickets, mentions, changes to watched tickets, and SLA warnings and breaches on their tickets
/// (a breach also tells the team's lead). Runs from the outbox, so a notification exists exactly when its change
/// committed; the unique (event, agent, kind) index makes a retry harmless. Nobody is notified of their own action,
/// nor about a ticket they cannot see. Mails of an agent in digest mode wait for their daily digest.
/// </summary>
public sealed partial class NotifyAgents(TimeProvider clock, AgentMail mail) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Changes of a watched ticket worth telling its watchers about (not due times, tags or fields).</summary>
    private static readonly HashSet<string> WatchedFields = ["status", "priority", "team", "assignee"];

    public string Name => "notifications";

    public bool Handles(string type) => type is TicketEvents.Created or TicketEvents.Updated or TicketEvents.MessageFromAgent
        or TicketEvents.MessageFromCustomer or TicketEvents.NoteAdded or TicketEvents.SlaWarning or TicketEvents.SlaBreached;

    private sealed record Wanted(int AgentId, NotificationKind Kind, AgentEvent Event, string? Detail = null);

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null)
        {
            return;
        }
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == change.TicketNumber)
            .Select(t => new { t.Id, t.TeamId, t.AssigneeId, t.MergedIntoId, Watchers = t.Watchers.Select(w => w.AgentId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (ticket is null)
        {
            return;
        }
        var wanted = new List<Wanted>();

        if (change.Type == TicketEvents.Created)
        {
            // As opened, not as now: a move or an assignment made since has its own event, which tells its own people.
            if (change.OpenedWithTeamId is { } team)
            {
                await AddTeamAsync(db, wanted, team, ct);
            }
            if (change.OpenedWithAssigneeId is { } assignee)
            {
                wanted.Add(new Wanted(assignee, NotificationKind.Assigned, AgentEvent.Assigned));
            }
        }
        if (change.Type == TicketEvents.Updated)
        {
            if (change.Fields.Contains("assignee") && ticket.AssigneeId is { } assignee)
            {
                wanted.Add(new Wanted(assignee, NotificationKind.Assigned, AgentEvent.Assigned));
            }
            // A ticket moved into a team is new to that team's queue; a merged duplicate moving along is not.
            if (change.Fields.Contains("team") && ticket.TeamId is { } team && ticket.MergedIntoId is null)
            {
                await AddTeamAsync(db, wanted, team, ct);
            }
            if (change.Fields.Any(WatchedFields.Contains))
            {
                wanted.AddRange(ticket.Watchers.Select(w => new Wanted(w, NotificationKind.Updated, AgentEvent.WatchedUpdated)));
            }
        }
        if (change.MessageId is { } messageId)
        {
            var body = await db.Set<Message>().AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Body).FirstOrDefaultAsync(ct) ?? "";
            foreach (var agentId in await MentionedAgentsAsync(db, body, ct))
            {
                wanted.Add(new Wanted(agentId, NotificationKind.Mention, AgentEvent.Mentioned));
            }
            if (change.Type != TicketEvents.NoteAdded)
            {
                wanted.AddRange(ticket.Watchers.Select(w => new Wanted(w, NotificationKind.Reply, AgentEvent.WatchedUpdated)));
                if (change.Type == TicketEvents.MessageFromCustomer && ticket.AssigneeId is { } owner)
                {
                    wanted.Add(new Wanted(owner, NotificationKind.Reply, AgentEvent.CustomerReplied));
                }
            }
        }
        if (change.Type is TicketEvents.SlaWarning or TicketEvents.SlaBreached && await SlaMissAsync(db, change, ct) is { } key)
        {
            var breach = change.Type == TicketEvents.SlaBreached;
            var (kind, e) = breach ? (NotificationKind.SlaBreached, AgentEvent.SlaBreached) : (NotificationKind.SlaWarning, AgentEvent.SlaWarning);
            if (ticket.AssigneeId is { } assignee)
            {
                wanted.Add(new Wanted(assignee, kind, e, key));
            }
            if (breach && ticket.TeamId is { } team
                && await db.Teams.Where(t => t.Id == team).Select(t => t.LeadAgentId).FirstOrDefaultAsync(ct) is { } lead)
            {
                wanted.Add(new Wanted(lead, kind, e, key));
            }
        }

        // One notification per agent and event, the one that says the most.
        var recipients = wanted
            .Where(w => w.AgentId != change.ActorAgentId)
            .GroupBy(w => w.AgentId)
            .Select(g => g.OrderBy(w => Rank(w.Event)).First())
            .ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        var ids = recipients.Select(r => r.AgentId).ToList();
        var agents = await db.Agents.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Active)
            .Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => new
            {
                a.Id, a.AccountId, a.Name, a.Email, a.Role, Teams = a.Memberships.Select(m => m.TeamId).ToList(), u.Language, u.TimeZone,
            })
            .ToListAsync(ct);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.AgentId)).ToDictionaryAsync(p => p.AgentId, ct);
        var already = await db.Notifications.Where(n => n.OutboxMessageId == message.Id).Select(n => n.AgentId)
            .Concat(db.DigestItems.Where(i => i.OutboxMessageId == message.Id).Select(i => i.AgentId))
            .ToListAsync(ct);
        var actorName = await ActorNameAsync(db, change, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var told = new List<int>();
        foreach (var want in recipients)
        {
            var agent = agents.FirstOrDefault(a => a.Id == want.AgentId);
            if (agent is null || already.Contains(want.AgentId))
            {
                continue;
            }
            // Asked of TicketVisibility, the one place that says who sees what (one small query per recipient).
            var recipient = new Caller(agent.AccountId, agent.Id, null, agent.Role, agent.Teams, null, false, agent.Name);
            if (!await db.Tickets.VisibleTo(recipient).AnyAsync(t => t.Id == ticket.Id, ct))
            {
                continue;
            }
            var choice = preferences.GetValueOrDefault(agent.Id) ?? NotificationPreferences.Defaults(agent.Id);
            if (choice.WantsInApp(want.Event))
            {
                db.Notifications.Add(new Notification(agent.Id, want.Kind, ticket.Id, actorName, change.MessageId, message.Id, now, want.Detail));
                told.Add(agent.Id);
            }
            if (!choice.WantsEmail(want.Event))
            {
                continue;
            }
            if (choice.Digest)
            {
                db.DigestItems.Add(new DigestItem(agent.Id, want.Event, ticket.Id, actorName, want.Detail, message.Id, now));
            }
            else
            {
                var language = agent.Language is "pt-BR" ? "pt-BR" : "en";
                var changed = want.Kind == NotificationKind.Updated ? change.Fields.Where(WatchedFields.Contains).ToList() : null;
                var rendered = await mail.ComposeAsync(db, want.Event, language, NotificationPreferences.Zone(agent.TimeZone),
                    new AgentMailFacts(agent.Name, ticket.Id, actorName, change.MessageId, want.Detail, changed), ct);
                db.OutboundEmails.Add(new OutboundEmail(AgentEvents.EmailKind(want.Event), agent.Email, agent.Name, language,
                    rendered.Subject, rendered.Text, rendered.Html, ticket.Id, now));
            }
        }
        if (told.Count > 0)
        {
            // Committed with the notifications, so the screens told (after the commit) find them.
            var created = new NotificationsCreated(told, ticket.Id);
            db.Outbox.Add(new OutboxMessage { Type = NotificationsCreated.Type, Payload = JsonSerializer.Serialize(created, Json), CreatedAt = now, AvailableAt = now });
        }
        await db.SaveChangesAsync(ct);
    }

    private static int Rank(AgentEvent e) => e switch
    {
        AgentEvent.Mentioned => 0,
        AgentEvent.Assigned => 1,
        AgentEvent.SlaBreached => 2,
        AgentEvent.SlaWarning => 3,
        AgentEvent.CustomerReplied => 4,
        AgentEvent.NewTicket => 5,
        _ => 6,
    };

    private static async Task AddTeamAsync(AtendeDb db, List<Wanted> wanted, int teamId, CancellationToken ct)
    {
        var members = await db.Agents.AsNoTracking().Where(a => a.Active && a.Memberships.Any(m => m.TeamId == teamId)).Select(a => a.Id).ToListAsync(ct);
        wanted.AddRange(members.Select(m => new Wanted(m, NotificationKind.NewTicket, AgentEvent.NewTicket)));
    }

    /// <summary>
    /// The SLA target the event is about, when it really is (about to be) missed: the timer is a hint that
    /// <see cref="TrackSla"/> (which runs first) turns into a recorded warning or breach, or reschedules. A target
    /// warned or breached long before this event (a stray duplicate timer) is not announced again.
    /// </summary>
    private static async Task<string?> SlaMissAsync(AtendeDb db, TicketEvent change, CancellationToken ct)
    {
        if (change.Fields.Count == 0 || SlaTarget.KindOf(change.Fields[0]) is not { } kind)
        {
            return null;
        }
        var target = await db.SlaTargets.AsNoTracking().Where(t => t.TicketId == change.TicketNumber && t.Kind == kind)
            .OrderByDescending(t => t.Cycle).Select(t => new { t.WarnedAt, t.BreachedAt }).FirstOrDefaultAsync(ct);
        // Another node's clock may be a little behind the scheduler's.
        var since = change.At.AddMinutes(-1);
        var at = change.Type == TicketEvents.SlaBreached ? target?.BreachedAt : target is { BreachedAt: null } ? target.WarnedAt : null;
        return at >= since ? change.Fields[0] : null;
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

/// <summary>
/// Outbox event: these agents have new notifications about a ticket. Written with the notifications, so whoever
/// handles it (the live bell) runs after they are committed.
/// </summary>
public sealed record NotificationsCreated(IReadOnlyList<int> AgentIds, int TicketNumber)
{
    public const string Type = "notification.created";
}
