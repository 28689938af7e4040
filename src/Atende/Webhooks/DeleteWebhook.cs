using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

/// <summary>Removes a webhook and its delivery log (admins); to stop sending but keep the log, deactivate it instead.</summary>
public sealed class DeleteWebhook(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException($"Webhook {id}");
        db.Webhooks.Remove(webhook);
        await db.SaveChangesAsync(ct);
    }
}
