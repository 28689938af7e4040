using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

/// <summary>Every webhook, by name (admins); a desk has a handful.</summary>
public sealed class ListWebhooks(AtendeDb db)
{
    public async Task<IReadOnlyList<WebhookView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Name).ThenBy(w => w.Id).Take(500).ToListAsync(ct);
        return webhooks.Select(WebhookView.Of).ToList();
    }
}
