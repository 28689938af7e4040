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
}

/// <summary>Something an agent should look at, shown under the bell until it is read.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(int agentId, NotificationKind kind, int ticketId, string actorName, int? messageId, long outboxMessageId, DateTime now)
    {
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
    /// <summary>The event that caused it: unique per agent, so a replayed event cannot notify twice.</summary>
    public long OutboxMessageId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
