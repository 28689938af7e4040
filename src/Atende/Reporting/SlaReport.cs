using Atende.Tickets;
using Atende.Sla;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// <c>sla</c>: service targets decided in the period. A target is decided when it was met (achieved on time: counted
/// on the day it was achieved) or breached (counted on the day it fell due unanswered — also when it was met late
/// afterwards). A resolution met and then reopened is undecided again until the ticket is resolved again.
/// <c>atRisk</c> is a figure of NOW: open, running targets that fall due within their policy's warning time (or are
/// past due while the breach is not yet recorded); it is null for a period that ended before now. Grouped by
/// <see cref="ReportGrouping.Ticket"/> it is the breaches list: one row per target breached in the period, then the
/// targets at risk now.
/// </summary>
public sealed class SlaReport : IReport
{
    public string Name => "sla";

    public IReadOnlyList<ReportGrouping> Groupings { get; } =
    [
        ReportGrouping.None, ReportGrouping.Policy, ReportGrouping.Team, ReportGrouping.Agent, ReportGrouping.Priority,
        ReportGrouping.Type, ReportGrouping.Organization, ReportGrouping.Day, ReportGrouping.Week, ReportGrouping.Month,
        ReportGrouping.Ticket,
    ];

    public static readonly IReadOnlyList<string> Metrics =
    [
        "met", "breached", "slaCompliancePercent", "firstResponseCompliancePercent", "nextResponseCompliancePercent",
        "resolutionCompliancePercent", "atRisk",
    ];

    public static readonly IReadOnlyList<string> ListColumns = ["ticket", "target", "policy", "dueAt", "breachedAt", "state"];

    private sealed record Decided(long Id, SlaTargetKind Kind, int? PolicyId, DateTime? DueAt, DateTime? AchievedAt, DateTime? BreachedAt, TicketSlice Ticket);

    private sealed class Counts
    {
        public readonly int[] Met = new int[3];
        public readonly int[] Breached = new int[3];
        public int? AtRisk;

        public Dictionary<string, object?> Values() => new()
        {
            ["met"] = Met.Sum(),
            ["breached"] = Breached.Sum(),
            ["slaCompliancePercent"] = Percent.Of(Met.Sum(), Met.Sum() + Breached.Sum()),
            ["firstResponseCompliancePercent"] = Of(SlaTargetKind.FirstResponse),
            ["nextResponseCompliancePercent"] = Of(SlaTargetKind.NextResponse),
            ["resolutionCompliancePercent"] = Of(SlaTargetKind.Resolution),
            ["atRisk"] = AtRisk,
        };

        private double? Of(SlaTargetKind kind) => Percent.Of(Met[(int)kind], Met[(int)kind] + Breached[(int)kind]);
    }

