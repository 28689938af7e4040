using Atende.Catalog;

namespace Atende.Reporting;

/// <summary>
/// <c>volume</c>: tickets created and tickets resolved in the period, per day/week/month or per channel, type, priority,
/// organization, tag, team or agent. "Resolved" counts a ticket on the day it was last resolved: one reopened and
/// resolved again counts once, on the later day, and one reopened and still open does not count at all.
/// </summary>
public sealed class VolumeReport : IReport
{
    public string Name => "volume";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
    [
        ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month, ReportGrouping.Channel, ReportGrouping.Type,
        ReportGrouping.Priority, ReportGrouping.Organization, ReportGrouping.Tag, ReportGrouping.Team, ReportGrouping.Agent,
        ReportGrouping.None,
    ];

    public static readonly IReadOnlyList<string> Metrics = ["created", "resolved"];

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var created = await scope.CountAsync(scope.Tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end),
            t => t, t => t.CreatedAt, null, null, ct);
        // The category test lets the (StatusCategory, ResolvedAt) index serve the range.
        var resolved = await scope.CountAsync(scope.Tickets.Where(t =>
                (t.StatusCategory == StatusCategory.Resolved || t.StatusCategory == StatusCategory.Closed) &&
                t.ResolvedAt >= start && t.ResolvedAt < end),
            t => t, t => t.ResolvedAt!.Value, null, null, ct);

        var rows = new Dictionary<string, Dictionary<string, object?>>();
        Dictionary<string, object?> Row(string key) => rows.TryGetValue(key, out var row) ? row : rows[key] = Empty();
        foreach (var (metric, counts) in new[] { ("created", created), ("resolved", resolved) })
        {
            foreach (var count in counts.Rows)
            {
                Row(count.Key)[metric] = count.Count;
            }
        }
        var totals = new Dictionary<string, object?> { ["created"] = created.Total(), ["resolved"] = resolved.Total() };
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(rows, Empty, "created", ct), totals);
    }

    private static Dictionary<string, object?> Empty() => new() { ["created"] = 0, ["resolved"] = 0 };
}
