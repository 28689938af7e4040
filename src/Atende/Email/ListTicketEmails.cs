using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>Where a mail of a ticket stands: queued, sent, retrying after a failure, or failed for good.</summary>
public enum EmailDeliveryStatus
{
    Queued,
    Sent,
    Retrying,
    Failed,
}

/// <param name="MessageId">The reply it carries, when it is an agent's reply (null for acknowledgements, resolutions...).</param>
public sealed record TicketEmailView(
    long Id, string Kind, string To, string? ToName, int? MessageId, EmailDeliveryStatus Status, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime? SentAt, DateTime? NextAttemptAt);

/// <summary>The mail the desk sent (or is sending) about a ticket, oldest first: agents see per reply whom it reached and what failed.</summary>
public sealed class ListTicketEmails(AtendeDb db)
{
    public async Task<IReadOnlyList<TicketEmailView>> HandleAsync(int number, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (!await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == number, ct))
        {
            throw new NotFoundException($"Ticket #{number}");
        }
        var rows = await db.OutboundEmails.AsNoTracking()
            .Where(e => e.TicketId == number)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.To, e.ToName, e.TicketMessageId, e.Attempts, e.LastError, e.CreatedAt, e.SentAt, e.NextAttemptAt })
            .ToListAsync(ct);
        return [.. rows.Select(e =>
        {
            var status = e.SentAt is not null ? EmailDeliveryStatus.Sent
                : e.NextAttemptAt == DeliverOutboundEmails.Parked ? EmailDeliveryStatus.Failed
                : e.Attempts > 0 ? EmailDeliveryStatus.Retrying
                : EmailDeliveryStatus.Queued;
            return new TicketEmailView(e.Id, e.Kind, e.To, e.ToName, e.TicketMessageId, status, e.Attempts, e.LastError, e.CreatedAt, e.SentAt,
                status is EmailDeliveryStatus.Queued or EmailDeliveryStatus.Retrying ? e.NextAttemptAt : null);
        })];
    }
}
