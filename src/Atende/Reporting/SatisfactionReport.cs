using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>satisfaction</c>: the survey answers given in the period. A ticket has one rating whose answer may change for
/// 7 days: it counts once, with its current score, on the day of its last change. <c>offered</c> counts the surveys
/// offered in the period (on the day the ticket was first resolved) and <c>responseRatePercent</c> the share of
/// those that have an answer now. "Agent" is the ticket's assignee now. Grouped by
/// <see cref="ReportGrouping.Ticket"/> it is the comments list: the answers of the period that carry a comment.
/// </summary>
public sealed class SatisfactionReport : IReport
{
    public string Name => "satisfaction";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
    [
        ReportGrouping.None, ReportGrouping.Agent, ReportGrouping.Team, ReportGrouping.Organization, ReportGrouping.Type,
        ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month, ReportGrouping.Ticket,
    ];

    public static readonly IReadOnlyList<string> Metrics = ["responses", "csatPercent", "averageScore", "offered", "responseRatePercent"];

    public static readonly IReadOnlyList<string> ListColumns = ["score", "comment", "ratedAt", "requester"];

    /// <summary>Scores from here up are "satisfied" (4 and 5 of 5), the usual CSAT cut.</summary>
    public const int SatisfiedFrom = 4;

    private sealed class Counts
    {
        public int Responses;
        public int Satisfied;
        public int ScoreSum;
        public int Offered;
        public int OfferedAnswered;

        public Dictionary<string, object?> Values() => new()
        {
            ["responses"] = Responses,
            ["csatPercent"] = Percent.Of(Satisfied, Responses),
            ["averageScore"] = Responses == 0 ? null : Math.Round((double)ScoreSum / Responses, 2),
            ["offered"] = Offered,
            ["responseRatePercent"] = Percent.Of(OfferedAnswered, Offered),
        };
    }

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var rated = await scope.Tickets
            .Join(scope.Db.SatisfactionRatings.Where(r => r.RatedAt >= start && r.RatedAt < end && r.Score != null), t => t.Id, r => r.TicketId,
                (t, r) => new
                {
                    Score = r.Score!.Value,
                    r.Comment,
                    RatedAt = r.RatedAt!.Value,
                    r.RequesterId,
                    Ticket = new TicketSlice(t.Id, t.CreatedAt, t.FirstRespondedAt, t.ResolvedAt, t.StatusCategory, t.StatusId, t.Priority,
                        t.Channel, t.RequestTypeId, t.TeamId, t.AssigneeId, t.OrganizationId),
                })
            .ToListAsync(ct);

        if (scope.GroupBy == ReportGrouping.Ticket)
        {
            var commented = rated.Where(r => !string.IsNullOrWhiteSpace(r.Comment)).OrderByDescending(r => r.RatedAt).ThenBy(r => r.Ticket.Id).ToList();
            var requesterIds = commented.Select(r => r.RequesterId).Distinct().ToList();
            var requesters = await scope.Db.Customers.Where(c => requesterIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            var labels = await scope.LabelsAsync(commented.Select(r => ReportScope.Key(r.Ticket.Id)), ct);
            var list = commented.Select(r => new ReportRow(ReportScope.Key(r.Ticket.Id), labels.GetValueOrDefault(ReportScope.Key(r.Ticket.Id), $"#{r.Ticket.Id}"),
                new Dictionary<string, object?>
                {
                    ["score"] = r.Score,
                    ["comment"] = r.Comment,
                    ["ratedAt"] = ReportCell.Time(r.RatedAt),
                    ["requester"] = requesters.GetValueOrDefault(r.RequesterId),
                })).ToList();
            var average = rated.Count == 0 ? (double?)null : Math.Round(rated.Average(r => r.Score), 2);
            return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), ListColumns, list,
                new Dictionary<string, object?> { ["score"] = average, ["comments"] = list.Count, ["responses"] = rated.Count });
        }

        var offered = await scope.Tickets
            .Join(scope.Db.SatisfactionRatings.Where(r => r.OfferedAt >= start && r.OfferedAt < end), t => t.Id, r => r.TicketId,
                (t, r) => new
                {
                    r.OfferedAt,
                    Answered = r.Score != null,
                    Ticket = new TicketSlice(t.Id, t.CreatedAt, t.FirstRespondedAt, t.ResolvedAt, t.StatusCategory, t.StatusId, t.Priority,
                        t.Channel, t.RequestTypeId, t.TeamId, t.AssigneeId, t.OrganizationId),
                })
            .ToListAsync(ct);

        var rows = new Dictionary<string, Counts>();
        var totals = new Counts();
        Counts Row(string key) => rows.TryGetValue(key, out var row) ? row : rows[key] = new Counts();
        foreach (var rating in rated)
        {
            foreach (var counts in scope.KeysOf(rating.Ticket, rating.RatedAt).Select(Row).Append(totals))
            {
                counts.Responses++;
                counts.ScoreSum += rating.Score;
                counts.Satisfied += rating.Score >= SatisfiedFrom ? 1 : 0;
            }
        }
        foreach (var offer in offered)
        {
            foreach (var counts in scope.KeysOf(offer.Ticket, offer.OfferedAt).Select(Row).Append(totals))
            {
                counts.Offered++;
                counts.OfferedAnswered += offer.Answered ? 1 : 0;
            }
        }
        var values = rows.ToDictionary(r => r.Key, r => r.Value.Values());
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(values, () => new Counts().Values(), "responses", ct), totals.Values());
    }
}
