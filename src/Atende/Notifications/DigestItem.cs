namespace Atende.Notifications;

/// <summary>
/// A mail an agent in digest mode would have received: kept until their next digest lists it, then removed
/// in the digest's transaction.
/// </summary>
public sealed class DigestItem
{
    private DigestItem() { }

    public DigestItem(int agentId, AgentEvent @event, int ticketId, string actorName, string? detail, long outboxMessageId, DateTime now)
    {
        AgentId = agentId;
        Event = @event;
        TicketId = ticketId;
        ActorName = actorName;
        Detail = detail;
        OutboxMessageId = outboxMessageId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public int AgentId { get; private set; }
    public AgentEvent Event { get; private set; }
    public int TicketId { get; private set; }
    public string ActorName { get; private set; } = "";
    /// <summary>What within the ticket: the SLA target's key for SLA events.</summary>
    public string? Detail { get; private set; }
    public long OutboxMessageId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
