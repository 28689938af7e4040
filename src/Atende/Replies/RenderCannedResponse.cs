using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Replies;

public sealed record RenderedCannedResponse(int Id, string Title, string Body, string BodyHtml);

/// <summary>
/// A canned response filled in for one ticket, ready to go into the reply box. Both must be visible to the caller:
/// the placeholders carry the ticket's subject and requester, so a ticket the agent cannot see is a 404 here too.
/// </summary>
public sealed class RenderCannedResponse(AtendeDb db)
{
    public async Task<RenderedCannedResponse> HandleAsync(int id, int ticketNumber, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var response = await db.CannedResponses.AsNoTracking().VisibleTo(caller)
            .Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Title, r.Body })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Canned response {id}");
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(caller)
            .Where(t => t.Id == ticketNumber)
            .Select(t => new { t.Id, t.Subject, RequesterName = t.Requester.Name })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Ticket #{ticketNumber}");

        var body = CannedResponsePlaceholders.Fill(response.Body, new Dictionary<string, string>
        {
            [CannedResponsePlaceholders.TicketNumber] = ticket.Id.ToString(CultureInfo.InvariantCulture),
            [CannedResponsePlaceholders.TicketSubject] = ticket.Subject,
            [CannedResponsePlaceholders.RequesterName] = ticket.RequesterName,
            [CannedResponsePlaceholders.AgentName] = caller.Name,
        });
        return new RenderedCannedResponse(response.Id, response.Title, body, Content.MarkdownBody.ToHtml(body));
    }
}
