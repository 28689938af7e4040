using System.Globalization;
using Atende.Catalog;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>backlog</c>: the tickets open (status category New, Open or Pending — waiting on the customer still counts) as
/// metric <c>open</c>. Grouped by status, priority, team, agent, type, organization or age (<c>lt1d</c>, <c>1to3d</c>,
/// <c>3to7d</c>, <c>gt7d</c> by age at the time of the run) the rows are the backlog NOW, whatever the period. Grouped
/// by day, week or month they are its trend: the tickets open at the end of each bucket (at the end of the period when
/// it ends inside the bucket, at the time of the run for the bucket under way, null for buckets still to come), as the
/// tickets were then — a ticket resolved on day 2 and reopened on day 4 is open at the end of days 1, 4 and 5 only.
/// Totals: <c>open</c> now for the groupings of the backlog now; for the trend, its last point (now when the period runs
/// to today, the usual case). <c>compare=true</c> sets it against the backlog at the end of the previous period.
/// </summary>
public sealed class BacklogReport : IReport
{
    public string Name => "backlog";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
    [
        ReportGrouping.Status, ReportGrouping.Priority, ReportGrouping.Team, ReportGrouping.Agent, ReportGrouping.Type,
        ReportGrouping.Organization, ReportGrouping.Age, ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month,
    ];

    public static readonly IReadOnlyList<string> Metrics = ["open"];

    /// <summary>The age buckets in order: key, label, and the age the bucket stops before.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, TimeSpan Below)> Ages =
    [
        ("lt1d", "< 1 day", TimeSpan.FromDays(1)),
        ("1to3d", "1–3 days", TimeSpan.FromDays(3)),
        ("3to7d", "3–7 days", TimeSpan.FromDays(7)),
        ("gt7d", "> 7 days", TimeSpan.MaxValue),
    ];

    private static readonly Priority[] ByUrgency = [Priority.Urgent, Priority.High, Priority.Normal, Priority.Low];

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        if (scope.GroupBy.IsTime() || scope.GroupBy == ReportGrouping.None)
        {
            return await TrendAsync(scope, ct);
        }
        // Served by the (StatusCategory, UpdatedAt, Id) index: the open categories are one range at its start.
        var open = await scope.SlicesAsync(t => t.StatusCategory < StatusCategory.Resolved, ct);
        var counts = new Dictionary<string, int>();
        foreach (var ticket in open)
        {
            IEnumerable<string> keys = scope.GroupBy == ReportGrouping.Age ? [AgeKey(scope.Now - ticket.CreatedAt)] : scope.KeysOf(ticket, ticket.CreatedAt);
            foreach (var key in keys)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var rows = scope.GroupBy switch
        {
            ReportGrouping.Age => Ages.Select(a => Row(a.Key, a.Label, counts.GetValueOrDefault(a.Key))).ToList(),
            ReportGrouping.Priority => ByUrgency
                .Select(p => p.ToString())
                .Select(p => Row(p.ToLowerInvariant(), p, counts.GetValueOrDefault(p.ToLowerInvariant())))
                .ToList(),
            ReportGrouping.Status => await StatusRowsAsync(scope, counts, ct),
            _ => await scope.RowsAsync(
                counts.ToDictionary(c => c.Key, c => new Dictionary<string, object?> { ["open"] = c.Value }),
                () => new() { ["open"] = 0 }, "open", ct),
        };
        return Result(scope, rows, open.Count);
    }

    public static string AgeKey(TimeSpan age) => Ages.First(a => age < a.Below).Key;

