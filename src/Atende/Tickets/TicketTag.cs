namespace Atende.Tickets;

public sealed class TicketTag
{
    public int TicketId { get; set; }
    public int TagId { get; set; }
    public Catalog.Tag Tag { get; set; } = null!;
}
