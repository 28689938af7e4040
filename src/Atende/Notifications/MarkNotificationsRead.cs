using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>Either some notifications by id, or all of them (<see cref="All"/>).</summary>
public sealed record MarkNotificationsReadRequest(IReadOnlyList<int>? Ids = null, bool? All = null);

/// <summary>Marks the signed-in agent's notifications read; other agents' ids are ignored, never touched.</summary>
public sealed class MarkNotificationsRead(AtendeDb db, TimeProvider clock)
{
    public async Task<int> HandleAsync(MarkNotificationsReadRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (request.All != true && (request.Ids is null || request.Ids.Count == 0))
        {
            throw InvalidRequestException.For("ids", "are required unless \"all\" is true.");
        }
        if (request.Ids is { Count: > 500 })
        {
            throw InvalidRequestException.For("ids", "must be at most 500.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Notifications.Where(n => n.AgentId == caller.AgentId && n.ReadAt == null);
        if (request.All != true)
        {
            var ids = request.Ids!.ToList();
            query = query.Where(n => ids.Contains(n.Id));
        }
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
