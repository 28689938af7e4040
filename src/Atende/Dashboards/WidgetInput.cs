using Atende.Persistence;
using Atende.Reporting;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>
/// A widget as the API and the editor send it (POST and PUT .../widgets). Defaults: the report's first metric and
/// grouping, the last 30 days, width 4 of 12, medium height.
/// </summary>
public sealed record WidgetInput
{
    public string? Title { get; init; }
    public string? Kind { get; init; }
    public string? Report { get; init; }
    public IReadOnlyList<string>? Metrics { get; init; }
    public string? GroupBy { get; init; }
    public string? Period { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? TeamId { get; init; }
    public int? OrganizationId { get; init; }
    public string? Type { get; init; }
    public string? Priority { get; init; }
    /// <summary>"me" — whoever looks at the dashboard — or an agent's id.</summary>
    public string? Agent { get; init; }
    public bool? Compare { get; init; }
    public int? Width { get; init; }
    public string? Height { get; init; }

    /// <summary>Checks every field (errors under their names) and returns the settings to store.</summary>
    internal async Task<WidgetSettings> CheckAsync(AtendeDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var title = errors.Text("title", Title, DashboardWidget.TitleMaxLength, required: true);
        var kind = WidgetKind.Number;
        if (!Enum.TryParse(Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
        {
            errors.Add("kind", "must be number, line, bar, pie, donut or table.");
        }
        var report = ReportCatalog.Find(Report);
        var metrics = Metrics is { Count: > 0 } ? Metrics.Distinct().ToList() : report is null ? [] : [report.Metrics[0]];
        var groupBy = string.IsNullOrEmpty(GroupBy) ? null : GroupBy;
        if (report is null)
        {
            errors.Add("report", $"must be one of: {string.Join(", ", ReportCatalog.All.Select(r => r.Name))}.");
        }
        else
        {
            if (metrics.FirstOrDefault(m => !report.Metrics.Contains(m)) is { } unknown)
            {
                errors.Add("metrics", $"'{unknown}' is not a metric of {report.Name}; use: {string.Join(", ", report.Metrics)}.");
            }
            if (groupBy is not null && !report.Groupings.Contains(groupBy))
            {
                errors.Add("groupBy", $"must be one of: {string.Join(", ", report.Groupings)}.");
            }
        }
        if (metrics.Count > 6)
        {
            errors.Add("metrics", "a widget shows at most 6 metrics.");
        }
        var period = string.IsNullOrEmpty(Period) ? WidgetPeriods.Last30 : Period;
        if (!WidgetPeriods.All.Contains(period))
        {
            errors.Add("period", $"must be one of: {string.Join(", ", WidgetPeriods.All)}.");
        }
        else if (period == WidgetPeriods.Custom)
        {
            if (From is null)
            {
                errors.Add("from", "is required for a custom period.");
            }
            if (To is null)
            {
                errors.Add("to", "is required for a custom period.");
            }
            if (From > To)
            {
                errors.Add("from", "must not be after 'to'.");
            }
            else if (To?.DayNumber - From?.DayNumber + 1 > ReportPeriod.MaxDays)
            {
                errors.Add("to", $"the period may cover at most {ReportPeriod.MaxDays} days.");
            }
        }
        if (TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            errors.Add("teamId", "is not a team.");
        }
        if (OrganizationId is { } organization && !await db.Organizations.AnyAsync(o => o.Id == organization, ct))
        {
            errors.Add("organizationId", "is not an organization.");
        }
        if (!string.IsNullOrEmpty(Type) && !await db.RequestTypes.AnyAsync(t => t.Key == Type, ct))
        {
            errors.Add("type", "is not a request type key.");
        }
        string? priority = null;
        if (!string.IsNullOrEmpty(Priority))
        {
            if (Enum.TryParse<Priority>(Priority, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Priority, out _))
            {
                priority = parsed.ToString().ToLowerInvariant();
            }
            else
            {
                errors.Add("priority", "must be low, normal, high or urgent.");
            }
        }
        string? agent = null;
        if (!string.IsNullOrEmpty(Agent))
        {
            if (Agent == "me")
            {
                agent = Agent;
            }
            else if (int.TryParse(Agent, out var agentId) && agentId > 0 && await db.Agents.AnyAsync(a => a.Id == agentId, ct))
            {
                agent = agentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                errors.Add("agent", "must be 'me' or an agent's id.");
            }
        }
        var width = errors.Range("width", Width, 1, 12) ?? 4;
        var height = WidgetHeight.Medium;
        if (!string.IsNullOrEmpty(Height) && (!Enum.TryParse(Height, ignoreCase: true, out height) || !Enum.IsDefined(height) || int.TryParse(Height, out _)))
        {
            errors.Add("height", "must be small, medium or large.");
        }
        errors.ThrowIfAny();
        return new WidgetSettings(title!, kind, report!.Name, metrics, groupBy, period,
            period == WidgetPeriods.Custom ? From : null, period == WidgetPeriods.Custom ? To : null,
            TeamId, OrganizationId, string.IsNullOrEmpty(Type) ? null : Type, priority, agent, Compare ?? false, width, height);
    }
}
