using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>
/// Every status in workflow order. Anyone signed in may read them: the portal shows a customer where their
/// request stands. A handful of rows, so one page holds them all.
/// </summary>
public sealed class ListStatuses(AtendeDb db)
{
    public async Task<Page<StatusView>> HandleAsync(CancellationToken ct)
    {
        var statuses = await db.Statuses.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        return new Page<StatusView>(statuses.Select(StatusView.Of).ToList(), null);
    }
}
