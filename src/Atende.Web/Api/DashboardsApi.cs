using Atende.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/dashboards — the built-in and agents' own dashboards, their widgets and each widget's data.</summary>
public static class DashboardsApi
{
    public static void MapDashboardsApi(this RouteGroupBuilder api)
    {
        var dashboards = api.MapGroup("/dashboards").WithTags("Dashboards");
        dashboards.MapGet("/", List).WithSummary("List the dashboards the caller may see: built-in (manager, my-work), own, shared with their teams or everyone");
        dashboards.MapPost("/", Create).WithSummary("Create a dashboard (personal; team or everyone for admins and team leads), optionally copying another's widgets (copyOf)");
        dashboards.MapGet("/catalog", Catalog).WithSummary("The reports, metrics, groupings and periods a widget can use");
        dashboards.MapPut("/home", ChooseHome).WithSummary("Choose the caller's home dashboard (a built-in key or a dashboard id)");
        dashboards.MapGet("/{id}", Get).WithSummary("Read a dashboard with its widgets: an id, a built-in key (manager, my-work) or 'home'");
        dashboards.MapPatch("/{id:int}", Update).WithSummary("Rename or re-share a dashboard (owner; for shared ones also admins and the team's lead)");
        dashboards.MapDelete("/{id:int}", Delete).WithSummary("Delete a dashboard and its widgets");
        dashboards.MapPost("/{id:int}/widgets", AddWidget).WithSummary("Add a widget at the end of a dashboard");
        dashboards.MapPut("/{id:int}/widgets/order", Reorder).WithSummary("Put the widgets in a new order (every widget id once)");
        dashboards.MapPut("/{id:int}/widgets/{widgetId:int}", UpdateWidget).WithSummary("Replace a widget's settings (title, kind, report, metrics, groupBy, period, filters, width, height)");
        dashboards.MapDelete("/{id:int}/widgets/{widgetId:int}", RemoveWidget).WithSummary("Remove a widget");
        dashboards.MapGet("/{id}/widgets/{widgetId:int}/data", Data).WithSummary("Run a widget for the caller, in their time zone (period overrides the widget's own)");
    }

    private static async Task<Ok<IReadOnlyList<DashboardSummary>>> List(ListDashboards list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(caller.Value, ct));

    private static async Task<Created<DashboardDetails>> Create(CreateDashboardRequest request, CreateDashboard create, CurrentCaller caller, CancellationToken ct)
    {
        var dashboard = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/dashboards/{dashboard.Id}", dashboard);
    }

    private static Ok<IReadOnlyList<CatalogReport>> Catalog(CurrentCaller caller)
    {
        caller.Value.RequireStaff();
        return TypedResults.Ok(ReportCatalog.All);
    }

    private static async Task<Ok<DashboardDetails>> ChooseHome(ChooseHomeDashboardRequest request, ChooseHomeDashboard choose, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await choose.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<DashboardDetails>> Get(string id, GetDashboard get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Ok<DashboardDetails>> Update(int id, UpdateDashboardRequest request, UpdateDashboard update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteDashboard delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<WidgetView>> AddWidget(int id, WidgetInput input, AddWidget add, CurrentCaller caller, CancellationToken ct)
    {
        var widget = await add.HandleAsync(id, input, caller.Value, ct);
        return TypedResults.Created($"/api/v1/dashboards/{id}/widgets/{widget.Id}", widget);
    }

    private static async Task<Ok<DashboardDetails>> Reorder(int id, ReorderWidgetsRequest request, ReorderWidgets reorder, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await reorder.HandleAsync(id, request, caller.Value, ct));

    private static async Task<Ok<WidgetView>> UpdateWidget(int id, int widgetId, WidgetInput input, UpdateWidget update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, widgetId, input, caller.Value, ct));

    private static async Task<NoContent> RemoveWidget(int id, int widgetId, RemoveWidget remove, CurrentCaller caller, CancellationToken ct)
    {
        await remove.HandleAsync(id, widgetId, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WidgetData>> Data(string id, int widgetId, [AsParameters] RunWidgetRequest request, RunWidget run, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await run.HandleAsync(id, widgetId, request, caller.Value, ct));
}
