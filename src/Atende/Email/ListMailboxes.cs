using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>Every mailbox, by name (admins); a desk has a handful.</summary>
public sealed class ListMailboxes(AtendeDb db)
{
    public async Task<IReadOnlyList<MailboxView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var mailboxes = await db.Mailboxes.AsNoTracking().OrderBy(m => m.Name).ThenBy(m => m.Id).Take(500).ToListAsync(ct);
        return mailboxes.Select(MailboxView.Of).ToList();
    }
}
