namespace Atende.Tickets;

/// <summary>Time an agent worked on a ticket; billable time is what B2B clients are invoiced for.</summary>
public sealed class TimeEntry
{
    private TimeEntry() { }

    public TimeEntry(int agentId, int minutes, string? note, bool billable, DateTime now)
    {
        AgentId = agentId;
        Minutes = minutes;
        Note = note;
        Billable = billable;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public int AgentId { get; private set; }
    public int Minutes { get; private set; }
    public string? Note { get; private set; }
    public bool Billable { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
