using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>Every status key, in the new workflow order.</summary>
public sealed record ReorderStatusesRequest(IReadOnlyList<string?>? Keys);

/// <summary>
/// Puts the workflow in a new order (admins): the whole list of keys, first to last, so a drag in the admin screen is
/// one change and two admins reordering at once cannot interleave into an order neither chose. Positions become
/// 10, 20, 30... A list that misses a status or names an unknown one is refused, since the admin was looking at a
/// stale list.
/// </summary>
public sealed class ReorderStatuses(AtendeDb db)
{
    public async Task<Page<StatusView>> HandleAsync(ReorderStatusesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        await using var transaction = await db.BeginStatusChangeAsync(ct);
        var statuses = await db.Statuses.ToListAsync(ct);
        var keys = CatalogOrder.Validate("keys", request.Keys, statuses.Select(s => s.Key).ToList());
        for (var i = 0; i < keys.Count; i++)
        {
            statuses.Single(s => s.Key == keys[i]).MoveTo((i + 1) * 10);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Page<StatusView>(statuses.OrderBy(s => s.Position).Select(StatusView.Of).ToList(), null);
    }
}
