using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Atende.Surveys;

/// <summary>
/// Answers a survey through its emailed link, without signing in. The link stands for its requester and that one
/// ticket only: the answer goes through <see cref="RateTicket"/> as that customer, with organization sharing off,
/// so the link can never reach any other ticket. Returns the survey as it now stands.
/// </summary>
public sealed class RateTicketByLink(AtendeDb db, IDataProtectionProvider protection, TimeProvider clock, RateTicket rate, GetSurveyByLink get)
{
    public async Task<SurveyView> HandleAsync(string token, RateTicketRequest request, CancellationToken ct)
    {
        var link = SurveyLink.Read(protection, token) ?? throw new NotFoundException("Survey");
        if (link.IsExpired(clock.GetUtcNow().UtcDateTime))
        {
            throw new BusinessRuleException("This survey link has expired; sign in to the portal to rate the request.");
        }
        var requester = await db.Customers.AsNoTracking()
            .Where(c => c.Id == link.RequesterId)
            .Select(c => new { c.Id, c.Name, c.OrganizationId, c.AccountId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Survey");
        var asRequester = new Caller(requester.AccountId, null, requester.Id, null, [], requester.OrganizationId, false, requester.Name);
        await rate.HandleAsync(link.TicketNumber, request, asRequester, ct);
        return await get.HandleAsync(token, ct);
    }
}
