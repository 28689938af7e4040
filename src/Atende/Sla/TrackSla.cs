using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Automation;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Sla;

/// <summary>
/// Keeps each ticket's SLA targets in step with the ticket: chooses the policy when the ticket is opened and again
/// when a field a condition can name changes; pauses the clocks in Pending-category statuses and resumes them on
/// reopen; a public agent reply meets the first and the next response, a customer reply after an agent's starts a
/// next response; reaching a done category meets the resolution (reopening resumes it); a priority change moves
/// the goals. It keeps the ticket's due time and the warning and breach timers, and records warnings and breaches
/// when those timers fire and the target is really late.
/// </summary>
public sealed class TrackSla(TimeProvider clock) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Fields whose change can make another policy match (conditions name them).</summary>
    private static readonly HashSet<string> ConditionFieldsChanged =
        ["status", "priority", "type", "fields", "team", "assignee", "tags", "subject", "channel", "organization", "requester"];

    public string Name => "sla";

    public bool Handles(string type) => type is TicketEvents.Created or TicketEvents.Updated or TicketEvents.MessageFromAgent
        or TicketEvents.MessageFromCustomer or TicketEvents.Merged or TicketEvents.SlaWarning or TicketEvents.SlaBreached;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null)
        {
            return;
        }
        var targets = await db.SlaTargets.Where(t => t.TicketId == change.TicketNumber).ToListAsync(ct);
        if (targets.Count == 0 && !await db.SlaPolicies.AnyAsync(ct))
        {
            // A desk (or a ticket) without service targets pays two tiny queries per event, not a ticket load.
            return;
        }
        // Split: in one query SQLite joins the whole TicketTags table with Tags before it picks this ticket's rows.
        var ticket = await db.Tickets.Include(t => t.Status).Include(t => t.RequestType).Include(t => t.Tags).ThenInclude(t => t.Tag)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == change.TicketNumber, ct);
        if (ticket is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var calendars = new Dictionary<int, BusinessCalendar>();
        var policies = new Dictionary<int, SlaPolicy>();

        if (change.Type is TicketEvents.SlaWarning or TicketEvents.SlaBreached)
        {
            await FiredAsync(db, change, ticket, targets, now, calendars, policies, ct);
            await db.SaveChangesAsync(ct);
            return;
        }

        var at = change.At;
        var current = targets.Where(t => t.IsOpen && t.PolicyId is not null).Select(t => t.PolicyId).FirstOrDefault()
            ?? targets.Where(t => t.PolicyId is not null).OrderByDescending(t => t.Id).Select(t => t.PolicyId).FirstOrDefault();
        var policy = current is { } id ? await PolicyAsync(db, id, policies, ct) : null;
        var rechoose = change.Type == TicketEvents.Created || targets.Count == 0 || policy is null && targets.Any(t => t.IsOpen)
            || change.Type == TicketEvents.Updated && change.Fields.Any(ConditionFieldsChanged.Contains);
        if (rechoose)
        {
            var chosen = await ChooseAsync(db, ticket, now, policies, ct);
            if (chosen?.Id != policy?.Id || targets.Count == 0)
            {
                policy = chosen;
                foreach (var target in targets.Where(t => t.IsOpen).ToList())
                {
                    if (chosen is null)
                    {
                        await CancelTimersAsync(db, ticket.Id, target, ct);
                        db.SlaTargets.Remove(target);
                        targets.Remove(target);
                    }
                }
                if (chosen is not null && !targets.Any(t => t.Kind == SlaTargetKind.Resolution))
                {
                    // Opened (or first matched) now: the clocks count from when the ticket was opened.
                    Start(db, targets, ticket, chosen, SlaTargetKind.Resolution, 0, ticket.CreatedAt);
                    Start(db, targets, ticket, chosen, SlaTargetKind.FirstResponse, 0, ticket.CreatedAt);
                }
            }
        }

        if (policy is not null)
        {
            var calendar = await CalendarAsync(db, policy, calendars, ct);
            if (change.Type == TicketEvents.MessageFromAgent)
            {
                foreach (var target in targets.Where(t => t.Kind == SlaTargetKind.NextResponse && t.IsOpen))
                {
                    target.Achieve(at, calendar);
                }
            }
            else if (change.Type == TicketEvents.MessageFromCustomer && ticket.FirstRespondedAt is not null
                     && !targets.Any(t => t.Kind == SlaTargetKind.NextResponse && t.IsOpen))
            {
                var cycle = targets.Where(t => t.Kind == SlaTargetKind.NextResponse).Select(t => t.Cycle).DefaultIfEmpty(0).Max() + 1;
                Start(db, targets, ticket, policy, SlaTargetKind.NextResponse, cycle, at);
            }
            Reconcile(ticket, targets, policy, calendar, at);
        }

        await ScheduleAsync(db, ticket, targets, policy, ct);
        var resolution = targets.Where(t => t.Kind == SlaTargetKind.Resolution).OrderByDescending(t => t.Id).FirstOrDefault();
        // The ticket's own due time drives queues and "overdue": the resolution goal while it runs or was met.
        // A ticket no policy has ever covered keeps whatever due time it was given (imported, set by hand).
        if (policy is not null || resolution is not null)
        {
            ticket.SetDue(policy is null && resolution is not { IsOpen: false } ? null : resolution?.DueAt, Caller.System, now);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Brings the clocks to what the ticket is now: its status category, its first reply, its resolution, its priority.</summary>
    private static void Reconcile(Ticket ticket, List<SlaTarget> targets, SlaPolicy policy, BusinessCalendar calendar, DateTime at)
    {
        var done = ticket.StatusCategory.IsDone();
        foreach (var target in targets)
        {
            if (target.Kind == SlaTargetKind.FirstResponse && target.IsOpen && ticket.FirstRespondedAt is { } responded)
            {
                target.Achieve(responded, calendar);
            }
            if (target.Kind == SlaTargetKind.Resolution)
            {
                if (done && target.IsOpen)
                {
                    target.Achieve(ticket.ResolvedAt ?? at, calendar);
                }
                else if (!done && !target.IsOpen)
                {
                    target.Reopen(at);
                }
            }
            if (!target.IsOpen)
            {
                continue;
            }
            // Only New and Open run the clock: Pending waits on the customer, a done ticket has nobody to answer.
            if (ticket.StatusCategory is StatusCategory.New or StatusCategory.Open)
            {
                target.Resume(at);
            }
            else
            {
                target.Pause(at, calendar);
            }
            if (policy.MinutesFor(ticket.Priority, target.Kind) is { } minutes)
            {
                target.Retarget(policy.Id, minutes);
            }
            target.Recompute(calendar);
        }
    }

    private static void Start(AtendeDb db, List<SlaTarget> targets, Ticket ticket, SlaPolicy policy, SlaTargetKind kind, int cycle, DateTime at)
    {
        if (policy.MinutesFor(ticket.Priority, kind) is not { } minutes || kind == SlaTargetKind.FirstResponse && ticket.FirstRespondedAt is not null && ticket.FirstRespondedAt < at)
        {
            return;
        }
        var target = new SlaTarget(ticket.Id, kind, cycle, policy.Id, minutes, SlaClock.StartAt(at));
        db.SlaTargets.Add(target);
        targets.Add(target);
    }

    /// <summary>Warning and breach timers follow the open, running targets; met or paused ones have none.</summary>
    private static async Task ScheduleAsync(AtendeDb db, Ticket ticket, List<SlaTarget> targets, SlaPolicy? policy, CancellationToken ct)
    {
        foreach (var kind in Enum.GetValues<SlaTargetKind>())
        {
            var target = targets.Where(t => t.Kind == kind && t.IsOpen).OrderByDescending(t => t.Cycle).FirstOrDefault();
            var key = SlaTarget.Keys[(int)kind];
            if (target is null || policy is null || target.DueAt is not { } due || target.Clock.IsPaused)
            {
                await ScheduledEvent.CancelAsync(db, TicketEvents.SlaWarning, ticket.Id, key, ct);
                await ScheduledEvent.CancelAsync(db, TicketEvents.SlaBreached, ticket.Id, key, ct);
                continue;
            }
            if (target.WarnedAt is null && target.BreachedAt is null)
            {
                await ScheduledEvent.ScheduleAsync(db, TicketEvents.SlaWarning, ticket.Id, key, due.AddMinutes(-policy.WarningMinutes), ct);
            }
            else
            {
                await ScheduledEvent.CancelAsync(db, TicketEvents.SlaWarning, ticket.Id, key, ct);
            }
            if (target.BreachedAt is null)
            {
                await ScheduledEvent.ScheduleAsync(db, TicketEvents.SlaBreached, ticket.Id, key, due, ct);
            }
            else
            {
                await ScheduledEvent.CancelAsync(db, TicketEvents.SlaBreached, ticket.Id, key, ct);
            }
        }
    }

    private static async Task CancelTimersAsync(AtendeDb db, int ticketId, SlaTarget target, CancellationToken ct)
    {
        await ScheduledEvent.CancelAsync(db, TicketEvents.SlaWarning, ticketId, target.Key, ct);
        await ScheduledEvent.CancelAsync(db, TicketEvents.SlaBreached, ticketId, target.Key, ct);
    }

    /// <summary>
    /// A warning or breach timer fired. It is a hint: the target may have been met or moved a moment before, so
    /// it is recorded only when the target is still open, running and really (about to be) late; otherwise the
    /// timer is set again for the right time.
    /// </summary>
    private static async Task FiredAsync(AtendeDb db, TicketEvent change, Ticket ticket, List<SlaTarget> targets, DateTime now,
        Dictionary<int, BusinessCalendar> calendars, Dictionary<int, SlaPolicy> policies, CancellationToken ct)
    {
        if (change.Fields.Count == 0 || SlaTarget.KindOf(change.Fields[0]) is not { } kind)
        {
            return;
        }
        var target = targets.Where(t => t.Kind == kind && t.IsOpen).OrderByDescending(t => t.Cycle).FirstOrDefault();
        if (target is null || target.Clock.IsPaused || target.PolicyId is not { } policyId || await PolicyAsync(db, policyId, policies, ct) is not { } policy)
        {
            return;
        }
        var calendar = await CalendarAsync(db, policy, calendars, ct);
        target.Recompute(calendar);
        if (target.DueAt is not { } due)
        {
            return;
        }
        // The scheduler may fire a little early on another node's clock; a second is not worth a new timer.
        var slack = TimeSpan.FromSeconds(1);
        if (change.Type == TicketEvents.SlaBreached)
        {
            if (now + slack >= due)
            {
                target.Breach(now);
            }
            else
            {
                await ScheduledEvent.ScheduleAsync(db, TicketEvents.SlaBreached, ticket.Id, target.Key, due, ct);
            }
        }
        else
        {
            var warnAt = due.AddMinutes(-policy.WarningMinutes);
            if (now + slack >= warnAt)
            {
                if (target.BreachedAt is null)
                {
                    target.Warn(now);
                }
            }
            else
            {
                await ScheduledEvent.ScheduleAsync(db, TicketEvents.SlaWarning, ticket.Id, target.Key, warnAt, ct);
            }
        }
    }

    /// <summary>The first policy, in order, whose conditions the ticket meets.</summary>
    private static async Task<SlaPolicy?> ChooseAsync(AtendeDb db, Ticket ticket, DateTime now, Dictionary<int, SlaPolicy> cache, CancellationToken ct)
    {
        var all = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        if (all.Count == 0)
        {
            return null;
        }
        var facts = await TicketFacts.ReadAsync(db, ticket.Id, ct);
        if (facts is null)
        {
            return null;
        }
        foreach (var policy in all)
        {
            if (ConditionEvaluator.Matches(policy.Conditions(), facts, now))
            {
                cache[policy.Id] = policy;
                return policy;
            }
        }
        return null;
    }

    private static async Task<SlaPolicy?> PolicyAsync(AtendeDb db, int id, Dictionary<int, SlaPolicy> cache, CancellationToken ct)
    {
        if (!cache.TryGetValue(id, out var policy))
        {
            policy = await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (policy is not null)
            {
                cache[id] = policy;
            }
        }
        return policy;
    }

    private static async Task<BusinessCalendar> CalendarAsync(AtendeDb db, SlaPolicy policy, Dictionary<int, BusinessCalendar> cache, CancellationToken ct)
    {
        if (policy.BusinessHoursId is not { } id)
        {
            return BusinessCalendar.AlwaysOpen(TimeZoneInfo.Utc);
        }
        if (!cache.TryGetValue(id, out var calendar))
        {
            var hours = await db.BusinessHours.AsNoTracking().Include(h => h.Holidays).FirstOrDefaultAsync(h => h.Id == id, ct);
            cache[id] = calendar = hours?.ToCalendar() ?? BusinessCalendar.AlwaysOpen(TimeZoneInfo.Utc);
        }
        return calendar;
    }
}
