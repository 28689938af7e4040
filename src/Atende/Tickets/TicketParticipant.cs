namespace Atende.Tickets;

/// <summary>
/// A customer who takes part in a ticket besides its requester, typically someone in Cc of the mail that opened it:
/// they receive its public replies and may answer by mail. Participation does not widen what a customer sees in the
/// portal (that stays their own and, for organization managers, their organization's tickets).
/// </summary>
public sealed class TicketParticipant
{
    public int TicketId { get; set; }
    public int CustomerId { get; set; }
}
