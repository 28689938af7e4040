namespace Atende.Dashboards;

/// <summary>A report a widget can show: its metrics and groupings (the first grouping is the report's default).</summary>
public sealed record CatalogReport(string Name, IReadOnlyList<string> Metrics, IReadOnlyList<string> Groupings);

/// <summary>
/// What the widget editor offers and what a widget is checked against. It lists every report of the reporting plan,
/// also those not installed yet: a widget may name one, and shows "not available" until it exists (RunWidget asks
/// <see cref="Reporting.RunReport"/>, which answers 404). <c>queue</c> is not a report: it counts a built-in queue
/// (my open, due today...) for the viewer, the same numbers as the navigation.
/// </summary>
public static class ReportCatalog
{
    public const string Queue = "queue";

    private static readonly string[] Time = ["day", "week", "month"];

    public static IReadOnlyList<CatalogReport> All { get; } =
    [
        new("volume", ["created", "resolved"],
            ["day", "week", "month", "channel", "type", "priority", "organization", "tag", "team", "agent", "none"]),
        new("backlog", ["open"],
            ["status", "priority", "team", "agent", "type", "organization", "age", .. Time]),
        new("response-times",
            ["firstResponses", "firstResponseMedianMinutes", "firstResponseP90Minutes", "firstResponseAverageMinutes",
             "resolutions", "resolutionMedianMinutes", "resolutionP90Minutes", "resolutionAverageMinutes",
             "firstResponseBusinessMedianMinutes", "resolutionBusinessMedianMinutes"],
            ["none", "team", "agent", "type", "priority", "organization", "channel", .. Time]),
        new("sla", ["met", "breached", "slaCompliancePercent", "firstResponseCompliancePercent", "resolutionCompliancePercent", "atRisk"],
            ["none", "policy", "team", "agent", "priority", "type", "organization", .. Time, "ticket"]),
        new("satisfaction", ["responses", "csatPercent", "averageScore", "offered", "responseRatePercent"],
            ["none", "agent", "team", "organization", "type", .. Time, "ticket"]),
        new("agents", ["solved", "replies", "firstResponseMedianMinutes", "reopenRatePercent", "minutes", "billableMinutes", "csatPercent"],
            ["agent", "team"]),
        new("time-tracking", ["minutes", "billableMinutes", "nonBillableMinutes", "hours", "billableHours"],
            ["organization", "type", "agent", "team", "month", "week", "day", "ticket"]),
        new("self-service", ["views", "helpful", "notHelpful", "deflected", "portalRequests", "deflectionRatePercent"],
            ["none", "article", .. Time]),
        new("tags", ["tickets"], ["tag", "type", .. Time]),
        new(Queue, ["myOpen", "dueToday", "overdue", "unassigned", "awaitingCustomer", "allOpen"], ["none"]),
    ];

    public static CatalogReport? Find(string? name) => All.FirstOrDefault(r => r.Name == name);
}
