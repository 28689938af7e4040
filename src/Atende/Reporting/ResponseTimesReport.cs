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
        // Served by the FirstRespondedAt index.
        var responded = await scope.SlicesAsync(t => t.FirstRespondedAt >= start && t.FirstRespondedAt < end, ct);
        // The category test lets the (StatusCategory, ResolvedAt) index serve the range.
        var resolved = await scope.SlicesAsync(
            t => (t.StatusCategory == StatusCategory.Resolved || t.StatusCategory == StatusCategory.Closed) &&
                 t.ResolvedAt >= start && t.ResolvedAt < end,
            ct);
        // The SLA handler meets a target at the ticket's own stamp (FirstRespondedAt, ResolvedAt), so the targets met
        // in the period — a (Kind, AchievedAt) index range — are exactly those of the tickets above (and of tickets
        // this caller may not see or the filters leave out, which the lookup by ticket skips).
        var firstResponseBusiness = (await scope.Db.SlaTargets.AsNoTracking()
                .Where(s => s.Kind == SlaTargetKind.FirstResponse && s.AchievedAt >= start && s.AchievedAt < end &&
                            s.Cycle == 0 && s.BusinessMinutes != null)
                .Select(s => new { s.TicketId, s.Id, s.BusinessMinutes })
                .ToListAsync(ct))
            .GroupBy(s => s.TicketId)
            .ToDictionary(g => g.Key, g => (double)g.MaxBy(s => s.Id)!.BusinessMinutes!.Value);
        var resolutionBusiness = (await scope.Db.SlaTargets.AsNoTracking()
                .Where(s => s.Kind == SlaTargetKind.Resolution && s.AchievedAt >= start && s.AchievedAt < end && s.BusinessMinutes != null)
                .Select(s => new { s.TicketId, s.Id, s.BusinessMinutes })
                .ToListAsync(ct))
            .GroupBy(s => s.TicketId)
            .ToDictionary(g => g.Key, g => (double)g.MaxBy(s => s.Id)!.BusinessMinutes!.Value);

        var samples = new Dictionary<string, Samples>();
        Samples Of(string key) => samples.TryGetValue(key, out var s) ? s : samples[key] = new Samples();
        if (scope.GroupBy == ReportGrouping.None)
        {
            Of("all");
        }
        var all = new Samples();
        foreach (var ticket in responded)
        {
            var minutes = (ticket.FirstRespondedAt!.Value - ticket.CreatedAt).TotalMinutes;
            var business = firstResponseBusiness.TryGetValue(ticket.Id, out var b) ? b : (double?)null;
            foreach (var samplesOf in scope.KeysOf(ticket, ticket.FirstRespondedAt.Value).Select(Of).Append(all))
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
            var minutes = (ticket.ResolvedAt!.Value - ticket.CreatedAt).TotalMinutes;
            var business = resolutionBusiness.TryGetValue(ticket.Id, out var b) ? b : (double?)null;
            foreach (var samplesOf in scope.KeysOf(ticket, ticket.ResolvedAt.Value).Select(Of).Append(all))
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
