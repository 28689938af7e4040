namespace Atende.Tickets;

/// <summary>
/// A running stopwatch of one agent on one ticket. It lives in the database, not in a browser tab, so it survives
/// reloads and the agent sees the same clock on the phone and the desktop. Stopping it logs a <see cref="TimeEntry"/>.
/// </summary>
public sealed class TicketTimer
{
    private TicketTimer() { }

    public TicketTimer(int ticketId, int agentId, bool billable, string? note, DateTime now)
    {
        TicketId = ticketId;
        AgentId = agentId;
        Billable = billable;
        Note = note;
        StartedAt = now;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public int AgentId { get; private set; }
    public DateTime StartedAt { get; private set; }
    public bool Billable { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Whole minutes worked, rounded to the nearest minute, at least one: a started timer means some work was done.</summary>
    public int MinutesAt(DateTime now) => Math.Max(1, (int)Math.Round((now - StartedAt).TotalMinutes, MidpointRounding.AwayFromZero));
}
