using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>time-tracking</c>: the time logged in the period (each entry on the day it was logged), per organization by
/// default — the B2B invoice view — or per type, team, ticket, agent (who logged it, not who is assigned) or
/// day/week/month. Filters apply through the entry's ticket; time logged on a merged duplicate still counts, under
/// the duplicate.
/// </summary>
public sealed class TimeTrackingReport : IReport
{
    public string Name => "time-tracking";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
    [
        ReportGrouping.Organization, ReportGrouping.Type, ReportGrouping.Agent, ReportGrouping.Team, ReportGrouping.Month,
        ReportGrouping.Week, ReportGrouping.Day, ReportGrouping.Ticket, ReportGrouping.None,
    ];

    public static readonly IReadOnlyList<string> Metrics = ["minutes", "billableMinutes", "nonBillableMinutes", "hours", "billableHours"];

    private sealed class Counts
    {
        public int Minutes;
        public int Billable;

        public Dictionary<string, object?> Values() => new()
        {
            ["minutes"] = Minutes,
            ["billableMinutes"] = Billable,
            ["nonBillableMinutes"] = Minutes - Billable,
            ["hours"] = Math.Round(Minutes / 60.0, 2),
            ["billableHours"] = Math.Round(Billable / 60.0, 2),
        };
    }

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        // Time logged on a duplicate before it was merged was still worked (and is billed).
        var entries = await scope.TicketsIncludingMerged
            .Join(scope.Db.TimeEntries.Where(e => e.CreatedAt >= start && e.CreatedAt < end), t => t.Id, e => e.TicketId,
                (t, e) => new
                {
                    e.AgentId,
                    e.Minutes,
                    e.Billable,
                    e.CreatedAt,
                    Ticket = new TicketSlice(t.Id, t.CreatedAt, t.FirstRespondedAt, t.ResolvedAt, t.StatusCategory, t.StatusId, t.Priority,
                        t.Channel, t.RequestTypeId, t.TeamId, t.AssigneeId, t.OrganizationId),
                })
            .ToListAsync(ct);
        var rows = new Dictionary<string, Counts>();
        var totals = new Counts();
        foreach (var entry in entries)
        {
            var keys = scope.GroupBy == ReportGrouping.Agent ? [ReportScope.Key(entry.AgentId)] : scope.KeysOf(entry.Ticket, entry.CreatedAt);
            foreach (var counts in keys.Select(k => rows.TryGetValue(k, out var row) ? row : rows[k] = new Counts()).Append(totals))
            {
                counts.Minutes += entry.Minutes;
                counts.Billable += entry.Billable ? entry.Minutes : 0;
            }
        }
        var values = rows.ToDictionary(r => r.Key, r => r.Value.Values());
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(values, () => new Counts().Values(), "minutes", ct), totals.Values());
    }
}
