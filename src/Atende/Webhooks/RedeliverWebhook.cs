using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

/// <summary>Sends a delivery again now, with the same body and id, whatever became of it (admins).</summary>
public sealed class RedeliverWebhook(AtendeDb db, TimeProvider clock)
{
    public async Task<WebhookDeliveryView> HandleAsync(int webhookId, long deliveryId, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.WebhookId == webhookId, ct)
            ?? throw new NotFoundException($"Delivery {deliveryId} of webhook {webhookId}");
        if (delivery.State == WebhookDeliveryState.Pending && delivery.LockedUntil > clock.GetUtcNow().UtcDateTime)
        {
            throw new BusinessRuleException("This delivery is being sent right now; wait for the attempt to finish.");
        }
        delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Id).ToListAsync(ct);
        return ListWebhookDeliveries.View(delivery, attempts);
    }
}
