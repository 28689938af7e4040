namespace Atende.Tickets;

/// <summary>One change to a ticket: who, when, which field, from what, to what — and later, which rule.</summary>
public sealed class TicketHistoryEntry
{
    private TicketHistoryEntry() { }

    public TicketHistoryEntry(Accounts.Caller actor, string field, string? from, string? to, DateTime at)
    {
        ActorAgentId = actor.AgentId;
        ActorCustomerId = actor.CustomerId;
        ActorName = actor.Name;
        RuleId = actor.RuleId;
        Field = field;
        From = from;
        To = to;
        At = at;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public DateTime At { get; private set; }
    public int? ActorAgentId { get; private set; }
    public int? ActorCustomerId { get; private set; }
    /// <summary>A snapshot, so the entry still reads right after the person is renamed or removed.</summary>
    public string ActorName { get; private set; } = "";
    /// <summary>The rule that made the change (from <see cref="Accounts.Caller.RuleId"/>); null for people and the system.</summary>
    public int? RuleId { get; private set; }
    public string Field { get; private set; } = "";
    public string? From { get; private set; }
    public string? To { get; private set; }
}
