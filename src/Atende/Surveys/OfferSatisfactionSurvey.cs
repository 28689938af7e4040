using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json;
using Atende.Catalog;
using Atende.Email;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Atende.Surveys;

/// <summary>
/// When a ticket is resolved, offers its requester the satisfaction survey: records the offer and queues an email,
/// in the requester's language, with a signed link that works without signing in (<see cref="SurveyLink"/>).
/// Runs from the outbox, so the offer exists exactly when the resolution committed. One offer per ticket: a
/// ticket resolved again after a reopening is not asked twice, and a merged duplicate is not asked at all.
/// </summary>
public sealed class OfferSatisfactionSurvey(TimeProvider clock, IDataProtectionProvider protection, IConfiguration configuration) : IOutboxHandler
{
    public const string EmailKind = "survey.invite";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ResourceManager Text = new(typeof(SurveyMailText).FullName!, typeof(SurveyMailText).Assembly);

    public string Name => "surveys";

    public bool Handles(string type) => type == TicketEvents.Updated;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null || !change.Fields.Contains("resolvedAt"))
        {
            return;
        }
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == change.TicketNumber)
            .Select(t => new
            {
                t.Id, t.Subject, t.StatusCategory, t.MergedIntoId, t.RequesterId,
                t.Requester.Email, t.Requester.Name, t.Requester.Language,
            })
            .FirstOrDefaultAsync(ct);
        if (ticket is null || !ticket.StatusCategory.IsDone() || ticket.MergedIntoId is not null ||
            await db.SatisfactionRatings.AnyAsync(r => r.TicketId == ticket.Id, ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.SatisfactionRatings.Add(new SatisfactionRating(ticket.Id, ticket.RequesterId, now));

        var token = SurveyLink.For(ticket.Id, ticket.RequesterId, now).Protect(protection);
        var language = ticket.Language is "pt-BR" ? "pt-BR" : "en";
        var url = $"{PublicUrl(configuration)}/portal/survey/{token}?culture={language}";
        var (subject, text, html) = Compose(language, ticket.Id, ticket.Subject, ticket.Name, url);
        db.OutboundEmails.Add(new OutboundEmail(EmailKind, ticket.Email, ticket.Name, language, subject, text, html, ticket.Id, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Where people reach this Atende (Atende:PublicUrl), for links in emails, which have no request to take it from.</summary>
    public static string PublicUrl(IConfiguration configuration) =>
        (configuration["Atende:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');

    /// <summary>The invitation's subject, text and HTML bodies. The email channel (a later issue) will bring templates.</summary>
    public static (string Subject, string Text, string Html) Compose(string language, int number, string ticketSubject, string name, string url)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        string T(string key, params object[] args) =>
            string.Format(culture, Text.GetString(key, culture) ?? key, args);
        var days = (int)SurveyLink.Lifetime.TotalDays;
        var changeDays = (int)SatisfactionRating.ChangeWindow.TotalDays;
        var subject = T("Subject", number);
        var text = string.Join("\n\n",
            T("Greeting", name),
            T("Resolved", number, ticketSubject),
            url,
            T("Footer", days, changeDays),
            T("Thanks"));
        var html = $"""
            <p>{WebUtility.HtmlEncode(T("Greeting", name))}</p>
            <p>{WebUtility.HtmlEncode(T("Resolved", number, ticketSubject))}</p>
            <p><a href="{WebUtility.HtmlEncode(url)}">{WebUtility.HtmlEncode(T("Rate"))}</a></p>
            <p>{WebUtility.HtmlEncode(T("Footer", days, changeDays))}</p>
            <p>{WebUtility.HtmlEncode(T("Thanks"))}</p>
            """;
        return (subject, text, html);
    }
}
