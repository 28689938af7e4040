using System.Linq.Expressions;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Atende.Reporting;

/// <summary>One report row's count of one kind (<see cref="CountByKey.Split"/>: e.g. the SLA target kind; 0 when a report counts one thing).</summary>
public sealed record KeyCount(string Key, int Split, int Count);

/// <summary>Counts per row key and split, and the totals per split (a ticket with two tags is one ticket in the total).</summary>
public sealed record KeyCounts(IReadOnlyList<KeyCount> Rows, IReadOnlyDictionary<int, int> Totals)
{
    public int Total(int split = 0) => Totals.GetValueOrDefault(split);
}

/// <summary>One row's keys and the span it measures (e.g. from creation to first response), for medians and percentiles.</summary>
public sealed record KeyedSpan(int TicketId, IReadOnlyList<string> Keys, DateTime From, DateTime To, double? Value)
{
    public double Minutes => (To - From).TotalMinutes;
}

/// <summary>
/// Counting done by the database: the rows of a period grouped by the report's grouping — a ticket column, a tag, or
/// the UTC hour of an instant — so a report over 150,000 tickets reads a few thousand groups instead of every ticket.
/// Hours become the viewer's days here: exact for every zone whose offsets are whole hours (São Paulo, Berlin, New
/// York; their DST changes happen on the hour). Zones with half-hour offsets (India, Newfoundland...) read the instants
/// themselves.
/// </summary>
public static class KeyedRows
{
    /// <summary>What is counted per row: when (for time groupings), which ticket, which value of the grouping, which split.</summary>
    private sealed class Point
    {
        public DateTime At { get; set; }
        public int TicketId { get; set; }
        public int? Dimension { get; set; }
        public int Split { get; set; }
        public DateTime From { get; set; }
        public double? Value { get; set; }
    }

