using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Email;

/// <summary>
/// Disconnects a mailbox (admins). Its tickets stay; their replies then leave through the desk's Atende:Smtp. To stop
/// fetching but keep the settings, deactivate it instead.
/// </summary>
public sealed class DeleteMailbox(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var mailbox = await db.Mailboxes.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"Mailbox {id}");
        db.Mailboxes.Remove(mailbox);
        await db.SaveChangesAsync(ct);
    }
}
