using Atende.Catalog;
using Atende.Sla;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>response-times</c>: how long customers waited. First response (the first public reply by staff, minus the time
/// the ticket was created) over the tickets FIRST RESPONDED in the period, counted on the day of that reply;
/// resolution (the last resolve minus creation) over the tickets RESOLVED in the period — one reopened and resolved
/// again counts once, on the later day, with the whole time since creation. Each as count, median, p90 and average
/// minutes (<see cref="DurationStats"/>) in calendar time, and in business time: the working minutes the SLA clock
/// measured (<see cref="SlaTarget.BusinessMinutes"/> of the met first-response and resolution targets of the same
/// tickets), which leave out nights, weekends, holidays and the time spent in a Pending status. Business figures cover
/// only tickets under an SLA policy, and are null when none of the row's tickets has one.
/// </summary>
public sealed class ResponseTimesReport : IReport
{
    public string Name => "response-times";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
    [
        ReportGrouping.None, ReportGrouping.Team, ReportGrouping.Agent, ReportGrouping.Type, ReportGrouping.Priority,
        ReportGrouping.Organization, ReportGrouping.Channel, ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month,
    ];

    public static readonly IReadOnlyList<string> Metrics =
    [
        "firstResponses", "firstResponseMedianMinutes", "firstResponseP90Minutes", "firstResponseAverageMinutes",
        "resolutions", "resolutionMedianMinutes", "resolutionP90Minutes", "resolutionAverageMinutes",
        "firstResponseBusinessMedianMinutes", "firstResponseBusinessP90Minutes", "firstResponseBusinessAverageMinutes",
        "resolutionBusinessMedianMinutes", "resolutionBusinessP90Minutes", "resolutionBusinessAverageMinutes",
    ];

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var db = scope.Db;
        // Served by the FirstRespondedAt index; the SLA clock's business minutes of the same response come with each
        // ticket, one (TicketId, Kind, Cycle) key lookup each.
        var responded = await scope.SpansAsync(scope.Tickets.Where(t => t.FirstRespondedAt >= start && t.FirstRespondedAt < end),
            t => t, t => t.CreatedAt, t => t.FirstRespondedAt!.Value, null,
            t => db.SlaTargets.Where(s => s.TicketId == t.Id && s.Kind == SlaTargetKind.FirstResponse && s.Cycle == 0 && s.AchievedAt != null)
                .Select(s => (double?)s.BusinessMinutes).FirstOrDefault(),
            ct);
        // The category test lets the (StatusCategory, ResolvedAt) index serve the range. The resolution target of the
        // last cycle is the one met at the ticket's last resolve.
        var resolved = await scope.SpansAsync(scope.Tickets.Where(t =>
                (t.StatusCategory == StatusCategory.Resolved || t.StatusCategory == StatusCategory.Closed) &&
                t.ResolvedAt >= start && t.ResolvedAt < end),
            t => t, t => t.CreatedAt, t => t.ResolvedAt!.Value, null,
            t => db.SlaTargets.Where(s => s.TicketId == t.Id && s.Kind == SlaTargetKind.Resolution && s.AchievedAt != null)
                .OrderByDescending(s => s.Cycle).Select(s => (double?)s.BusinessMinutes).FirstOrDefault(),
            ct);

        var samples = new Dictionary<string, Samples>();
        Samples Of(string key) => samples.TryGetValue(key, out var s) ? s : samples[key] = new Samples();
        if (scope.GroupBy == ReportGrouping.None)
        {
            Of("all");
        }
        var all = new Samples();
        foreach (var ticket in responded)
        {
            var (minutes, business) = (ticket.Minutes, ticket.Value);
            foreach (var samplesOf in ticket.Keys.Select(Of).Append(all))
            {
                samplesOf.FirstResponse.Add(minutes);
                if (business is { } value)
                {
                    samplesOf.FirstResponseBusiness.Add(value);
                }
            }
        }
        foreach (var ticket in resolved)
        {
            var (minutes, business) = (ticket.Minutes, ticket.Value);
            foreach (var samplesOf in ticket.Keys.Select(Of).Append(all))
            {
                samplesOf.Resolution.Add(minutes);
                if (business is { } value)
                {
                    samplesOf.ResolutionBusiness.Add(value);
                }
            }
        }
        var rows = await scope.RowsAsync(samples.ToDictionary(s => s.Key, s => s.Value.Metrics()), () => new Samples().Metrics(),
            "firstResponses", ct);
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            rows, all.Metrics());
    }

    private sealed class Samples
    {
        public List<double> FirstResponse { get; } = [];
        public List<double> FirstResponseBusiness { get; } = [];
        public List<double> Resolution { get; } = [];
        public List<double> ResolutionBusiness { get; } = [];

        public Dictionary<string, object?> Metrics()
        {
            var (first, firstBusiness) = (DurationStats.Of(FirstResponse), DurationStats.Of(FirstResponseBusiness));
            var (resolution, resolutionBusiness) = (DurationStats.Of(Resolution), DurationStats.Of(ResolutionBusiness));
            return new()
            {
                ["firstResponses"] = first.Count,
                ["firstResponseMedianMinutes"] = first.Median,
                ["firstResponseP90Minutes"] = first.P90,
                ["firstResponseAverageMinutes"] = first.Average,
                ["resolutions"] = resolution.Count,
                ["resolutionMedianMinutes"] = resolution.Median,
                ["resolutionP90Minutes"] = resolution.P90,
                ["resolutionAverageMinutes"] = resolution.Average,
                ["firstResponseBusinessMedianMinutes"] = firstBusiness.Median,
                ["firstResponseBusinessP90Minutes"] = firstBusiness.P90,
                ["firstResponseBusinessAverageMinutes"] = firstBusiness.Average,
                ["resolutionBusinessMedianMinutes"] = resolutionBusiness.Median,
                ["resolutionBusinessP90Minutes"] = resolutionBusiness.P90,
                ["resolutionBusinessAverageMinutes"] = resolutionBusiness.Average,
            };
        }
    }
}
