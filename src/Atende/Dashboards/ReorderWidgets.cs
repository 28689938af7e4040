using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Dashboards;

/// <summary>PUT /dashboards/{id}/widgets/order: <c>{ "widgetIds": [3, 1, 2] }</c>, every widget once.</summary>
public sealed record ReorderWidgetsRequest(IReadOnlyList<int>? WidgetIds);

/// <summary>Puts a dashboard's widgets in a new order (the editor's "move left/right").</summary>
public sealed class ReorderWidgets(AtendeDb db, TimeProvider clock, GetDashboard get)
{
    public async Task<DashboardDetails> HandleAsync(int dashboardId, ReorderWidgetsRequest request, Caller caller, CancellationToken ct)
    {
        var (dashboard, _) = await UpdateDashboard.EditableAsync(db, dashboardId, caller, ct);
        dashboard.Reorder(request.WidgetIds ?? [], clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(dashboardId.ToString(System.Globalization.CultureInfo.InvariantCulture), caller, ct);
    }
}
