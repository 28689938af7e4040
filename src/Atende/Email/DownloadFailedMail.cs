using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

public sealed record RawMail(string FileName, byte[] Bytes);

/// <summary>The exact bytes of a failed mail, as it arrived (message/rfc822). Admins only.</summary>
public sealed class DownloadFailedMail(AtendeDb db)
{
    public async Task<RawMail> HandleAsync(int mailboxId, int failedMailId, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var raw = await db.FailedMails.AsNoTracking()
            .Where(f => f.Id == failedMailId && f.MailboxId == mailboxId)
            .Select(f => f.Raw)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Failed message {failedMailId} of mailbox {mailboxId}");
        return new RawMail($"failed-{failedMailId}.eml", raw);
    }
}
