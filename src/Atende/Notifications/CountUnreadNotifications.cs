using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>The number on the bell. Counted up to 100 ("99+"): nobody reads past that, and the count stays cheap.</summary>
public sealed class CountUnreadNotifications(AtendeDb db)
{
    public const int Cap = 100;

    public async Task<int> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await db.Notifications.Where(n => n.AgentId == caller.AgentId && n.ReadAt == null).Take(Cap).CountAsync(ct);
    }
}
