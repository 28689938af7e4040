using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed class GetStatus(AtendeDb db)
{
    public async Task<StatusView> HandleAsync(string key, CancellationToken ct)
    {
        var status = await db.Statuses.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct)
            ?? throw new NotFoundException($"Status '{key}'");
        return StatusView.Of(status);
    }
}
