using System.Globalization;
using Atende.Email.Templates;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Atende.Email;

/// <summary>What customer mail about a ticket needs to know about it.</summary>
public sealed record TicketMailFacts(
    int Id, string Subject, string StatusName, Priority Priority, int? MailboxId, string? MailboxAddress, int? MergedIntoId,
    int RequesterId, string RequesterName, string RequesterEmail, string RequesterLanguage, bool RequesterBouncing);

/// <summary>A person a ticket mail goes to.</summary>
public sealed record MailRecipient(int? CustomerId, string Email, string Name, string Language);

/// <summary>
/// Queues customer mail about a ticket in the caller's transaction: renders the recipient's template, tags the
/// subject with [#1042], and points Reply-To at the ticket's reply address on the mailbox the ticket came through
/// (or the desk's Atende:Smtp sender), so the answer threads back into the ticket.
/// </summary>
public sealed class TicketMail(IConfiguration configuration, IOptions<SmtpOptions> smtp, MailTokenSecret secret)
{
    public static Task<TicketMailFacts?> LoadAsync(AtendeDb db, int ticketId, CancellationToken ct) =>
        db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId)
            .Select(t => new TicketMailFacts(t.Id, t.Subject, t.Status.Name, t.Priority, t.MailboxId,
                db.Mailboxes.Where(m => m.Id == t.MailboxId).Select(m => m.Address).FirstOrDefault(), t.MergedIntoId,
                t.RequesterId, t.Requester.Name, t.Requester.Email, t.Requester.Language, t.Requester.EmailBouncingSince != null))
            .FirstOrDefaultAsync(ct);

    public static MailRecipient RequesterOf(TicketMailFacts ticket) =>
        new(ticket.RequesterId, ticket.RequesterEmail, ticket.RequesterName, EmailTemplateDefaults.LanguageOf(ticket.RequesterLanguage));

    /// <summary>The values every ticket template has, for one recipient.</summary>
    public async Task<TemplateValues> ValuesAsync(AtendeDb db, TicketMailFacts ticket, MailRecipient recipient, CancellationToken ct)
    {
        var brand = await db.PortalSettings.AsNoTracking().Select(s => s.BrandName).FirstOrDefaultAsync(ct) ?? Portal.GetPortalSettings.DefaultBrandName;
        var url = $"{PublicAddress.Of(configuration)}/portal/requests/{ticket.Id.ToString(CultureInfo.InvariantCulture)}";
        return new TemplateValues()
            .Set("ticket.number", ticket.Id.ToString(CultureInfo.InvariantCulture))
            .Set("ticket.subject", ticket.Subject)
            .SetUrl("ticket.url", url)
            .Set("ticket.status", ticket.StatusName)
            .Set("ticket.priority", ticket.Priority.ToString())
            .Set("requester.name", ticket.RequesterName)
            .Set("requester.email", ticket.RequesterEmail)
            .Set("recipient.name", recipient.Name)
            .Set("desk.name", brand);
    }

    /// <summary>Renders <paramref name="key"/> for the recipient and adds the mail to <paramref name="db"/> (the caller saves).</summary>
    public async Task<OutboundEmail> QueueAsync(AtendeDb db, TicketMailFacts ticket, string key, string kind, MailRecipient recipient,
        TemplateValues values, int? ticketMessageId, bool automatic, DateTime now, CancellationToken ct)
    {
        var mail = await EmailTemplates.RenderAsync(db, key, recipient.Language, values, ct);
        var subject = SubjectTag.AddTo(mail.Subject, ticket.Id);
        if (subject.Length > 500)
        {
            subject = SubjectTag.AddTo(mail.Subject[..480], ticket.Id);
        }
        var replyTo = await ReplyToAsync(db, ticket, ct);
        var email = new OutboundEmail(kind, recipient.Email, recipient.Name, recipient.Language, subject, mail.Text, mail.Html, ticket.Id, now)
            .AboutTicket(ticketMessageId, ticket.MailboxId, replyTo, automatic);
        db.OutboundEmails.Add(email);
        return email;
    }

    private async Task<string?> ReplyToAsync(AtendeDb db, TicketMailFacts ticket, CancellationToken ct)
    {
        var address = ticket.MailboxAddress ?? (MailboxAddress.TryParse(smtp.Value.From ?? "", out var from) ? from.Address : null);
        if (string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }
        return ReplyAddress.For(address, ticket.Id, await secret.GetAsync(db, ct));
    }
}
