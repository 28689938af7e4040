using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

public sealed class GetWebhook(AtendeDb db)
{
    public async Task<WebhookView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var webhook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException($"Webhook {id}");
        return WebhookView.Of(webhook);
    }
}