    public async Task<ReportResult> RunAsync(ReportScope scope, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        // Two ranges, two indexes: (AchievedAt, BreachedAt, DueAt) for the met, (BreachedAt) for the breached. "Not
        // breached" is tested here, not in SQL: "BreachedAt IS NULL" looks selective to SQLite's statistics (an average
        // per value) and would lead it to read every unbroken target instead of the period's.
        var policies = await scope.Db.SlaPolicies.AsNoTracking().Select(p => new { p.Id, p.Name, p.WarningMinutes }).ToDictionaryAsync(p => p.Id, ct);
        // Only a period that reaches now has a "now" to be at risk in.
        IReadOnlyList<Decided>? atRisk = null;
        if (end > scope.Now)
        {
            var longestWarning = policies.Values.Select(p => p.WarningMinutes).DefaultIfEmpty(SlaPolicy.DefaultWarningMinutes).Max();
            var horizon = scope.Now.AddMinutes(Math.Max(longestWarning, SlaPolicy.DefaultWarningMinutes));
            var open = await DecidedAsync(scope, scope.Db.SlaTargets.Where(s => s.AchievedAt == null && s.BreachedAt == null && s.DueAt <= horizon), ct);
            atRisk = open.Where(s => s.DueAt!.Value.AddMinutes(-(s.PolicyId is { } p && policies.TryGetValue(p, out var policy)
                ? policy.WarningMinutes : SlaPolicy.DefaultWarningMinutes)) <= scope.Now).ToList();
        }

        if (scope.GroupBy == ReportGrouping.Ticket)
        {
            var breachedList = await DecidedAsync(scope, scope.Db.SlaTargets.Where(s => s.BreachedAt >= start && s.BreachedAt < end), ct);
            return await ListAsync(scope, breachedList, atRisk ?? [], policies.ToDictionary(p => p.Key, p => p.Value.Name), ct);
        }

        // Counted by the database, split by target kind. Two ranges, two indexes: (AchievedAt, BreachedAt, DueAt) for
        // the met, (BreachedAt) for the breached. "Not breached" is a split (-1: not counted), not a filter:
        // "BreachedAt IS NULL" looks selective to SQLite's statistics (an average per value) and would lead it to read
        // every unbroken target instead of the period's.
        var byPolicy = scope.GroupBy == ReportGrouping.Policy;
        var met = await scope.CountAsync(WithTickets(scope, scope.Db.SlaTargets.Where(s => s.AchievedAt >= start && s.AchievedAt < end)),
            x => x.Ticket, x => x.Target.AchievedAt!.Value, x => x.Target.BreachedAt == null ? (int)x.Target.Kind : -1,
            byPolicy ? x => x.Target.PolicyId : null, ct);
        var breached = await scope.CountAsync(WithTickets(scope, scope.Db.SlaTargets.Where(s => s.BreachedAt >= start && s.BreachedAt < end)),
            x => x.Ticket, x => x.Target.BreachedAt!.Value, x => (int)x.Target.Kind,
            byPolicy ? x => x.Target.PolicyId : null, ct);

        var rows = new Dictionary<string, Counts>();
        var totals = new Counts { AtRisk = atRisk?.Count };
        Counts Row(string key) => rows.TryGetValue(key, out var row) ? row : rows[key] = new Counts { AtRisk = atRisk is null || scope.GroupBy.IsTime() ? null : 0 };
        foreach (var count in met.Rows)
        {
            Row(count.Key).Met[count.Split] += count.Count;
        }
        foreach (var count in breached.Rows)
        {
            Row(count.Key).Breached[count.Split] += count.Count;
        }
        foreach (var (kind, count) in met.Totals)
        {
            totals.Met[kind] += count;
        }
        foreach (var (kind, count) in breached.Totals)
        {
            totals.Breached[kind] += count;
        }
        // At risk is a state of now, not of a day: time rows leave it empty, dimension rows count their share.
        if (atRisk is not null && !scope.GroupBy.IsTime())
        {
            foreach (var target in atRisk)
            {
                foreach (var key in Keys(scope, target, scope.Now))
                {
                    Row(key).AtRisk = (Row(key).AtRisk ?? 0) + 1;
                }
            }
        }
        var values = rows.ToDictionary(r => r.Key, r => r.Value.Values());
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), Metrics,
            await scope.RowsAsync(values, () => new Counts().Values(), "breached", ct), totals.Values());
    }

    private static IEnumerable<string> Keys(ReportScope scope, Decided target, DateTime at) =>
        scope.GroupBy == ReportGrouping.Policy ? [ReportScope.Key(target.PolicyId)] : scope.KeysOf(target.Ticket, at);

    private sealed class TargetOfTicket
    {
        public Ticket Ticket { get; init; } = null!;
        public SlaTarget Target { get; init; } = null!;
    }

    private static IQueryable<TargetOfTicket> WithTickets(ReportScope scope, IQueryable<SlaTarget> targets) =>
        scope.Tickets.Join(targets, t => t.Id, s => s.TicketId, (t, s) => new TargetOfTicket { Ticket = t, Target = s });

    private static async Task<IReadOnlyList<Decided>> DecidedAsync(ReportScope scope, IQueryable<SlaTarget> targets, CancellationToken ct) =>
        await scope.Tickets.Join(targets, t => t.Id, s => s.TicketId, (t, s) => new Decided(s.Id, s.Kind, s.PolicyId, s.DueAt, s.AchievedAt, s.BreachedAt,
                new TicketSlice(t.Id, t.CreatedAt, t.FirstRespondedAt, t.ResolvedAt, t.StatusCategory, t.StatusId, t.Priority, t.Channel,
                    t.RequestTypeId, t.TeamId, t.AssigneeId, t.OrganizationId)))
            .ToListAsync(ct);

    /// <summary>The breaches list: breached targets by when they broke, then those at risk now by when they fall due.</summary>
    private async Task<ReportResult> ListAsync(ReportScope scope, IReadOnlyList<Decided> breached, IReadOnlyList<Decided> atRisk,
        Dictionary<int, string> policies, CancellationToken ct)
    {
        var labels = await scope.LabelsAsync(breached.Concat(atRisk).Select(t => ReportScope.Key(t.Ticket.Id)).Distinct(), ct);
        ReportRow Row(Decided target, string state) => new(
            $"{target.Ticket.Id}-{target.Id}",
            labels.GetValueOrDefault(ReportScope.Key(target.Ticket.Id), $"#{target.Ticket.Id}"),
            new Dictionary<string, object?>
            {
                ["ticket"] = target.Ticket.Id,
                ["target"] = SlaTarget.Keys[(int)target.Kind],
                ["policy"] = target.PolicyId is { } id ? policies.GetValueOrDefault(id) : null,
                ["dueAt"] = ReportCell.Time(target.DueAt),
                ["breachedAt"] = ReportCell.Time(target.BreachedAt),
                ["state"] = state,
            });
        var rows = breached.OrderBy(t => t.BreachedAt).ThenBy(t => t.Id).Select(t => Row(t, "breached"))
            .Concat(atRisk.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Select(t => Row(t, "atRisk")))
            .ToList();
        var totals = new Dictionary<string, object?> { ["breached"] = breached.Count, ["atRisk"] = atRisk.Count };
        return new ReportResult(Name, scope.Period.From, scope.Period.To, scope.Period.Zone.Id, scope.GroupBy.Name(), ListColumns, rows, totals);
    }
}
