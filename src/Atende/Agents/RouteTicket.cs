using System.Globalization;
using System.Text.Json;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>
/// Routing from the outbox: a ticket that reaches a team queue without an assignee (created, moved to the team, or
/// unassigned) goes to a member by the team's strategy, as the system, so history shows who got it and why.
/// When the team wants an answer within N minutes, each assignment starts an <see cref="AssignmentTimeout"/> timer;
/// when it fires and the assignee has still not replied publicly, the ticket goes to a colleague.
/// Runs in the dispatcher's transaction; a fired timer is a hint, so everything is re-checked on the ticket.
/// </summary>
public sealed class RouteTicket(TimeProvider clock) : IOutboxHandler
{
    /// <summary>The scheduled event type; its key names the assignee it was started for ("assignee:12").</summary>
    public const string AssignmentTimeout = "assignment.timeout";
    private const string KeyPrefix = "assignee:";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "routing";

    public bool Handles(string type) =>
        type is TicketEvents.Created or TicketEvents.Updated or TicketEvents.MessageFromAgent or AssignmentTimeout;

    public static string TimeoutKey(int agentId) => KeyPrefix + agentId.ToString(CultureInfo.InvariantCulture);

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null)
        {
            return;
        }
        switch (change.Type)
        {
            case TicketEvents.Created:
                await RouteOrStartTimerAsync(change, db, ct);
                break;
            case TicketEvents.Updated when change.Fields.Contains("team") || change.Fields.Contains("assignee"):
                await RouteOrStartTimerAsync(change, db, ct);
                break;
            case TicketEvents.Updated when change.Fields.Contains("status"):
                await RouteWaitingAfterStatusChangeAsync(change, db, ct);
                break;
            case TicketEvents.MessageFromAgent:
                await StopTimerOnReplyAsync(change, db, ct);
                break;
            case AssignmentTimeout:
                await ReassignUnansweredAsync(change, db, ct);
                break;
        }
    }

    private static Task<Ticket?> LoadAsync(AtendeDb db, int ticketId, CancellationToken ct) =>
        db.Tickets.Include(t => t.Assignee).Include(t => t.Team).FirstOrDefaultAsync(t => t.Id == ticketId, ct);

    private static bool IsWaitingInQueue(Ticket ticket) =>
        ticket is { AssigneeId: null, TeamId: not null, MergedIntoId: null } && ticket.StatusCategory.IsActive();

    private async Task RouteOrStartTimerAsync(TicketEvent change, AtendeDb db, CancellationToken ct)
    {
        var ticket = await LoadAsync(db, change.TicketNumber, ct);
        if (ticket is null)
        {
            return;
        }
        if (IsWaitingInQueue(ticket))
        {
            await RouteAsync(ticket, db, ct);
        }
        else if (ticket is { AssigneeId: { } assigneeId, Team.ReassignAfterMinutes: { } minutes } && ticket.StatusCategory.IsActive() &&
                 (change.Type == TicketEvents.Created || change.Fields.Contains("assignee")))
        {
            await StartTimerAsync(db, ticket.Id, assigneeId, change.At.AddMinutes(minutes), ct);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Assigns the ticket by its team's strategy, or leaves it waiting in the queue when nobody can take it.
    /// The assignment is itself an event, which starts the answer timer.
    /// </summary>
    private async Task RouteAsync(Ticket ticket, AtendeDb db, CancellationToken ct)
    {
        var agent = await new ChooseAssignee(db).HandleAsync(ticket, null, ct);
        if (agent is not null)
        {
            ticket.AssignTo(agent, Caller.System, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// A load-capped queue holds tickets nobody could take; when one of its tickets is resolved a place frees up,
    /// so the oldest waiting ticket is routed (one per freed place).
    /// </summary>
    private static async Task RouteWaitingAfterStatusChangeAsync(TicketEvent change, AtendeDb db, CancellationToken ct)
    {
        var done = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == change.TicketNumber && t.StatusCategory >= StatusCategory.Resolved && t.AssigneeId != null && t.TeamId != null)
            .Select(t => new { t.TeamId, Strategy = t.Team!.AssignmentStrategy })
            .FirstOrDefaultAsync(ct);
        if (done is not { Strategy: AssignmentStrategy.LoadCapped })
        {
            return;
        }
        var waitingId = await db.Tickets.AsNoTracking()
            .Where(t => t.TeamId == done.TeamId && t.AssigneeId == null && t.MergedIntoId == null && t.StatusCategory < StatusCategory.Resolved)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => (int?)t.Id)
            .FirstOrDefaultAsync(ct);
        if (waitingId is { } id && await LoadAsync(db, id, ct) is { } waiting)
        {
            var agent = await new ChooseAssignee(db).HandleAsync(waiting, null, ct);
            if (agent is not null)
            {
                waiting.AssignTo(agent, Caller.System, change.At);
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private static async Task StartTimerAsync(AtendeDb db, int ticketId, int agentId, DateTime dueAt, CancellationToken ct)
    {
        // One timer per ticket: the previous assignee's (if any) no longer matters.
        var key = TimeoutKey(agentId);
        var stale = await db.ScheduledEvents.Where(e => e.TicketId == ticketId && e.Type == AssignmentTimeout && e.Key != key).ToListAsync(ct);
        db.ScheduledEvents.RemoveRange(stale);
        await ScheduledEvent.ScheduleAsync(db, AssignmentTimeout, ticketId, key, dueAt, ct);
    }

    private static async Task StopTimerOnReplyAsync(TicketEvent change, AtendeDb db, CancellationToken ct)
    {
        if (change.MessageId is not { } messageId ||
            !await db.Messages.AnyAsync(m => m.Id == messageId && m.Visibility == Visibility.Public, ct))
        {
            return;
        }
        var timers = await db.ScheduledEvents.Where(e => e.TicketId == change.TicketNumber && e.Type == AssignmentTimeout).ToListAsync(ct);
        db.ScheduledEvents.RemoveRange(timers);
        await db.SaveChangesAsync(ct);
    }

    private async Task ReassignUnansweredAsync(TicketEvent change, AtendeDb db, CancellationToken ct)
    {
        var key = change.Fields.FirstOrDefault(f => f.StartsWith(KeyPrefix, StringComparison.Ordinal));
        if (key is null || !int.TryParse(key.AsSpan(KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var agentId))
        {
            return;
        }
        var ticket = await LoadAsync(db, change.TicketNumber, ct);
        if (ticket is null || ticket.AssigneeId != agentId || ticket.Team?.ReassignAfterMinutes is null ||
            ticket.MergedIntoId is not null || !ticket.StatusCategory.IsActive())
        {
            return;
        }
        var assignedAt = await db.TicketHistory.AsNoTracking()
            .Where(h => h.TicketId == ticket.Id && h.Field == "assignee")
            .OrderByDescending(h => h.Id)
            .Select(h => (DateTime?)h.At)
            .FirstOrDefaultAsync(ct) ?? ticket.CreatedAt;
        var answered = await db.Messages.AnyAsync(
            m => m.TicketId == ticket.Id && m.Visibility == Visibility.Public && m.AuthorCustomerId == null && m.CreatedAt >= assignedAt, ct);
        if (answered)
        {
            return;
        }
        // A manual team chooses nobody: the ticket goes back to the queue for a colleague to pick. Otherwise it
        // stays with the assignee when no colleague can take it, rather than bouncing into an unwatched queue.
        var other = ticket.Team.AssignmentStrategy == AssignmentStrategy.Manual ? null : await new ChooseAssignee(db).InsteadOfAsync(ticket, agentId, ct);
        if (other is not null || ticket.Team.AssignmentStrategy == AssignmentStrategy.Manual)
        {
            ticket.AssignTo(other, Caller.System, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
    }
}
