using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

public sealed record ListWebhookDeliveriesRequest(int? Limit = null, string? Cursor = null);

/// <summary>A webhook's delivery log, newest first, each delivery with its tries (admins).</summary>
public sealed class ListWebhookDeliveries(AtendeDb db)
{
    private const string Kind = "webhook-deliveries";

    public async Task<Page<WebhookDeliveryView>> HandleAsync(int webhookId, ListWebhookDeliveriesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        errors.ThrowIfAny();
        var afterId = request.Cursor is { Length: > 0 } ? PageCursor.Decode(request.Cursor, Kind).Value : 0;
        if (!await db.Webhooks.AnyAsync(w => w.Id == webhookId, ct))
        {
            throw new NotFoundException($"Webhook {webhookId}");
        }
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == webhookId);
        if (afterId > 0)
        {
            query = query.Where(d => d.Id < afterId);
        }
        var deliveries = await query.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        var views = deliveries.Select(d => View(d, attempts[d.Id])).ToList();
        return Page<WebhookDeliveryView>.FromOverfetch(views, limit, v => new PageCursor(Kind, v.Id, 0));
    }

    internal static WebhookDeliveryView View(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) => new(
        d.Id, d.Event, d.TicketNumber, d.RuleId, d.State, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.FailedAt,
        d.LastStatusCode, d.LastError, d.Body,
        attempts.Select(a => new WebhookAttemptView(a.StartedAt, a.DurationMs, a.StatusCode, a.ResponseSnippet, a.Error)).ToList());
}
