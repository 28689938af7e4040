using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

public sealed record ListRuleWebhookDeliveriesRequest(int? RuleId = null, int? Limit = null, string? Cursor = null);

/// <summary>
/// The deliveries a rule's webhook action asked for (they belong to no registered webhook), newest first, with their
/// tries (admins): where to look when a rule's call seems to go nowhere.
/// </summary>
public sealed class ListRuleWebhookDeliveries(AtendeDb db)
{
    private const string Kind = "rule-webhook-deliveries";

    public async Task<Page<WebhookDeliveryView>> HandleAsync(ListRuleWebhookDeliveriesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        if (request.RuleId is null)
        {
            errors.Add("ruleId", "is required.");
        }
        errors.ThrowIfAny();
        var afterId = request.Cursor is { Length: > 0 } ? PageCursor.Decode(request.Cursor, Kind).Value : 0;
        var ruleId = request.RuleId!.Value;
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookId == null && d.RuleId == ruleId);
        if (afterId > 0)
        {
            query = query.Where(d => d.Id < afterId);
        }
        var deliveries = await query.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        var views = deliveries.Select(d => ListWebhookDeliveries.View(d, attempts[d.Id])).ToList();
        return Page<WebhookDeliveryView>.FromOverfetch(views, limit, v => new PageCursor(Kind, v.Id, 0));
    }
}
