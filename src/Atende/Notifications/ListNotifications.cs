using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

public sealed record ListNotificationsRequest(bool? Unread = null, int? Limit = null, string? Cursor = null);

public sealed record NotificationView(int Id, NotificationKind Kind, int TicketNumber, string TicketSubject, string ActorName, DateTime CreatedAt, DateTime? ReadAt,
    string? Detail = null);

/// <summary>The signed-in agent's notifications, newest first, one keyset page at a time.</summary>
public sealed class ListNotifications(AtendeDb db)
{
    public async Task<Page<NotificationView>> HandleAsync(ListNotificationsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        errors.ThrowIfAny();
        var before = request.Cursor is { Length: > 0 } cursor ? PageCursor.Decode(cursor, "notifications").Id : int.MaxValue;

        var query = db.Notifications.AsNoTracking().Where(n => n.AgentId == caller.AgentId && n.Id < before);
        if (request.Unread == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        var rows = await query
            .OrderByDescending(n => n.Id)
            .Take(limit + 1)
            .Join(db.Tickets, n => n.TicketId, t => t.Id, (n, t) => new NotificationView(n.Id, n.Kind, t.Id, t.Subject, n.ActorName, n.CreatedAt, n.ReadAt, n.Detail))
            .ToListAsync(ct);
        return Page<NotificationView>.FromOverfetch(rows, limit, n => new PageCursor("notifications", 0, n.Id));
    }
}
