using Atende.Catalog;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>agents</c>: what each agent (or team) did in the period. By agent, a ticket's figures go to its assignee now
/// (<c>solved</c>: last resolved in the period; <c>firstResponseMedianMinutes</c>: first answered in the period, in
/// calendar minutes; <c>reopenRatePercent</c>: of those solved, the share reopened at least once in their life;
/// <c>csatPercent</c>: survey answers given in the period), while <c>replies</c> (public replies) and time
/// (<c>minutes</c>, <c>billableMinutes</c>) go to the agent who wrote or logged them. By team, everything goes to the
/// ticket's team. Only agents with at least one figure get a row; filters apply through the tickets, as everywhere.
/// Replies and time on a merged duplicate still count (the work was done); its ticket figures do not.
/// </summary>
public sealed class AgentsReport : IReport
{
    public string Name => "agents";

    public IReadOnlyList<ReportGrouping> Groupings { get; } = [ReportGrouping.Agent, ReportGrouping.Team, ReportGrouping.None];

    public static readonly IReadOnlyList<string> Metrics =
        ["solved", "replies", "firstResponseMedianMinutes", "reopenRatePercent", "minutes", "billableMinutes", "csatPercent"];

    private sealed class Counts
    {
        public int Solved;
        public int Reopened;
        public int Replies;
        public readonly List<double> FirstResponses = [];
        public int Minutes;
        public int BillableMinutes;
        public int Ratings;
        public int Satisfied;

        public Dictionary<string, object?> Values() => new()
        {
            ["solved"] = Solved,
            ["replies"] = Replies,
            ["firstResponseMedianMinutes"] = DurationStats.Of(FirstResponses).Median,
            ["reopenRatePercent"] = Percent.Of(Reopened, Solved),
            ["minutes"] = Minutes,
            ["billableMinutes"] = BillableMinutes,
            ["csatPercent"] = Percent.Of(Satisfied, Ratings),
        };
    }

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var db = scope.Db;
        // The category test lets the (StatusCategory, ResolvedAt) index serve the range.
        var solvedTickets = scope.Tickets.Where(t =>
            (t.StatusCategory == StatusCategory.Resolved || t.StatusCategory == StatusCategory.Closed) && t.ResolvedAt >= start && t.ResolvedAt < end);
        var byAgent = scope.GroupBy == ReportGrouping.Agent;
        // Counted by the database; split 1 = reopened at least once (a reopening writes resolvedAt back to nothing; the
        // (TicketId, Id) index finds it per ticket).
        var solved = await scope.CountAsync(solvedTickets, t => t, t => t.ResolvedAt!.Value,
            t => db.TicketHistory.Any(h => h.TicketId == t.Id && h.Field == "resolvedAt" && h.From != null && h.To == null) ? 1 : 0,
            null, ct);
        var firstResponses = await scope.SpansAsync(scope.Tickets.Where(t => t.FirstRespondedAt >= start && t.FirstRespondedAt < end),
            t => t, t => t.CreatedAt, t => t.FirstRespondedAt!.Value, null, null, ct);
        // Work done on a duplicate before it was merged was still done; replies and time go to who did them.
        var replies = await scope.CountAsync(scope.TicketsIncludingMerged
                .Join(db.Messages.Where(m => m.CreatedAt >= start && m.CreatedAt < end && m.AuthorAgentId != null && m.Visibility == Visibility.Public),
                    t => t.Id, m => m.TicketId, (t, m) => new { Ticket = t, m.CreatedAt, Key = byAgent ? m.AuthorAgentId : t.TeamId }),
            x => x.Ticket, x => x.CreatedAt, null, x => x.Key, ct);
        var time = await scope.TicketsIncludingMerged
            .Join(db.TimeEntries.Where(e => e.CreatedAt >= start && e.CreatedAt < end), t => t.Id, e => e.TicketId,
                (t, e) => new { Key = byAgent ? e.AgentId : t.TeamId, e.Minutes, e.Billable })
            .GroupBy(x => new { x.Key, x.Billable })
            .Select(g => new { g.Key.Key, g.Key.Billable, Minutes = g.Sum(x => x.Minutes) })
            .ToListAsync(ct);
        // Split 1 = satisfied.
        var ratings = await scope.CountAsync(scope.Tickets
                .Join(db.SatisfactionRatings.Where(r => r.RatedAt >= start && r.RatedAt < end && r.Score != null), t => t.Id, r => r.TicketId,
                    (t, r) => new { Ticket = t, RatedAt = r.RatedAt!.Value, Score = r.Score!.Value }),
            x => x.Ticket, x => x.RatedAt, x => x.Score >= SatisfactionReport.SatisfiedFrom ? 1 : 0, null, ct);

        var rows = new Dictionary<string, Counts>();
        var totals = new Counts();
        IEnumerable<Counts> For(string key)
        {
            yield return rows.TryGetValue(key, out var row) ? row : rows[key] = new Counts();
            yield return totals;
        }
        foreach (var count in solved.Rows)
        {
            foreach (var counts in For(count.Key))
            {
                counts.Solved += count.Count;
                counts.Reopened += count.Split == 1 ? count.Count : 0;
            }
        }
        foreach (var ticket in firstResponses)
        {
            foreach (var counts in For(ticket.Keys[0]))
            {
                counts.FirstResponses.Add(ticket.Minutes);
            }
        }
        foreach (var count in replies.Rows)
        {
            foreach (var counts in For(count.Key))
            {
                counts.Replies += count.Count;
            }
        }
        foreach (var entry in time)
        {
            foreach (var counts in For(scope.GroupBy == ReportGrouping.None ? "all" : ReportScope.Key(entry.Key)))
            {
                counts.Minutes += entry.Minutes;
                counts.BillableMinutes += entry.Billable ? entry.Minutes : 0;
            }
        }
        foreach (var count in ratings.Rows)
        {
            foreach (var counts in For(count.Key))
            {
                counts.Ratings += count.Count;
                counts.Satisfied += count.Split == 1 ? count.Count : 0;
            }
        }
        var values = rows.ToDictionary(r => r.Key, r => r.Value.Values());
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(values, () => new Counts().Values(), "solved", ct), totals.Values());
    }
}
