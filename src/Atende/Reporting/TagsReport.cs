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
            var count = await scope.Tickets.CountAsync(t => t.CreatedAt >= start && t.CreatedAt < end, ct);
            return Result(scope, ["tickets"], [], new() { ["tickets"] = count });
        }
        if (scope.GroupBy == ReportGrouping.Type)
        {
            // Served by the (CreatedAt, Id) index.
            var created = await scope.SlicesAsync(t => t.CreatedAt >= start && t.CreatedAt < end, ct);
            var byType = new Dictionary<string, Dictionary<string, object?>>();
            foreach (var key in created.SelectMany(t => scope.KeysOf(t, t.CreatedAt)))
            {
                var row = byType.TryGetValue(key, out var r) ? r : byType[key] = new() { ["tickets"] = 0 };
                row["tickets"] = (int)row["tickets"]! + 1;
            }
            return Result(scope, ["tickets"], await scope.RowsAsync(byType, () => new() { ["tickets"] = 0 }, "tickets", ct),
                new() { ["tickets"] = created.Count });
        }

        var tickets = await CreatedAsync(scope, ct);
        var tags = await scope.TagsOfAsync(tickets.Keys, ct);
        var counts = tags.GroupBy(t => t.TagId).ToDictionary(g => ReportScope.Key(g.Key), g => g.Count());
        var untagged = tickets.Count - tags.Select(t => t.TicketId).Distinct().Count();
        if (untagged > 0)
        {
            counts[ReportScope.None] = untagged;
        }
        var rows = await scope.RowsAsync(
            counts.ToDictionary(c => c.Key, c => new Dictionary<string, object?> { ["tickets"] = c.Value }),
            () => new() { ["tickets"] = 0 }, "tickets", ct);
        return Result(scope, ["tickets"], rows, new() { ["tickets"] = tickets.Count });
    }

    private async Task<ReportResult> TrendAsync(ReportScope scope, CancellationToken ct)
    {
        var tickets = await CreatedAsync(scope, ct);
        var tagged = await scope.TagsOfAsync(tickets.Keys, ct);
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
        foreach (var (ticketId, tagId) in tagged)
        {
            if (nameOf.TryGetValue(tagId, out var name))
            {
                var key = scope.Period.KeyOf(tickets[ticketId], scope.GroupBy);
                var row = byBucket.TryGetValue(key, out var r) ? r : byBucket[key] = Empty();
                row[name] = (int)row[name]! + 1;
            }
        }
        var totals = top.ToDictionary(t => t.Name, t => (object?)t.Count);
        totals.TryAdd("tickets", tickets.Count);
        return Result(scope, metrics, await scope.RowsAsync(byBucket, Empty, "tickets", ct), totals);
    }

    /// <summary>The tickets created in the period (a (CreatedAt, Id) index range) and when.</summary>
    private static async Task<Dictionary<int, DateTime>> CreatedAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        return await scope.Tickets
            .Where(t => t.CreatedAt >= start && t.CreatedAt < end)
            .Select(t => new { t.Id, t.CreatedAt })
            .ToDictionaryAsync(t => t.Id, t => t.CreatedAt, ct);
    }

    private ReportResult Result(ReportScope scope, IReadOnlyList<string> metrics, IReadOnlyList<ReportRow> rows, Dictionary<string, object?> totals) =>
        new(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), metrics, rows, totals);
}
