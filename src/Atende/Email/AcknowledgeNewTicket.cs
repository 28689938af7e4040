using System.Text.Json;
using Atende.Content;
using Atende.Email.Templates;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>
/// Tells a customer their new request arrived (template ticket.acknowledgement) when they opened it themselves, by
/// email or in the portal (or through the API as themselves). Not when an agent or a rule opened it on their behalf:
/// the agent is already talking to them, and the first reply will reach them. Automatic mail (bounces,
/// out-of-office) never opens a ticket, so it is never acknowledged and two desks cannot answer each other forever.
/// Only the requester is told, not the customers in Cc.
/// </summary>
public sealed class AcknowledgeNewTicket(TicketMail mail, TimeProvider clock) : IOutboxHandler
{
    public const string EmailKind = "ticket.acknowledgement";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "email.acknowledgement";

    public bool Handles(string type) => type == TicketEvents.Created;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null || change.ActorAgentId is not null || change.RuleId is not null)
        {
            return;
        }
        var opened = await db.Tickets.AsNoTracking().Where(t => t.Id == change.TicketNumber)
            .Select(t => new
            {
                t.Channel, t.RequesterId,
                First = t.Messages.Where(m => m.Visibility == Visibility.Public).OrderBy(m => m.Id).Select(m => m.Body).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        // The requester opened it (portal, API as a customer), or the mail importer did for the sender (by email).
        if (opened is null || !(change.ActorCustomerId == opened.RequesterId || (change.ActorCustomerId is null && opened.Channel == Channel.Email)))
        {
            return;
        }
        var ticket = await TicketMail.LoadAsync(db, change.TicketNumber, ct);
        // Nothing is mailed to an address that bounced.
        if (ticket is null || ticket.MergedIntoId is not null || ticket.RequesterBouncing)
        {
            return;
        }
        var recipient = TicketMail.RequesterOf(ticket);
        var body = opened.First ?? "";
        var values = (await mail.ValuesAsync(db, ticket, recipient, ct)).SetHtml("message.body", body, MarkdownBody.ToHtml(body));
        await mail.QueueAsync(db, ticket, EmailTemplateKeys.Acknowledgement, EmailKind, recipient, values, null, automatic: true,
            clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
    }
}
