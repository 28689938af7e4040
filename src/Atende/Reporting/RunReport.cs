using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// GET /reports/{name}. Query values arrive as text so that every bad one is answered under its own name (400), not
/// as one opaque binding failure. <c>from</c>/<c>to</c> are days (yyyy-MM-dd) of <c>timeZone</c>, which defaults to
/// the caller's own; the default period is the last 30 days, today included.
/// </summary>
public sealed record ReportRequest
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? TimeZone { get; init; }
    public string? GroupBy { get; init; }
    public string? Team { get; init; }
    public string? Organization { get; init; }
    public string? Type { get; init; }
    public string? Priority { get; init; }
    public string? Agent { get; init; }
    public string? Compare { get; init; }
}

/// <summary>
/// Runs one named report for a staff member over the tickets they may see. Customers get 403: reports count other
/// people's requests.
/// </summary>
public sealed class RunReport(AtendeDb db, IEnumerable<IReport> reports, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Names =
        ["volume", "backlog", "response-times", "sla", "satisfaction", "agents", "time-tracking", "self-service", "tags"];

    public async Task<ReportResult> HandleAsync(string name, ReportRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var report = reports.FirstOrDefault(r => r.Name == name) ?? throw new NotFoundException($"Report '{name}'");
        var scope = await ScopeAsync(report, request, caller, ct);
        var result = await report.RunAsync(scope, ct);
        if (request.Compare is "true" or "1")
        {
            var previous = new ReportScope(db, caller, scope.Period.Previous(), ReportGrouping.None, scope.Now)
            {
                TeamId = scope.TeamId,
                OrganizationId = scope.OrganizationId,
                RequestTypeId = scope.RequestTypeId,
                Priority = scope.Priority,
                AgentId = scope.AgentId,
            };
            result = result with { Previous = (await report.RunAsync(previous, ct)).Totals };
        }
        return result;
    }

    private async Task<ReportScope> ScopeAsync(IReport report, ReportRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var zoneId = request.TimeZone;
        if (string.IsNullOrEmpty(zoneId) && caller.AccountId is { } accountId)
        {
            zoneId = await db.Users.Where(u => u.Id == accountId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        }
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(zoneId) && (zoneId.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone!)))
        {
            errors.Add("timeZone", "is not a known time zone (use an IANA id such as America/Sao_Paulo).");
            zone = TimeZoneInfo.Utc;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalDay.Of(now, zone);
        var to = Day(errors, "to", request.To) ?? today;
        var from = Day(errors, "from", request.From) ?? to.AddDays(-29);
        if (from > to)
        {
            errors.Add("from", "must not be after 'to'.");
        }
        else if (to.DayNumber - from.DayNumber + 1 > ReportPeriod.MaxDays)
        {
            errors.Add("to", $"the period may cover at most {ReportPeriod.MaxDays} days.");
        }

        var groupBy = report.Groupings[0];
        if (!string.IsNullOrEmpty(request.GroupBy))
        {
            if (ReportGroupings.Parse(request.GroupBy) is { } asked && report.Groupings.Contains(asked))
            {
                groupBy = asked;
            }
            else
            {
                errors.Add("groupBy", $"must be one of: {string.Join(", ", report.Groupings.Select(g => g.Name()))}.");
            }
        }

        int? typeId = null;
        if (!string.IsNullOrEmpty(request.Type))
        {
            typeId = await db.RequestTypes.Where(t => t.Key == request.Type).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (typeId is null)
            {
                errors.Add("type", "is not a request type key.");
            }
        }
        Priority? priority = null;
        if (!string.IsNullOrEmpty(request.Priority))
        {
            if (Enum.TryParse<Priority>(request.Priority, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.Priority, out _))
            {
                priority = parsed;
            }
            else
            {
                errors.Add("priority", "must be low, normal, high or urgent.");
            }
        }
        var scope = new ReportScope(db, caller, new ReportPeriod(from, to, zone), groupBy, now)
        {
            TeamId = Id(errors, "team", request.Team),
            OrganizationId = Id(errors, "organization", request.Organization),
            AgentId = Id(errors, "agent", request.Agent),
            RequestTypeId = typeId,
            Priority = priority,
        };
        if (request.Compare is not (null or "" or "true" or "false" or "1" or "0"))
        {
            errors.Add("compare", "must be true or false.");
        }
        errors.ThrowIfAny();
        return scope;
    }

    private static DateOnly? Day(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(field, "must be a date (yyyy-MM-dd).");
        return null;
    }

    private static int? Id(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        errors.Add(field, "must be a positive id.");
        return null;
    }
}
