using System.Linq.Expressions;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Reporting;

/// <summary>
/// What one report run may read and how it groups: the caller's tickets (<see cref="TicketVisibility"/>, so an agent's
/// report covers their teams' tickets) narrowed by the request's filters, the period in the viewer's zone, and the
/// grouping. Merged duplicates are left out everywhere: the ticket they were merged into carries the request.
/// </summary>
public sealed class ReportScope(AtendeDb db, Caller caller, ReportPeriod period, ReportGrouping groupBy, DateTime now)
{
    public AtendeDb Db { get; } = db;
    public Caller Caller { get; } = caller;
    public ReportPeriod Period { get; } = period;
    public ReportGrouping GroupBy { get; } = groupBy;
    public DateTime Now { get; } = now;

    public int? TeamId { get; init; }
    public int? OrganizationId { get; init; }
    public int? RequestTypeId { get; init; }
    public Priority? Priority { get; init; }
    public int? AgentId { get; init; }

    /// <summary>The tickets this run may count: visible to the caller, matching the filters, not merged away.</summary>
    public IQueryable<Ticket> Tickets => TicketsIncludingMerged.Where(t => t.MergedIntoId == null);

    /// <summary>
    /// <see cref="Tickets"/> with merged duplicates too, for work done on them before the merge (time logged, replies
    /// written): the duplicate stops being a request, not the work.
    /// </summary>
    public IQueryable<Ticket> TicketsIncludingMerged
    {
        get
        {
            var tickets = Db.Tickets.AsNoTracking().VisibleTo(Caller);
            if (TeamId is { } team)
            {
                tickets = tickets.Where(t => t.TeamId == team);
            }
            if (OrganizationId is { } organization)
            {
                tickets = tickets.Where(t => t.OrganizationId == organization);
            }
            if (RequestTypeId is { } type)
            {
                tickets = tickets.Where(t => t.RequestTypeId == type);
            }
            if (Priority is { } priority)
            {
                tickets = tickets.Where(t => t.Priority == priority);
            }
            if (AgentId is { } agent)
            {
                tickets = tickets.Where(t => t.AssigneeId == agent);
            }
            return tickets;
        }
    }

    /// <summary>The slices of the tickets matching <paramref name="where"/> (with their tags when grouping by tag).</summary>
    public async Task<IReadOnlyList<TicketSlice>> SlicesAsync(Expression<Func<Ticket, bool>> where, CancellationToken ct)
    {
        var slices = await Tickets.Where(where)
            .Select(t => new TicketSlice(t.Id, t.CreatedAt, t.FirstRespondedAt, t.ResolvedAt, t.StatusCategory, t.StatusId,
                t.Priority, t.Channel, t.RequestTypeId, t.TeamId, t.AssigneeId, t.OrganizationId))
            .ToListAsync(ct);
        if (GroupBy == ReportGrouping.Tag && slices.Count > 0)
        {
            var tags = (await TagsOfAsync(slices.Select(s => s.Id).ToList(), ct)).ToLookup(x => x.TicketId, x => x.TagId);
            foreach (var slice in slices)
            {
                slice.TagIds = tags[slice.Id].ToList();
            }
        }
        return slices;
    }

    /// <summary>
    /// The tags of <paramref name="tickets"/>, by the TicketTags key (TicketId, TagId) alone — joining instead let
    /// PostgreSQL hash the whole TicketTags table. Ticket numbers grow with creation time, so a period's tickets are
    /// usually one dense range of numbers, read in key order (numbers in it that are not the period's — another
    /// organization's — are dropped here); when they are scattered (tickets imported with older dates), they are
    /// looked up one by one, as a single array parameter.
    /// </summary>
    public async Task<List<(int TicketId, int TagId)>> TagsOfAsync(IReadOnlyCollection<int> tickets, CancellationToken ct)
    {
        if (tickets.Count == 0)
        {
            return [];
        }
        var (low, high) = (tickets.Min(), tickets.Max());
        var tags = Db.TicketTags.AsNoTracking();
        if ((long)high - low + 1 <= 2L * tickets.Count)
        {
            tags = tags.Where(tt => tt.TicketId >= low && tt.TicketId <= high);
        }
        else
        {
            var numbers = tickets.ToList();
            tags = tags.Where(tt => EF.Parameter(numbers).Contains(tt.TicketId));
        }
        var wanted = tickets.ToHashSet();
        return (await tags.Select(tt => new { tt.TicketId, tt.TagId }).ToListAsync(ct))
            .Where(tt => wanted.Contains(tt.TicketId))
            .Select(tt => (tt.TicketId, tt.TagId))
            .ToList();
    }

