using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>tags</c>: what the tickets CREATED in the period were about (a ticket counts on its creation day, with the tags
/// it has now). Grouped by tag (the default) each row is a tag with metric <c>tickets</c>, the most used first; a
/// ticket with two tags counts in both rows, and tickets without any make the row <c>none</c> ("No tag"). Grouped by
/// type each row is a request type with <c>tickets</c>. Totals: <c>tickets</c>, the tickets created, each once.
/// Grouped by day, week or month it is the trend of the period's top 5 tags (most tickets, then by name): the
/// metrics ARE those tags' names — <see cref="ReportResult.Metrics"/> lists them, most used first, and each bucket's
/// row has its count of each (<c>{ "key": "2026-11-24", "label": "24 Nov", "vpn": 4, "printer": 0 }</c>); the
/// totals hold each tag's count for the period and <c>tickets</c>.
/// </summary>
public sealed class TagsReport : IReport
{
    public const int Top = 5;

    public string Name => "tags";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
        [ReportGrouping.Tag, ReportGrouping.Type, ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month];

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        if (scope.GroupBy.IsTime())
        {
            return await TrendAsync(scope, ct);
        }
        if (scope.GroupBy == ReportGrouping.None)
        {
            // Only the previous period of compare=true asks for it: the totals are what is compared.
            var tickets = await scope.Tickets.CountAsync(t => t.CreatedAt >= start && t.CreatedAt < end, ct);
            return Result(scope, ["tickets"], [], new() { ["tickets"] = tickets });
        }
        // Served by the (CreatedAt, Id) index; grouping by tag also reads the tickets' tags by their key.
        var created = await scope.SlicesAsync(t => t.CreatedAt >= start && t.CreatedAt < end, ct);
        var counts = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var ticket in created)
        {
            foreach (var key in scope.KeysOf(ticket, ticket.CreatedAt))
            {
                var row = counts.TryGetValue(key, out var r) ? r : counts[key] = new() { ["tickets"] = 0 };
                row["tickets"] = (int)row["tickets"]! + 1;
            }
        }
        var rows = await scope.RowsAsync(counts, () => new() { ["tickets"] = 0 }, "tickets", ct);
        return Result(scope, ["tickets"], rows, new() { ["tickets"] = created.Count });
    }

    private async Task<ReportResult> TrendAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var created = scope.Tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        var tagged = await created
            .Join(scope.Db.TicketTags, t => t.Id, tt => tt.TicketId, (t, tt) => new { t.CreatedAt, tt.TagId })
            .ToListAsync(ct);
        var tickets = await created.CountAsync(ct);
        var used = tagged.Select(x => x.TagId).Distinct().ToList();
        var names = (await scope.Db.Tags.AsNoTracking()
                .Where(t => used.Contains(t.Id))
                .Select(t => new { t.Id, t.Name })
                .ToListAsync(ct))
            .ToDictionary(t => t.Id, t => t.Name);
        var top = tagged
            .GroupBy(x => x.TagId)
            .Select(g => (Name: names.GetValueOrDefault(g.Key, ReportScope.Key(g.Key)), Id: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(Top)
            .ToList();
        var metrics = top.Select(t => t.Name).ToList();
        Dictionary<string, object?> Empty() => metrics.ToDictionary(m => m, _ => (object?)0);

        var byBucket = new Dictionary<string, Dictionary<string, object?>>();
        var nameOf = top.ToDictionary(t => t.Id, t => t.Name);
        foreach (var pair in tagged)
        {
            if (nameOf.TryGetValue(pair.TagId, out var name))
            {
                var key = scope.Period.KeyOf(pair.CreatedAt, scope.GroupBy);
                var row = byBucket.TryGetValue(key, out var r) ? r : byBucket[key] = Empty();
                row[name] = (int)row[name]! + 1;
            }
        }
        var totals = top.ToDictionary(t => t.Name, t => (object?)t.Count);
        totals.TryAdd("tickets", tickets);
        return Result(scope, metrics, await scope.RowsAsync(byBucket, Empty, "tickets", ct), totals);
    }

    private ReportResult Result(ReportScope scope, IReadOnlyList<string> metrics, IReadOnlyList<ReportRow> rows, Dictionary<string, object?> totals) =>
        new(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), metrics, rows, totals);
}
