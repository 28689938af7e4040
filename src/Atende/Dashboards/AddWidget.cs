using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Dashboards;

/// <summary>POST /dashboards/{id}/widgets: appends a widget at the end.</summary>
public sealed class AddWidget(AtendeDb db, TimeProvider clock)
{
    public async Task<WidgetView> HandleAsync(int dashboardId, WidgetInput input, Caller caller, CancellationToken ct)
    {
        var (dashboard, _) = await UpdateDashboard.EditableAsync(db, dashboardId, caller, ct);
        var settings = await input.CheckAsync(db, ct);
        var widget = dashboard.Add(settings, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return WidgetView.Of(widget);
    }
}