    /// <summary>
    /// The row keys a ticket counts under: the bucket of <paramref name="at"/> for time groupings, its dimension's value
    /// otherwise (<c>none</c> when it has none, e.g. unassigned). A ticket with several tags has several keys.
    /// </summary>
    public IEnumerable<string> KeysOf(TicketSlice ticket, DateTime at) => GroupBy switch
    {
        ReportGrouping.None => ["all"],
        ReportGrouping.Day or ReportGrouping.Week or ReportGrouping.Month => [Period.KeyOf(at, GroupBy)],
        ReportGrouping.Team => [Key(ticket.TeamId)],
        ReportGrouping.Agent => [Key(ticket.AssigneeId)],
        ReportGrouping.Organization => [Key(ticket.OrganizationId)],
        ReportGrouping.Type => [Key(ticket.RequestTypeId)],
        ReportGrouping.Priority => [ticket.Priority.ToString().ToLowerInvariant()],
        ReportGrouping.Channel => [ticket.Channel.ToString().ToLowerInvariant()],
        ReportGrouping.Status => [Key(ticket.StatusId)],
        ReportGrouping.Tag => ticket.TagIds.Count == 0 ? [None] : ticket.TagIds.Select(id => Key(id)),
        ReportGrouping.Ticket => [Key(ticket.Id)],
        _ => throw new InvalidOperationException($"{GroupBy} is grouped by its report."),
    };

    public const string None = "none";

    /// <summary>
    /// The grouping as a ticket column, for the database to group by (enums as their numbers); null for time groupings,
    /// tags and groupings that are not a ticket column.
    /// </summary>
    public Expression<Func<Ticket, int?>>? Dimension => GroupBy switch
    {
        ReportGrouping.Team => t => t.TeamId,
        ReportGrouping.Agent => t => t.AssigneeId,
        ReportGrouping.Organization => t => t.OrganizationId,
        ReportGrouping.Type => t => t.RequestTypeId,
        ReportGrouping.Status => t => t.StatusId,
        ReportGrouping.Priority => t => (int)t.Priority,
        ReportGrouping.Channel => t => (int)t.Channel,
        ReportGrouping.Ticket => t => t.Id,
        _ => null,
    };

    /// <summary>The row key of a <see cref="Dimension"/> value: the same keys <see cref="KeysOf"/> gives.</summary>
    public string DimensionKey(int? value) => GroupBy switch
    {
        ReportGrouping.Priority when value is { } v => ((Priority)v).ToString().ToLowerInvariant(),
        ReportGrouping.Channel when value is { } v => ((Channel)v).ToString().ToLowerInvariant(),
        _ => Key(value),
    };

    public static string Key(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? None;

    /// <summary>
    /// Turns per-key metrics into the report's rows: every bucket of the period for time groupings (zeros included, in
    /// order), otherwise one labelled row per key ordered by <paramref name="orderBy"/>, largest first.
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> RowsAsync(
        IReadOnlyDictionary<string, Dictionary<string, object?>> metricsByKey,
        Func<Dictionary<string, object?>> empty,
        string orderBy,
        CancellationToken ct)
    {
        if (GroupBy.IsTime())
        {
            return Period.Buckets(GroupBy)
                .Select(b => new ReportRow(b.Key, b.Label, metricsByKey.TryGetValue(b.Key, out var values) ? values : empty()))
                .ToList();
        }
        var labels = await LabelsAsync(metricsByKey.Keys, ct);
        return metricsByKey
            .Select(pair => new ReportRow(pair.Key, labels.GetValueOrDefault(pair.Key, pair.Key), pair.Value))
            .OrderByDescending(row => Convert.ToDouble(row.Values.GetValueOrDefault(orderBy) ?? double.MinValue, System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(row => row.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Readable names for dimension keys (team, agent, organization, type, status and tag names; ticket subjects).</summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var ids = keys.Where(k => k != None).Select(k => int.TryParse(k, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();
        var labels = new Dictionary<string, string> { [None] = NoneLabel };
        IEnumerable<(int Id, string Name)> named = GroupBy switch
        {
            ReportGrouping.Team => (await Db.Teams.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Agent => (await Db.Agents.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Organization => (await Db.Organizations.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Type => (await Db.RequestTypes.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Status => (await Db.Statuses.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Tag => (await Db.Tags.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Policy => (await Db.SlaPolicies.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)),
            ReportGrouping.Article => (await Db.KnowledgeArticles.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title)),
            ReportGrouping.Ticket => (await Db.Tickets.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Subject }).ToListAsync(ct)).Select(x => (x.Id, $"#{x.Id} {x.Subject}")),
            _ => [],
        };
        foreach (var (id, name) in named)
        {
            labels[Key(id)] = name;
        }
        if (GroupBy is ReportGrouping.Priority or ReportGrouping.Channel)
        {
            foreach (var key in keys)
            {
                labels[key] = char.ToUpperInvariant(key[0]) + key[1..];
            }
        }
        return labels;
    }

    private string NoneLabel => GroupBy switch
    {
        ReportGrouping.Agent => "Unassigned",
        ReportGrouping.Team => "No team",
        ReportGrouping.Organization => "No organization",
        ReportGrouping.Tag => "No tag",
        ReportGrouping.Policy => "Deleted policy",
        _ => "None",
    };
}
