namespace Atende.Tickets;

/// <summary>An agent who follows a ticket and hears about its changes.</summary>
public sealed class TicketWatcher
{
    public int TicketId { get; set; }
    public int AgentId { get; set; }
}
