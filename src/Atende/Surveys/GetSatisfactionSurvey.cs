using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Surveys;

/// <summary>
/// The survey of one ticket for a signed-in customer (the portal's request page). Null when there is nothing for
/// this caller to answer: someone other than the requester, such as a colleague who sees the ticket through
/// organization sharing. A ticket the caller cannot see is a 404 as everywhere.
/// </summary>
public sealed class GetSatisfactionSurvey(AtendeDb db, TimeProvider clock)
{
    public async Task<SurveyView?> HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .VisibleTo(caller)
            .Where(t => t.Id == number)
            .Select(t => new { t.Id, t.Subject, t.RequesterId, t.StatusCategory, t.MergedIntoId, t.Requester.Language })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Ticket #{number}");
        if (caller.CustomerId != ticket.RequesterId)
        {
            return null;
        }
        var rating = await db.SatisfactionRatings.AsNoTracking().FirstOrDefaultAsync(r => r.TicketId == number, ct);
        return SurveyView.For(ticket.Id, ticket.Subject, ticket.StatusCategory, ticket.MergedIntoId, rating, ticket.Language,
            clock.GetUtcNow().UtcDateTime);
    }
}
