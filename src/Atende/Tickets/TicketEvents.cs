namespace Atende.Tickets;

/// <summary>
/// What happened to a ticket, written to the outbox in the same transaction as the change.
/// The names are the automation trigger events of API.md.
/// </summary>
public static class TicketEvents
{
    public const string Created = "ticket.created";
    public const string Updated = "ticket.updated";
    public const string MessageFromCustomer = "message.fromCustomer";
    public const string MessageFromAgent = "message.fromAgent";
    public const string NoteAdded = "note.added";
    public const string Merged = "ticket.merged";

    // Time-based events: written by the scheduler when a ScheduledEvent falls due (Fields holds its key).
    public const string TimeIdle = "time.idle";
    public const string TimePending = "time.pending";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
}

/// <summary>
/// The outbox payload. <see cref="MessageId"/> is filled once the message has its id. <see cref="RuleId"/> names the
/// rule whose action caused the event and <see cref="Depth"/> how many rule steps led to it (loop protection).
/// A "created" event carries the team and assignee the ticket was opened with: its handlers may run after later
/// changes, and must not take a later assignment for the opening one.
/// </summary>
public sealed record TicketEvent(
    string Type,
    int TicketNumber,
    int? ActorAgentId,
    int? ActorCustomerId,
    IReadOnlyList<string> Fields,
    int? MessageId,
    DateTime At,
    int? RuleId = null,
    int Depth = 0,
    int? OpenedWithTeamId = null,
    int? OpenedWithAssigneeId = null);
