using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Dashboards;

/// <summary>PUT /dashboards/{id}/widgets/{widgetId}: replaces the widget's settings (resizing sends the widget with its new width).</summary>
public sealed class UpdateWidget(AtendeDb db, TimeProvider clock)
{
    public async Task<WidgetView> HandleAsync(int dashboardId, int widgetId, WidgetInput input, Caller caller, CancellationToken ct)
    {
        var (dashboard, _) = await UpdateDashboard.EditableAsync(db, dashboardId, caller, ct);
        var widget = dashboard.Widgets.FirstOrDefault(w => w.Id == widgetId) ?? throw new NotFoundException($"Widget {widgetId}");
        widget.Change(await input.CheckAsync(db, ct));
        dashboard.Rename(dashboard.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WidgetView.Of(widget);
    }
}
