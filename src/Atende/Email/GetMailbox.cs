using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>One mailbox (admins), with its last poll and last error; passwords are never returned.</summary>
public sealed class GetMailbox(AtendeDb db)
{
    public async Task<MailboxView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var mailbox = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}");
        return MailboxView.Of(mailbox);
    }
}