    /// <summary>Every status of an open category, in the admin's order (the workflow's order), zeros included.</summary>
    private static async Task<IReadOnlyList<ReportRow>> StatusRowsAsync(ReportScope scope, Dictionary<string, int> counts, CancellationToken ct)
    {
        var statuses = await scope.Db.Statuses.AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.Position, s.Category })
            .ToListAsync(ct);
        return statuses
            .Where(s => s.Category < StatusCategory.Resolved || counts.ContainsKey(ReportScope.Key(s.Id)))
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => Row(ReportScope.Key(s.Id), s.Name, counts.GetValueOrDefault(ReportScope.Key(s.Id))))
            .ToList();
    }

    private async Task<ReportResult> TrendAsync(ReportScope scope, CancellationToken ct)
    {
        var period = scope.Period;
        // "Now" includes what happened at this very instant (a ticket resolved a moment ago is not open now).
        var now = scope.Now.AddTicks(1);
        var buckets = scope.GroupBy.IsTime()
            ? period.Buckets(scope.GroupBy).Select(b => (b.Key, b.Label, Ends: BucketEdges(period, b.Key, scope.GroupBy))).ToList()
            : [("all", "all", (period.StartUtc, period.EndUtc))];
        var instants = buckets
            .Select(b => b.Ends.Item1 >= now ? (DateTime?)null : b.Ends.Item2 < now ? b.Ends.Item2 : now)
            .ToList();
        var asked = instants.OfType<DateTime>().ToArray();
        var counts = asked.Length == 0 ? [] : BacklogTrend.OpenAt(asked, await LivesAsync(scope, asked[0], asked[^1], ct));

        var rows = new List<ReportRow>();
        var next = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            rows.Add(new ReportRow(buckets[i].Key, buckets[i].Label,
                new() { ["open"] = instants[i] is null ? null : counts[next++] }));
        }
        return Result(scope, scope.GroupBy == ReportGrouping.None ? [] : rows, asked.Length == 0 ? null : counts[^1]);
    }

    /// <summary>
    /// The tickets that can have been open at some instant in [first, last], with the done spans that matter. A ticket
    /// open then was created before <paramref name="last"/> and is either open now or was resolved (for the last time)
    /// at or after <paramref name="first"/>; both are index ranges — (StatusCategory, ...) for the open categories,
    /// (StatusCategory, ResolvedAt) for the done ones — so closed history is never read. Of those, only the tickets
    /// reopened since <paramref name="first"/> need their history: their reopen rows (a partial index on TicketHistory)
    /// carry the earlier resolve time, which gives the span they were done.
    /// </summary>
    private static async Task<IEnumerable<TicketLife>> LivesAsync(ReportScope scope, DateTime first, DateTime last, CancellationToken ct)
    {
        var open = await scope.Tickets
            .Where(t => t.StatusCategory < StatusCategory.Resolved && t.CreatedAt < last)
            .Select(t => new { t.Id, t.CreatedAt, ResolvedAt = (DateTime?)null })
            .ToListAsync(ct);
        var done = await scope.Tickets
            .Where(t => (t.StatusCategory == StatusCategory.Resolved || t.StatusCategory == StatusCategory.Closed) &&
                        t.ResolvedAt >= first && t.CreatedAt < last)
            .Select(t => new { t.Id, t.CreatedAt, t.ResolvedAt })
            .ToListAsync(ct);
        var reopens = (await scope.Db.TicketHistory.AsNoTracking()
                .Where(h => h.Field == "resolvedAt" && h.To == null && h.At >= first)
                .Select(h => new { h.TicketId, h.From, h.At })
                .ToListAsync(ct))
            .Select(h => (h.TicketId, Span: ResolvedAt(h.From) is { } resolved ? new DoneSpan(resolved, h.At) : (DoneSpan?)null))
            .Where(h => h.Span is not null)
            .ToLookup(h => h.TicketId, h => h.Span!.Value);
        return open.Concat(done).Select(t =>
        {
            IEnumerable<DoneSpan> spans = reopens[t.Id];
            if (t.ResolvedAt is { } resolved)
            {
                spans = spans.Append(new DoneSpan(resolved, null));
            }
            return new TicketLife(t.CreatedAt, spans.ToList());
        });
    }

    /// <summary>The resolve time a reopen row remembers (<see cref="Ticket"/> writes it as ISO 8601 UTC, to the second).</summary>
    private static DateTime? ResolvedAt(string? iso) =>
        DateTime.TryParseExact(iso, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>Where a bucket starts and ends inside the period (a week or month may begin before it or end after it).</summary>
    private static (DateTime Start, DateTime End) BucketEdges(ReportPeriod period, string key, ReportGrouping grouping)
    {
        var first = grouping == ReportGrouping.Month
            ? DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var after = grouping switch
        {
            ReportGrouping.Day => first.AddDays(1),
            ReportGrouping.Week => first.AddDays(7),
            _ => first.AddMonths(1),
        };
        var start = first < period.From ? period.From : first;
        var end = after > period.To ? period.To.AddDays(1) : after;
        return (LocalDay.StartUtc(start, period.Zone), LocalDay.StartUtc(end, period.Zone));
    }

    private ReportResult Result(ReportScope scope, IReadOnlyList<ReportRow> rows, int? open) =>
        new(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics, rows,
            new Dictionary<string, object?> { ["open"] = open });

    private static ReportRow Row(string key, string label, int open) => new(key, label, new() { ["open"] = open });
}
