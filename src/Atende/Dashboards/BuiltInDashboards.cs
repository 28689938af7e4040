namespace Atende.Dashboards;

/// <summary>A dashboard every agent has, defined in code (key, English name; screens localize by key).</summary>
public sealed record BuiltInDashboard(string Key, string Name, IReadOnlyList<WidgetSettings> Widgets)
{
    public DashboardDetails Details(bool home) =>
        new(Key, Name, true, DashboardSharing.Everyone.Name(), null, null, false, home,
            Widgets.Select((w, i) => WidgetView.Of(i + 1, i, w)).ToList());
}

/// <summary>
/// The two default dashboards. They live in code, not in the database: every agent has them without seeding, they
/// follow the reports as they are added (a widget whose report is not installed shows "not available"), and an agent
/// who wants changes copies one (POST /dashboards with copyOf) and edits the copy.
/// </summary>
public static class BuiltInDashboards
{
    public const string ManagerKey = "manager";
    public const string MyWorkKey = "my-work";

    private static WidgetSettings W(string title, WidgetKind kind, string report, string[] metrics, string? groupBy, int width,
        string period = WidgetPeriods.Last30, bool compare = false, string? agent = null, WidgetHeight height = WidgetHeight.Medium) =>
        new(title, kind, report, metrics, groupBy, period, null, null, null, null, null, null, agent, compare, width, height);

    public static BuiltInDashboard Manager { get; } = new(ManagerKey, "Manager overview",
    [
        W("Tickets created", WidgetKind.Number, "volume", ["created"], "none", 2, compare: true, height: WidgetHeight.Small),
        W("Tickets resolved", WidgetKind.Number, "volume", ["resolved"], "none", 2, compare: true, height: WidgetHeight.Small),
        W("First response (median)", WidgetKind.Number, "response-times", ["firstResponseMedianMinutes"], "none", 2, compare: true, height: WidgetHeight.Small),
        W("Resolution (median)", WidgetKind.Number, "response-times", ["resolutionMedianMinutes"], "none", 2, compare: true, height: WidgetHeight.Small),
        W("SLA compliance", WidgetKind.Number, "sla", ["slaCompliancePercent"], "none", 2, compare: true, height: WidgetHeight.Small),
        W("Customer satisfaction", WidgetKind.Number, "satisfaction", ["csatPercent"], "none", 2, compare: true, height: WidgetHeight.Small),
        W("Created vs resolved", WidgetKind.Line, "volume", ["created", "resolved"], "day", 8),
        W("Backlog by status", WidgetKind.Bar, "backlog", ["open"], "status", 4),
        W("Backlog by age", WidgetKind.Bar, "backlog", ["open"], "age", 4),
        W("Backlog by team", WidgetKind.Donut, "backlog", ["open"], "team", 4),
        W("Top tags", WidgetKind.Bar, "tags", ["tickets"], "tag", 4),
        W("Agents", WidgetKind.Table, "agents", ["solved", "replies", "firstResponseMedianMinutes", "reopenRatePercent", "csatPercent"], "agent", 12, height: WidgetHeight.Large),
    ]);

    public static BuiltInDashboard MyWork { get; } = new(MyWorkKey, "My work",
    [
        W("My open tickets", WidgetKind.Number, ReportCatalog.Queue, ["myOpen"], "none", 3, height: WidgetHeight.Small),
        W("Due today", WidgetKind.Number, ReportCatalog.Queue, ["dueToday"], "none", 3, height: WidgetHeight.Small),
        W("Breaching soon", WidgetKind.Number, "sla", ["atRisk"], "none", 3, agent: "me", height: WidgetHeight.Small),
        W("My CSAT this month", WidgetKind.Number, "satisfaction", ["csatPercent"], "none", 3, WidgetPeriods.ThisMonth, compare: true, agent: "me", height: WidgetHeight.Small),
        W("Resolved by me", WidgetKind.Line, "volume", ["resolved"], "day", 8, agent: "me"),
        W("My backlog by status", WidgetKind.Bar, "backlog", ["open"], "status", 4, agent: "me"),
    ]);

    public static IReadOnlyList<BuiltInDashboard> All { get; } = [Manager, MyWork];

    public static BuiltInDashboard? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
