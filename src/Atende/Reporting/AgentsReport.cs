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
        var solved = await solvedTickets
            .Select(t => new
            {
                t.AssigneeId,
                t.TeamId,
                // A reopening writes resolvedAt back to nothing; the (TicketId, Id) index finds it per ticket.
                Reopened = db.TicketHistory.Any(h => h.TicketId == t.Id && h.Field == "resolvedAt" && h.From != null && h.To == null),
            })
            .ToListAsync(ct);
        var firstResponses = await scope.Tickets.Where(t => t.FirstRespondedAt >= start && t.FirstRespondedAt < end)
            .Select(t => new { t.AssigneeId, t.TeamId, t.CreatedAt, FirstRespondedAt = t.FirstRespondedAt!.Value })
            .ToListAsync(ct);
        // Work done on a duplicate before it was merged was still done.
        var replies = await scope.TicketsIncludingMerged
            .Join(db.Messages.Where(m => m.CreatedAt >= start && m.CreatedAt < end && m.AuthorAgentId != null && m.Visibility == Visibility.Public),
                t => t.Id, m => m.TicketId, (t, m) => new { AgentId = m.AuthorAgentId, t.TeamId })
            .ToListAsync(ct);
        var time = await scope.TicketsIncludingMerged
            .Join(db.TimeEntries.Where(e => e.CreatedAt >= start && e.CreatedAt < end), t => t.Id, e => e.TicketId,
                (t, e) => new { e.AgentId, t.TeamId, e.Minutes, e.Billable })
            .ToListAsync(ct);
        var ratings = await scope.Tickets
            .Join(db.SatisfactionRatings.Where(r => r.RatedAt >= start && r.RatedAt < end && r.Score != null), t => t.Id, r => r.TicketId,
                (t, r) => new { t.AssigneeId, t.TeamId, Score = r.Score!.Value })
            .ToListAsync(ct);

        var rows = new Dictionary<string, Counts>();
        var totals = new Counts();
        IEnumerable<Counts> For(int? agentId, int? teamId)
        {
            var key = scope.GroupBy switch
            {
                ReportGrouping.Agent => ReportScope.Key(agentId),
                ReportGrouping.Team => ReportScope.Key(teamId),
                _ => "all",
            };
            yield return rows.TryGetValue(key, out var row) ? row : rows[key] = new Counts();
            yield return totals;
        }
        foreach (var ticket in solved)
        {
            foreach (var counts in For(ticket.AssigneeId, ticket.TeamId))
            {
                counts.Solved++;
                counts.Reopened += ticket.Reopened ? 1 : 0;
            }
        }
        foreach (var ticket in firstResponses)
        {
            foreach (var counts in For(ticket.AssigneeId, ticket.TeamId))
            {
                counts.FirstResponses.Add((ticket.FirstRespondedAt - ticket.CreatedAt).TotalMinutes);
            }
        }
        foreach (var reply in replies)
        {
            foreach (var counts in For(reply.AgentId, reply.TeamId))
            {
                counts.Replies++;
            }
        }
        foreach (var entry in time)
        {
            foreach (var counts in For(entry.AgentId, entry.TeamId))
            {
                counts.Minutes += entry.Minutes;
                counts.BillableMinutes += entry.Billable ? entry.Minutes : 0;
            }
        }
        foreach (var rating in ratings)
        {
            foreach (var counts in For(rating.AssigneeId, rating.TeamId))
            {
                counts.Ratings++;
                counts.Satisfied += rating.Score >= SatisfactionReport.SatisfiedFrom ? 1 : 0;
            }
        }
        var values = rows.ToDictionary(r => r.Key, r => r.Value.Values());
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(values, () => new Counts().Values(), "solved", ct), totals.Values());
    }
}
