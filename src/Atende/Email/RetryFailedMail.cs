using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>
/// Imports a failed mail again from its stored bytes (after a fix: a new version, a request type created…). When it
/// imports — or is now known as imported, or as automatic mail — the row is resolved with the ticket it became; when it
/// fails again the row keeps the new error and counts the attempt. Admins only.
/// </summary>
public sealed class RetryFailedMail(AtendeDb db, ImportMail importMail, TimeProvider clock)
{
    public async Task<ImportOutcome> HandleAsync(int mailboxId, int failedMailId, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var failed = await db.FailedMails.AsNoTracking()
            .Where(f => f.Id == failedMailId && f.MailboxId == mailboxId)
            .Select(f => new { f.Raw, f.ResolvedAt, f.TicketId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Failed message {failedMailId} of mailbox {mailboxId}");
        if (failed.ResolvedAt is not null)
        {
            throw new BusinessRuleException($"Failed message {failedMailId} was already imported{(failed.TicketId is { } t ? $" (ticket #{t})" : "")}.");
        }
        var outcome = await importMail.HandleAsync(mailboxId, failed.Raw, ct);
        if (outcome.Kind != ImportOutcomeKind.Failed)
        {
            db.ChangeTracker.Clear();
            var row = await db.FailedMails.FirstAsync(f => f.Id == failedMailId, ct);
            row.Resolve(outcome.TicketId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }
}
