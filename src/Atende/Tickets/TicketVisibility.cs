using Atende.Accounts;

namespace Atende.Tickets;

/// <summary>
/// The one place that says which tickets a caller may see. Every read, list, search and write starts here;
/// a ticket outside it does not exist for the caller (404).
/// </summary>
public static class TicketVisibility
{
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return tickets;
        }
        if (caller.IsStaff)
        {
            // Agents see their teams' queues, tickets no team owns yet, and whatever is assigned to them.
            var teams = caller.TeamIds.ToList();
            var me = caller.AgentId;
            return tickets.Where(t => t.TeamId == null || teams.Contains(t.TeamId.Value) || t.AssigneeId == me);
        }
        if (caller.CustomerId is { } customerId)
        {
            if (caller.OrganizationSharesTickets && caller.OrganizationId is { } organizationId)
            {
                return tickets.Where(t => t.RequesterId == customerId || t.OrganizationId == organizationId);
            }
            return tickets.Where(t => t.RequesterId == customerId);
        }
        return tickets.Where(t => false);
    }

    /// <summary>What a caller may see of the messages of a visible ticket.</summary>
    public static IQueryable<Message> VisibleTo(this IQueryable<Message> messages, Caller caller) =>
        caller.IsStaff ? messages : messages.Where(m => m.Visibility == Visibility.Public);
}