    /// <param name="rows">The rows to count, already narrowed to the period (tickets, or tickets joined with what they own).</param>
    /// <param name="ticketOf">The ticket of a row, whose columns the grouping reads.</param>
    /// <param name="at">The instant that puts a row in a time bucket.</param>
    /// <param name="split">A small number that splits the counts (e.g. a kind); rows with a negative split are not counted.</param>
    /// <param name="dimension">The grouping's value when it is not a ticket column (the SLA policy of a target).</param>
    public static async Task<KeyCounts> CountAsync<T>(this ReportScope scope, IQueryable<T> rows, Expression<Func<T, Ticket>> ticketOf,
        Expression<Func<T, DateTime>> at, Expression<Func<T, int>>? split, Expression<Func<T, int?>>? dimension, CancellationToken ct)
    {
        var points = rows.Select(Project(scope, ticketOf, at, null, split, dimension, null)).Where(p => p.Split >= 0);
        var counted = new List<KeyCount>();
        Dictionary<int, int>? totals = null;
        switch (scope.GroupBy)
        {
            case ReportGrouping.None:
                break;
            case var time when time.IsTime() && WholeHours(scope.Period):
                var hours = await points.GroupBy(p => new { p.At.Date, p.At.Hour, p.Split })
                    .Select(g => new { g.Key.Date, g.Key.Hour, g.Key.Split, Count = g.Count() })
                    .ToListAsync(ct);
                counted.AddRange(hours.Select(h => new KeyCount(
                    scope.Period.KeyOf(DateTime.SpecifyKind(h.Date, DateTimeKind.Utc).AddHours(h.Hour), scope.GroupBy), h.Split, h.Count)));
                break;
            case var time when time.IsTime():
                var byKey = new Dictionary<(string, int), int>();
                await foreach (var instant in points.Select(p => new { p.At, p.Split }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    var key = (scope.Period.KeyOf(instant.At, scope.GroupBy), instant.Split);
                    byKey[key] = byKey.GetValueOrDefault(key) + 1;
                }
                counted.AddRange(byKey.Select(k => new KeyCount(k.Key.Item1, k.Key.Item2, k.Value)));
                break;
            case ReportGrouping.Tag:
                // The tickets, then their tags by the TicketTags key (see TagsOfAsync): a join let PostgreSQL hash the whole table.
                var tickets = await points.Select(p => new { p.TicketId, p.Split }).ToListAsync(ct);
                var tags = (await scope.TagsOfAsync(tickets.Select(t => t.TicketId).Distinct().ToList(), ct)).ToLookup(t => t.TicketId, t => t.TagId);
                var byTag = new Dictionary<(string, int), int>();
                foreach (var ticket in tickets)
                {
                    var ofTicket = tags[ticket.TicketId];
                    foreach (var key in ofTicket.Any() ? ofTicket.Select(id => ReportScope.Key(id)) : [ReportScope.None])
                    {
                        byTag[(key, ticket.Split)] = byTag.GetValueOrDefault((key, ticket.Split)) + 1;
                    }
                }
                counted.AddRange(byTag.Select(k => new KeyCount(k.Key.Item1, k.Key.Item2, k.Value)));
                totals = tickets.GroupBy(t => t.Split).ToDictionary(g => g.Key, g => g.Count());
                break;
            default:
                var values = await points.GroupBy(p => new { p.Dimension, p.Split })
                    .Select(g => new { g.Key.Dimension, g.Key.Split, Count = g.Count() })
                    .ToListAsync(ct);
                counted.AddRange(values.Select(v => new KeyCount(scope.DimensionKey(v.Dimension), v.Split, v.Count)));
                break;
        }
        if (scope.GroupBy is ReportGrouping.None)
        {
            totals = (await points.GroupBy(p => p.Split).Select(g => new { Split = g.Key, Count = g.Count() }).ToListAsync(ct))
                .ToDictionary(t => t.Split, t => t.Count);
            counted.AddRange(totals.Select(t => new KeyCount("all", t.Key, t.Value)));
        }
        var merged = counted.GroupBy(c => (c.Key, c.Split)).Select(g => new KeyCount(g.Key.Key, g.Key.Split, g.Sum(c => c.Count))).ToList();
        totals ??= merged.GroupBy(c => c.Split).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new KeyCounts(merged, totals);
    }

    /// <summary>
    /// Whether every offset the zone uses during the period is a whole number of hours, so each UTC hour lies within one
    /// local day. Only the rules in force during the period count: most zones' history starts with a local mean time
    /// such as São Paulo's -3:06:28 before 1914.
    /// </summary>
    public static bool WholeHours(ReportPeriod period)
    {
        var (zone, start, end) = (period.Zone, period.StartUtc, period.EndUtc);
        static bool Whole(TimeSpan offset) => offset.Ticks % TimeSpan.TicksPerHour == 0;
        return Whole(zone.GetUtcOffset(start)) && Whole(zone.GetUtcOffset(end)) &&
            zone.GetAdjustmentRules()
                .Where(r => r.DateStart <= end && r.DateEnd >= start)
                .All(r => Whole(zone.BaseUtcOffset + r.BaseUtcOffsetDelta) && Whole(zone.BaseUtcOffset + r.BaseUtcOffsetDelta + r.DaylightDelta));
    }

    /// <summary>
    /// Each row's span from <paramref name="from"/> to <paramref name="at"/> under its row keys, reading only the columns
    /// the grouping needs: a median needs every value, but not every column.
    /// </summary>
    /// <param name="value">A figure read with each span (e.g. the business minutes the SLA clock measured for it).</param>
    public static async Task<IReadOnlyList<KeyedSpan>> SpansAsync<T>(this ReportScope scope, IQueryable<T> rows, Expression<Func<T, Ticket>> ticketOf,
        Expression<Func<T, DateTime>> from, Expression<Func<T, DateTime>> at, Expression<Func<T, int?>>? dimension,
        Expression<Func<T, double?>>? value, CancellationToken ct)
    {
        var points = await rows.Select(Project(scope, ticketOf, at, from, null, dimension, value))
            .Select(p => new { p.TicketId, p.Dimension, p.From, p.At, p.Value })
            .ToListAsync(ct);
        ILookup<int, int>? tags = scope.GroupBy == ReportGrouping.Tag
            ? (await scope.TagsOfAsync(points.Select(p => p.TicketId).Distinct().ToList(), ct)).ToLookup(t => t.TicketId, t => t.TagId)
            : null;
        IReadOnlyList<string> all = ["all"];
        return points.Select(p => new KeyedSpan(p.TicketId, scope.GroupBy switch
        {
            ReportGrouping.None => all,
            var time when time.IsTime() => [scope.Period.KeyOf(p.At, scope.GroupBy)],
            ReportGrouping.Tag => tags![p.TicketId].Any() ? tags[p.TicketId].Select(id => ReportScope.Key(id)).ToList() : [ReportScope.None],
            _ => [scope.DimensionKey(p.Dimension)],
        }, p.From, p.At, p.Value)).ToList();
    }

    private static Expression<Func<T, Point>> Project<T>(ReportScope scope, Expression<Func<T, Ticket>> ticketOf,
        Expression<Func<T, DateTime>> at, Expression<Func<T, DateTime>>? from, Expression<Func<T, int>>? split, Expression<Func<T, int?>>? dimension,
        Expression<Func<T, double?>>? value)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression Of<TResult>(Expression<Func<T, TResult>> e) => ReplacingExpressionVisitor.Replace(e.Parameters[0], row, e.Body);
        Expression OfTicket<TResult>(Expression<Func<Ticket, TResult>> e) => ReplacingExpressionVisitor.Replace(e.Parameters[0], Of(ticketOf), e.Body);
        var grouped = dimension is not null ? Of(dimension)
            : scope.Dimension is { } column ? OfTicket(column)
            : Expression.Constant(null, typeof(int?));
        return Expression.Lambda<Func<T, Point>>(
            Expression.MemberInit(Expression.New(typeof(Point)),
                Expression.Bind(typeof(Point).GetProperty(nameof(Point.At))!, Of(at)),
                Expression.Bind(typeof(Point).GetProperty(nameof(Point.TicketId))!, OfTicket<int>(t => t.Id)),
                Expression.Bind(typeof(Point).GetProperty(nameof(Point.Dimension))!, grouped),
                Expression.Bind(typeof(Point).GetProperty(nameof(Point.Split))!, split is null ? Expression.Constant(0) : Of(split)),
                Expression.Bind(typeof(Point).GetProperty(nameof(Point.From))!, from is null ? Expression.Constant(DateTime.SpecifyKind(default, DateTimeKind.Utc)) : Of(from)),
                Expression.Bind(typeof(Point).GetProperty(nameof(Point.Value))!, value is null ? Expression.Constant(null, typeof(double?)) : Of(value))),
            row);
    }
}
