using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Atende.Automation;

/// <summary>
/// The rules engine: for each ticket event from the outbox, runs the enabled rules of that trigger in order against
/// the ticket as it is now. A rule that matches acts as itself (<see cref="Caller.ForRule"/>), one step deeper than
/// the event; everything — changes, history, notifications, firings, the events they cause — commits in the
/// dispatcher's transaction with the "handled" mark, so a retry after a crash neither loses nor repeats a step.
/// Loop safety: a rule never fires on an event its own action caused, and an event <see cref="MaxDepth"/> rule steps
/// deep stops the chain (logged as <see cref="RuleFiringOutcome.LoopStopped"/>).
/// It also keeps each ticket's idle/pending timers (<see cref="ScheduledEvent"/>, key "rule:&lt;id&gt;") in step.
/// </summary>
public sealed partial class RunAutomationRules(IServiceProvider services, TimeProvider clock, ILogger<RunAutomationRules> logger) : IOutboxHandler
{
    public const int MaxDepth = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Parsed rules by (id, UpdatedAt): a saved change moves UpdatedAt, so every node re-reads it without being told.
    private readonly ConcurrentDictionary<(int Id, DateTime UpdatedAt), ParsedRule> _parsed = new();

    public string Name => "automation";

    public bool Handles(string type) => type is TicketEvents.Created or TicketEvents.Updated or TicketEvents.MessageFromCustomer
        or TicketEvents.MessageFromAgent or TicketEvents.NoteAdded or TicketEvents.TimeIdle or TicketEvents.TimePending
        or TicketEvents.SlaWarning or TicketEvents.SlaBreached;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null)
        {
            return;
        }
        // A concurrent save of the same ticket (DbUpdateConcurrencyException) is retried by the dispatcher at once.
        await RunAsync(message, change, db, ct);
    }

    private async Task RunAsync(OutboxMessage message, TicketEvent change, AtendeDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.AutomationRules.AsNoTracking()
            .Where(r => r.Enabled && (r.TriggerEvent == change.Type || r.TriggerEvent == TicketEvents.TimeIdle || r.TriggerEvent == TicketEvents.TimePending))
            .OrderBy(r => r.Position).ThenBy(r => r.Id)
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            // The common case on a desk without rules for this event: one cheap query, no ticket load.
            return;
        }
        var rules = rows.Select(Parse).ToList();
        // Most events match no rule: read the ticket as plain facts in one query, and load (and track) the whole
        // ticket only when a rule is about to act on it.
        var facts = await TicketFacts.ReadAsync(db, change.TicketNumber, ct);
        if (facts is null || facts.MergedIntoId is not null)
        {
            return;
        }
        var ticketId = facts.TicketId;
        var wanted = rules.Where(r => r.Trigger.Wants(change, r.Id)).ToList();
        if (wanted.Any(r => r.Conditions.Mentions("businessHours")))
        {
            facts.InBusinessHours = await Sla.TicketCalendar.IsOpenAsync(db, ticketId, now, ct);
        }
        Ticket? ticket = null;
        var applier = new ApplyRuleActions(db, services, now, message.Id);
        foreach (var rule in wanted)
        {
            if (change.RuleId == rule.Id || !StillDue(rule, facts, now) || !ConditionEvaluator.Matches(rule.Conditions, facts, now))
            {
                continue;
            }
            if (change.Depth >= MaxDepth)
            {
                LogLoopStopped(logger, rule.Id, ticketId, change.Depth);
                db.RuleFirings.Add(new RuleFiring(rule.Id, ticketId, change.Type, message.Id, change.Depth, RuleFiringOutcome.LoopStopped,
                    $"not run: the event came from {change.Depth} rule steps in a row (the limit is {MaxDepth}); probably rules undoing each other", now));
                continue;
            }
            ticket ??= await LoadTicketAsync(db, change.TicketNumber, ct);
            if (ticket is null)
            {
                return;
            }
            var actor = Caller.ForRule(rule.Id, rule.Name, change.Depth + 1);
            var (done, complete) = await applier.RunAsync(ticket, rule.Actions, actor, ct);
            db.RuleFirings.Add(new RuleFiring(rule.Id, ticket.Id, change.Type, message.Id, change.Depth,
                complete ? RuleFiringOutcome.Fired : RuleFiringOutcome.Partial, string.Join("; ", done), now));
            // Saved per rule so each rule's changes become their own event, carrying its id (and so never waking it).
            await db.SaveChangesAsync(ct);
            var inBusinessHours = facts.InBusinessHours;
            facts = TicketFacts.Of(ticket, facts.Description);
            facts.InBusinessHours = inBusinessHours;
            if (rule.StopProcessing)
            {
                break;
            }
        }

        if (change.Type is not (TicketEvents.TimeIdle or TicketEvents.TimePending or TicketEvents.SlaWarning or TicketEvents.SlaBreached))
        {
            await RescheduleTimersAsync(db, ticketId, facts, change, rules, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// "Idle for N hours" and "pending for N days" run from a timer per rule and ticket, moved on every change.
    /// A change made by the time rule itself does not restart its own timer, so it fires once per quiet spell.
    /// </summary>
    private static async Task RescheduleTimersAsync(AtendeDb db, int ticketId, TicketFacts ticket, TicketEvent change, List<ParsedRule> rules, CancellationToken ct)
    {
        foreach (var rule in rules.Where(r => r.Trigger.Event is TicketEvents.TimeIdle or TicketEvents.TimePending))
        {
            if (change.RuleId == rule.Id)
            {
                continue;
            }
            var key = RuleTrigger.ScheduleKey(rule.Id);
            var wanted = rule.Trigger.Event == TicketEvents.TimeIdle
                ? !ticket.StatusCategory.IsDone()
                : ticket.StatusCategory == StatusCategory.Pending;
            if (wanted && rule.Trigger.Amount is { } amount)
            {
                var due = rule.Trigger.Event == TicketEvents.TimeIdle ? ticket.UpdatedAt.AddHours(amount) : ticket.UpdatedAt.AddDays(amount);
                await ScheduledEvent.ScheduleAsync(db, rule.Trigger.Event, ticketId, key, due, ct);
            }
            else
            {
                await ScheduledEvent.CancelAsync(db, rule.Trigger.Event, ticketId, key, ct);
            }
        }
    }

    /// <summary>A fired timer is a hint: the ticket may have moved since it was set (a reschedule can race the claim).</summary>
    private static bool StillDue(ParsedRule rule, TicketFacts ticket, DateTime now) => rule.Trigger.Event switch
    {
        TicketEvents.TimeIdle => !ticket.StatusCategory.IsDone() && ticket.UpdatedAt.AddHours(rule.Trigger.Amount ?? 0) <= now.AddMinutes(1),
        TicketEvents.TimePending => ticket.StatusCategory == StatusCategory.Pending && ticket.UpdatedAt.AddDays(rule.Trigger.Amount ?? 0) <= now.AddMinutes(1),
        _ => true,
    };

    internal ParsedRule Parse(AutomationRule row) => _parsed.GetOrAdd((row.Id, row.UpdatedAt), _ =>
    {
        if (_parsed.Count > 5000)
        {
            _parsed.Clear();
        }
        return ParsedRule.From(row);
    });

    internal static async Task<Ticket?> LoadTicketAsync(AtendeDb db, int number, CancellationToken ct) =>
        await db.Tickets
            .Include(t => t.Status).Include(t => t.RequestType).ThenInclude(r => r.Fields)
            .Include(t => t.Assignee).Include(t => t.Team).Include(t => t.Tags).ThenInclude(t => t.Tag)
            .Include(t => t.Watchers).Include(t => t.Requester)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == number, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {RuleId} not run on ticket {TicketId}: event is {Depth} rule steps deep (loop protection).")]
    private static partial void LogLoopStopped(ILogger logger, int ruleId, int ticketId, int depth);
}

/// <summary>A rule read once and kept: what the engine evaluates per event.</summary>
internal sealed record ParsedRule(int Id, string Name, bool StopProcessing, RuleTrigger Trigger, RuleCondition Conditions, IReadOnlyList<RuleAction> Actions)
{
    public static ParsedRule From(AutomationRule row)
    {
        var errors = new ValidationErrors();
        var conditions = ConditionParser.Parse(JsonNode.Parse(row.ConditionsJson), errors);
        return new ParsedRule(row.Id, row.Name, row.StopProcessing, row.Trigger, conditions, RuleActionParser.ParseStored(row.ActionsJson));
    }
}
