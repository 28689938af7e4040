using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

public sealed record FailedMailView(
    int Id, int MailboxId, string MailboxName, string? Subject, string? From, string Error, long Size, int Attempts,
    DateTime FailedAt, DateTime LastTriedAt, DateTime? ResolvedAt, int? TicketId);

/// <param name="MailboxId">Only this mailbox's; null for every mailbox.</param>
/// <param name="IncludeResolved">Also those a retry imported.</param>
public sealed record ListFailedMailsRequest(int? MailboxId = null, bool IncludeResolved = false, int Limit = 200);

/// <summary>The mails that could not be imported, unresolved first and newest first, without their bytes. Admins only.</summary>
public sealed class ListFailedMails(AtendeDb db)
{
    public async Task<IReadOnlyList<FailedMailView>> HandleAsync(ListFailedMailsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        if (request.MailboxId is { } mailboxId && !await db.Mailboxes.AnyAsync(m => m.Id == mailboxId, ct))
        {
            throw new NotFoundException($"Mailbox {mailboxId}");
        }
        var query = db.FailedMails.AsNoTracking();
        if (request.MailboxId is { } id)
        {
            query = query.Where(f => f.MailboxId == id);
        }
        if (!request.IncludeResolved)
        {
            query = query.Where(f => f.ResolvedAt == null);
        }
        return await query
            .OrderBy(f => f.ResolvedAt != null).ThenByDescending(f => f.FailedAt).ThenByDescending(f => f.Id)
            .Take(Math.Clamp(request.Limit, 1, 1000))
            .Select(f => new FailedMailView(f.Id, f.MailboxId, db.Mailboxes.Where(m => m.Id == f.MailboxId).Select(m => m.Name).FirstOrDefault() ?? "",
                f.Subject, f.From, f.Error, f.Size, f.Attempts, f.FailedAt, f.LastTriedAt, f.ResolvedAt, f.TicketId))
            .ToListAsync(ct);
    }
}
