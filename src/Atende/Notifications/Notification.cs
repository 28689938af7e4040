namespace Atende.Notifications;

/// <summary>Why an agent is told about a ticket.</summary>
public enum NotificationKind
{
    /// <summary>Someone wrote @handle (the agent's email local part) in a reply or note.</summary>
    Mention = 0,
    /// <summary>The ticket was assigned to the agent by someone else.</summary>
    Assigned = 1,
    /// <summary>A reply arrived on a ticket the agent watches, or a customer replied on one assigned to them.</summary>
    Reply = 2,
    /// <summary>An automation rule's notify action named the agent (the actor name is the rule's).</summary>
    Rule = 3,
    /// <summary>A rule escalated a ticket of the team the agent leads.</summary>
    Escalated = 4,
    /// <summary>A ticket was opened in, or moved into, one of the agent's teams.</summary>
    NewTicket = 5,
    /// <summary>An SLA target of the agent's ticket is about to be missed (<see cref="Notification.Detail"/> names it).</summary>
    SlaWarning = 6,
    /// <summary>An SLA target of the agent's ticket, or of a ticket of the team they lead, was missed.</summary>
    SlaBreached = 7,
    /// <summary>A watched ticket changed status, priority, team or assignee.</summary>
    Updated = 8,
}

/// <summary>Something an agent should look at, shown under the bell until it is read.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(int agentId, NotificationKind kind, int ticketId, string actorName, int? messageId, long outboxMessageId, DateTime now,
        string? detail = null)
    {
        Detail = detail;
        AgentId = agentId;
        Kind = kind;
        TicketId = ticketId;
        ActorName = actorName;
        MessageId = messageId;
        OutboxMessageId = outboxMessageId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int AgentId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public int TicketId { get; private set; }
    public string ActorName { get; private set; } = "";
    public int? MessageId { get; private set; }
    /// <summary>What within the ticket: the SLA target's key ("firstResponse", "nextResponse", "resolution") for SLA kinds.</summary>
    public string? Detail { get; private set; }
    /// <summary>The event that caused it: unique per agent, so a replayed event cannot notify twice.</summary>
    public long OutboxMessageId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
