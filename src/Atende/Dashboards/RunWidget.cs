using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Reporting;
using Atende.Tickets;
using Atende.Views;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>
/// GET /dashboards/{id}/widgets/{widgetId}/data. <c>period</c> (with <c>from</c>/<c>to</c> for custom) overrides the
/// widget's own — the dashboard's period picker; <c>timeZone</c> defaults to the caller's account zone.
/// </summary>
public sealed record RunWidgetRequest
{
    public string? Period { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? TimeZone { get; init; }
}

/// <summary>
/// A widget's numbers, or why there are none: <c>available</c> is false with <c>reason</c> <c>report-missing</c> when its
/// report is not installed, <c>not-applicable</c> when the report refused the widget's settings (a grouping it lacks).
/// </summary>
public sealed record WidgetData(WidgetView Widget, bool Available, string? Reason, ReportResult? Result);

/// <summary>
/// Runs one widget for the person looking: the period is turned into days of the VIEWER's time zone and the report
/// runs with the viewer's rights (<see cref="RunReport"/> scopes tickets to what they may see), so a shared dashboard
/// shows each viewer their own slice. <c>agent: "me"</c> means the viewer.
/// </summary>
public sealed class RunWidget(AtendeDb db, RunReport runReport, ListTickets listTickets, TimeProvider clock)
{
    public async Task<WidgetData> HandleAsync(string dashboardId, int widgetId, RunWidgetRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var widget = await FindWidgetAsync(dashboardId, widgetId, caller, ct);
        var errors = new ValidationErrors();
        var zoneId = request.TimeZone;
        if (string.IsNullOrEmpty(zoneId) && caller.AccountId is { } accountId)
        {
            zoneId = await db.Users.Where(u => u.Id == accountId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        }
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(zoneId) && (zoneId.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone!)))
        {
            errors.Add("timeZone", "is not a known time zone (use an IANA id such as America/Sao_Paulo).");
            zone = TimeZoneInfo.Utc;
        }
        var period = string.IsNullOrEmpty(request.Period) ? widget.Period : request.Period;
        DateOnly? from = string.IsNullOrEmpty(request.Period) ? widget.From : Day(errors, "from", request.From);
        DateOnly? to = string.IsNullOrEmpty(request.Period) ? widget.To : Day(errors, "to", request.To);
        if (!WidgetPeriods.All.Contains(period))
        {
            errors.Add("period", $"must be one of: {string.Join(", ", WidgetPeriods.All)}.");
        }
        else if (period == WidgetPeriods.Custom && (from is null || to is null))
        {
            errors.Add(from is null ? "from" : "to", "is required for a custom period.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var days = WidgetPeriods.Days(period, from, to, LocalDay.Of(now, zone));
        if (widget.Report == ReportCatalog.Queue)
        {
            return new WidgetData(widget, true, null, await CountQueuesAsync(widget, days, zone, now, caller, ct));
        }
        var agent = widget.Agent == "me" ? caller.AgentId?.ToString(CultureInfo.InvariantCulture) ?? "0" : widget.Agent;
        var reportRequest = new ReportRequest
        {
            From = Text(days.From),
            To = Text(days.To),
            TimeZone = zone.Id,
            GroupBy = widget.Kind == "number" ? "none" : widget.GroupBy,
            Team = widget.TeamId?.ToString(CultureInfo.InvariantCulture),
            Organization = widget.OrganizationId?.ToString(CultureInfo.InvariantCulture),
            Type = widget.Type,
            Priority = widget.Priority,
            Agent = agent,
            Compare = widget.Compare && widget.Kind == "number" ? "true" : null,
        };
        try
        {
            return new WidgetData(widget, true, null, await runReport.HandleAsync(widget.Report, reportRequest, caller, ct));
        }
        catch (NotFoundException)
        {
            return new WidgetData(widget, false, "report-missing", null);
        }
        catch (InvalidRequestException) when (reportRequest.GroupBy is "none")
        {
            // A report without a "none" grouping (agents, tags) still has totals: ask for its default grouping.
            try
            {
                return new WidgetData(widget, true, null, await runReport.HandleAsync(widget.Report, reportRequest with { GroupBy = null }, caller, ct));
            }
            catch (InvalidRequestException)
            {
                return new WidgetData(widget, false, "not-applicable", null);
            }
        }
        catch (InvalidRequestException)
        {
            return new WidgetData(widget, false, "not-applicable", null);
        }
    }

    private async Task<WidgetView> FindWidgetAsync(string dashboardId, int widgetId, Caller caller, CancellationToken ct)
    {
        if (BuiltInDashboards.Find(dashboardId) is { } builtIn)
        {
            return builtIn.Details(false).Widgets.FirstOrDefault(w => w.Id == widgetId) ?? throw new NotFoundException($"Widget {widgetId}");
        }
        var dashboard = await GetDashboard.FindAsync(db, dashboardId, caller, ct);
        var widget = dashboard.Widgets.FirstOrDefault(w => w.Id == widgetId) ?? throw new NotFoundException($"Widget {widgetId}");
        return WidgetView.Of(widget);
    }

    /// <summary>The built-in queues' counts for the viewer (same filters and ceiling as the navigation's counts).</summary>
    private async Task<ReportResult> CountQueuesAsync(WidgetView widget, (DateOnly From, DateOnly To) days, TimeZoneInfo zone, DateTime now,
        Caller caller, CancellationToken ct)
    {
        var totals = new Dictionary<string, object?>();
        foreach (var metric in widget.Metrics)
        {
            var key = string.Concat(metric.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
            if (BuiltInViews.Find(key) is not { } view)
            {
                totals[metric] = null;
                continue;
            }
            var query = await listTickets.MatchingAsync(view.Filter(now, zone), caller, ct);
            totals[metric] = await query.Select(t => t.Id).Take(CountQueues.Ceiling).CountAsync(ct);
        }
        var row = new ReportRow("total", "Total", new Dictionary<string, object?>(totals));
        return new ReportResult(ReportCatalog.Queue, days.From, days.To, zone.Id, "none", widget.Metrics, [row], totals);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(field, "must be a date (yyyy-MM-dd).");
        return null;
    }
}
