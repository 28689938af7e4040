using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Surveys;

/// <summary>
/// The survey behind an emailed link, for someone who has not signed in. The link is the only credential, so a
/// link we did not issue, or one whose ticket no longer belongs to the customer it was sent to, is a 404 that
/// says nothing; an expired one says only that it expired.
/// </summary>
public sealed class GetSurveyByLink(AtendeDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public async Task<SurveyView> HandleAsync(string token, CancellationToken ct)
    {
        var link = SurveyLink.Read(protection, token) ?? throw new NotFoundException("Survey");
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == link.TicketNumber && t.RequesterId == link.RequesterId)
            .Select(t => new { t.Id, t.Subject, t.StatusCategory, t.MergedIntoId, t.Requester.Language })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Survey");
        var now = clock.GetUtcNow().UtcDateTime;
        if (link.IsExpired(now))
        {
            return SurveyView.ExpiredLink(ticket.Id, ticket.Language);
        }
        var rating = await db.SatisfactionRatings.AsNoTracking().FirstOrDefaultAsync(r => r.TicketId == ticket.Id, ct);
        return SurveyView.For(ticket.Id, ticket.Subject, ticket.StatusCategory, ticket.MergedIntoId, rating, ticket.Language, now);
    }
}
