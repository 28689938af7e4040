using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Dashboards;

/// <summary>DELETE /dashboards/{id}/widgets/{widgetId}.</summary>
public sealed class RemoveWidget(AtendeDb db, TimeProvider clock)
{
    public async Task HandleAsync(int dashboardId, int widgetId, Caller caller, CancellationToken ct)
    {
        var (dashboard, _) = await UpdateDashboard.EditableAsync(db, dashboardId, caller, ct);
        var widget = dashboard.Widgets.FirstOrDefault(w => w.Id == widgetId) ?? throw new NotFoundException($"Widget {widgetId}");
        dashboard.Remove(widget, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
