using System.Text.Json;
using Atende.Content;
using Atende.Email.Templates;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>
/// Every public reply by staff (from the workspace, the API or a macro) is mailed to the ticket's requester and its
/// participants (customers in Cc), each in their language, from the ticket's mailbox. Internal notes (a rule's
/// "note" action included) are never mailed. Runs from the outbox, so the mail is queued exactly when the reply
/// committed and once: the dispatcher records this handler as done in the same transaction.
/// Nobody gets their own reply, and an address known to bounce is skipped.
/// </summary>
public sealed class EmailAgentReplies(TicketMail mail, TimeProvider clock) : IOutboxHandler
{
    public const string EmailKind = "ticket.reply";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "email.replies";

    public bool Handles(string type) => type == TicketEvents.MessageFromAgent;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change?.MessageId is not { } messageId)
        {
            return;
        }
        var reply = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Id == messageId && m.TicketId == change.TicketNumber)
            .Select(m => new { m.Id, m.Body, m.Visibility, m.AuthorAgentId, m.AuthorCustomerId, m.AuthorName })
            .FirstOrDefaultAsync(ct);
        if (reply is null || reply.Visibility != Visibility.Public || reply.AuthorCustomerId is not null)
        {
            return;
        }
        var ticket = await TicketMail.LoadAsync(db, change.TicketNumber, ct);
        if (ticket is null)
        {
            return;
        }
        var authorEmail = reply.AuthorAgentId is { } agentId
            ? await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.Email).FirstOrDefaultAsync(ct)
            : null;
        var recipients = await RecipientsAsync(db, ticket, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var recipient in recipients.Where(r => !string.Equals(r.Email, authorEmail, StringComparison.OrdinalIgnoreCase)))
        {
            var values = (await mail.ValuesAsync(db, ticket, recipient, ct))
                .SetHtml("message.body", reply.Body, MarkdownBody.ToHtml(reply.Body))
                .Set("agent.name", reply.AuthorName);
            // A person's reply is not automatic mail: the customer's out-of-office may answer it, as it would a colleague.
            // A rule's reply is.
            await mail.QueueAsync(db, ticket, EmailTemplateKeys.Reply, EmailKind, recipient, values, reply.Id,
                automatic: change.RuleId is not null || reply.AuthorAgentId is null, now, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The requester, then the participants; each address once; none whose address bounced.</summary>
    internal static async Task<List<MailRecipient>> RecipientsAsync(AtendeDb db, TicketMailFacts ticket, CancellationToken ct)
    {
        var participants = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticket.Id)
            .SelectMany(t => t.Participants)
            .Join(db.Customers.Where(c => c.EmailBouncingSince == null), p => p.CustomerId, c => c.Id,
                (p, c) => new MailRecipient(c.Id, c.Email, c.Name, c.Language))
            .ToListAsync(ct);
        var all = ticket.RequesterBouncing ? new List<MailRecipient>() : [TicketMail.RequesterOf(ticket)];
        all.AddRange(participants.Select(p => p with { Language = EmailTemplateDefaults.LanguageOf(p.Language) }));
        return [.. all.Where(r => r.Email.Contains('@', StringComparison.Ordinal))
            .DistinctBy(r => r.Email.ToLowerInvariant())];
    }
}
