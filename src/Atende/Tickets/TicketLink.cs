namespace Atende.Tickets;

public sealed class TicketLink
{
    public int TicketId { get; set; }
    public int LinkedTicketId { get; set; }
    public LinkKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}
