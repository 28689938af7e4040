using System.Text.Json;
using Atende.Catalog;
using Atende.Email;
using Atende.Email.Templates;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Atende.Surveys;

/// <summary>
/// When a ticket is resolved, tells its requester (template ticket.resolved) and offers them the satisfaction survey in
/// that same mail — one mail per resolution, never a second "rate us" mail. The offer is recorded with a signed link
/// that works without signing in (<see cref="SurveyLink"/>). Runs from the outbox, so offer and mail exist exactly when
/// the resolution committed. One offer per ticket: a ticket resolved again after a reopening gets the resolution
/// mail without the survey, and a merged duplicate gets neither. A requester who resolved their own ticket is
/// offered the survey (in the portal) but not mailed: nothing is sent for a customer's own action.
/// </summary>
public sealed class OfferSatisfactionSurvey(TimeProvider clock, IDataProtectionProvider protection, IConfiguration configuration, TicketMail mail)
    : IOutboxHandler
{
    public const string EmailKind = "ticket.resolved";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "surveys";

    public bool Handles(string type) => type == TicketEvents.Updated;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null || !change.Fields.Contains("resolvedAt"))
        {
            return;
        }
        var ticket = await TicketMail.LoadAsync(db, change.TicketNumber, ct);
        var category = await db.Tickets.AsNoTracking().Where(t => t.Id == change.TicketNumber).Select(t => t.StatusCategory).FirstOrDefaultAsync(ct);
        if (ticket is null || !category.IsDone() || ticket.MergedIntoId is not null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var recipient = TicketMail.RequesterOf(ticket);
        string? surveyUrl = null;
        if (!await db.SatisfactionRatings.AnyAsync(r => r.TicketId == ticket.Id, ct))
        {
            db.SatisfactionRatings.Add(new SatisfactionRating(ticket.Id, ticket.RequesterId, now));
            var token = SurveyLink.For(ticket.Id, ticket.RequesterId, now).Protect(protection);
            surveyUrl = $"{PublicAddress.Of(configuration)}/portal/survey/{token}?culture={recipient.Language}";
        }
        // One mail per resolution, counted rather than read from the event: a reopening's event handled after the
        // next resolution also finds the ticket done, and must not make that resolution mail twice.
        var resolutions = await db.TicketHistory.CountAsync(h => h.TicketId == ticket.Id && h.Field == "resolvedAt" && h.To != null && h.ActorCustomerId == null, ct);
        var mailed = await db.OutboundEmails.CountAsync(e => e.TicketId == ticket.Id && e.Kind == EmailKind, ct);
        // Nothing is mailed to an address that bounced (the survey stays offered in the portal).
        if (change.ActorCustomerId is null && resolutions > mailed && !ticket.RequesterBouncing)
        {
            var values = (await mail.ValuesAsync(db, ticket, recipient, ct)).SetUrl("survey.url", surveyUrl);
            await mail.QueueAsync(db, ticket, EmailTemplateKeys.Resolved, EmailKind, recipient, values, null, automatic: true, now, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
