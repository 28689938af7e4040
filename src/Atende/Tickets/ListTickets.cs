using System.Globalization;
using System.Linq.Expressions;
using Atende.Accounts;
using Atende.Catalog;
using Atende.Persistence;
using Atende.Search;
using Microsoft.EntityFrameworkCore;

namespace Atende.Tickets;

/// <summary>The filters of GET /api/v1/tickets. Text values are parsed here so a bad one is a 400 naming it.</summary>
public sealed record ListTicketsRequest
{
    public string[]? Status { get; init; }
    public string[]? StatusCategory { get; init; }
    public string[]? Priority { get; init; }
    public string? Type { get; init; }
    public string? Assignee { get; init; }
    public string? Team { get; init; }
    public int? Requester { get; init; }
    public int? Organization { get; init; }
    public string[]? Tag { get; init; }
    public string? Q { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    /// <summary>Due (resolution due time) at or after this instant; with dueTo, "due today" in the agent's day.</summary>
    public DateTime? DueFrom { get; init; }
    public DateTime? DueTo { get; init; }
    /// <summary>Resolved at or after this instant ("recently solved").</summary>
    public DateTime? ResolvedFrom { get; init; }
    public DateTime? ResolvedTo { get; init; }
    public bool? Overdue { get; init; }
    public string? Sort { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Lists the tickets a caller may see, filtered and sorted, one keyset page at a time.</summary>
public sealed class ListTickets(AtendeDb db, ISearchEngine search, TimeProvider clock)
{
    public const int DefaultLimit = Paging.DefaultLimit;
    public const int MaxLimit = Paging.MaxLimit;

    private static readonly string[] Sorts = ["updatedAt", "createdAt", "priority", "dueAt", "number"];

    /// <summary>True for a sort this list understands ("dueAt", "-priority"...).</summary>
    public static bool IsSort(string sort) => Sorts.Contains(sort.TrimStart('-'));

    /// <summary>Tickets with no due time sort after every dated one.</summary>
    private static readonly DateTime NoDueDate = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public async Task<Page<TicketSummary>> HandleAsync(ListTicketsRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }
        var sort = request.Sort ?? "-updatedAt";
        var descending = sort.StartsWith('-');
        var sortField = sort.TrimStart('-');
        if (!Sorts.Contains(sortField))
        {
            errors.Add("sort", $"must be one of: {string.Join(", ", Sorts)} (with '-' for descending).");
        }
        var query = await FilterAsync(db.Tickets.AsNoTracking().VisibleTo(caller), request, caller, errors, ct);
        PageCursor? after = null;
        if (!errors.Any && request.Cursor is { Length: > 0 } cursor)
        {
            after = PageCursor.Decode(cursor, sort);
        }
        errors.ThrowIfAny();

        DateTime AfterTime() => new(after!.Value, DateTimeKind.Utc);
        IQueryable<Ticket> Sorted(IQueryable<Ticket> tickets) => sortField switch
        {
            "createdAt" => SortAndSeek(tickets, t => t.CreatedAt, descending, after is null ? null : new CursorValues<DateTime>(AfterTime(), after.Id)),
            "priority" => SortAndSeek(tickets, t => (int)t.Priority, descending, after is null ? null : new CursorValues<int>((int)after.Value, after.Id)),
            "dueAt" => SortAndSeek(tickets, t => t.DueAt ?? NoDueDate, descending, after is null ? null : new CursorValues<DateTime>(AfterTime(), after.Id)),
            "number" => SortAndSeek(tickets, t => t.Id, descending, after is null ? null : new CursorValues<int>((int)after.Value, after.Id)),
            _ => SortAndSeek(tickets, t => t.UpdatedAt, descending, after is null ? null : new CursorValues<DateTime>(AfterTime(), after.Id)),
        };
        var categories = request.StatusCategory is { Length: > 0 } names ? ParseEnums<StatusCategory>("statusCategory", names, new ValidationErrors()).Distinct().ToList() : [];
        if (!db.IsPostgres && categories.Count > 1)
        {
            // SQLite reads one (StatusCategory, sort key) index range per category but cannot merge them in order
            // (PostgreSQL does, with a Merge Append): it sorted every open ticket of the desk for one page (0.1 s at
            // 1,000,000 tickets). The first page of each category, merged, holds the page.
            IQueryable<Ticket>? merged = null;
            foreach (var category in categories)
            {
                var one = Sorted(query.Where(t => t.StatusCategory == category)).Take(limit + 1);
                merged = merged is null ? one : merged.Concat(one);
            }
            query = Sorted(merged!);
        }
        else
        {
            query = Sorted(query);
        }

        var rows = await query.Take(limit + 1).Select(t => new TicketSummary(
                t.Id, t.Subject,
                new StatusRef(t.Status.Key, t.Status.Name, t.Status.Category),
                t.Priority,
                new TypeRef(t.RequestType.Key, t.RequestType.Name),
                t.Channel,
                new PersonRef(t.Requester.Id, t.Requester.Name, t.Requester.Email),
                t.Organization == null ? null : new NamedRef(t.Organization.Id, t.Organization.Name),
                t.Assignee == null ? null : new NamedRef(t.Assignee.Id, t.Assignee.Name),
                t.Team == null ? null : new NamedRef(t.Team.Id, t.Team.Name),
                new List<string>(),
                t.CreatedAt, t.UpdatedAt, t.FirstRespondedAt, t.ResolvedAt, t.DueAt, t.MergedIntoId))
            .ToListAsync(ct);
        var tags = await TicketTag.NamesOfAsync(db, rows.Select(r => r.Number).ToList(), ct);
        rows = rows.Select(r => r with { Tags = tags[r.Number].ToList() }).ToList();

        return Page<TicketSummary>.FromOverfetch(rows, limit, last => new PageCursor(sort, sortField switch
        {
            "createdAt" => last.CreatedAt.Ticks,
            "priority" => (long)last.Priority,
            "dueAt" => (last.DueAt ?? NoDueDate).Ticks,
            "number" => last.Number,
            _ => last.UpdatedAt.Ticks,
        }, last.Number));
    }

    /// <summary>
    /// The tickets the caller may see that pass the request's filters, unsorted and unpaged — for callers that only
    /// count them (queue counts) and must not load rows. Bad filters are a 400.
    /// </summary>
    public async Task<IQueryable<Ticket>> MatchingAsync(ListTicketsRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var query = await FilterAsync(db.Tickets.AsNoTracking().VisibleTo(caller), request, caller, errors, ct);
        errors.ThrowIfAny();
        return query;
    }

    private async Task<IQueryable<Ticket>> FilterAsync(
        IQueryable<Ticket> query, ListTicketsRequest request, Caller caller, ValidationErrors errors, CancellationToken ct)
    {
        if (request.Q is { Length: > 200 })
        {
            errors.Add("q", "must be at most 200 characters.");
        }
        if (request.Status is { Length: > 0 } statusKeys)
        {
            var ids = await db.Statuses.Where(s => statusKeys.Contains(s.Key)).Select(s => new { s.Id, s.Key }).ToListAsync(ct);
            foreach (var missing in statusKeys.Except(ids.Select(i => i.Key)))
            {
                errors.Add("status", $"'{missing}' is not a status.");
            }
            var statusIds = ids.Select(i => i.Id).ToList();
            query = query.Where(t => statusIds.Contains(t.StatusId));
        }
        if (request.StatusCategory is { Length: > 0 } categoryNames)
        {
            var categories = ParseEnums<StatusCategory>("statusCategory", categoryNames, errors);
            query = query.Where(t => categories.Contains(t.StatusCategory));
        }
        if (request.Priority is { Length: > 0 } priorityNames)
        {
            var priorities = ParseEnums<Priority>("priority", priorityNames, errors);
            query = query.Where(t => priorities.Contains(t.Priority));
        }
        if (request.Type is { Length: > 0 } typeKey)
        {
            var typeId = await db.RequestTypes.Where(r => r.Key == typeKey).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            if (typeId is null)
            {
                errors.Add("type", $"'{typeKey}' is not a request type.");
            }
            query = query.Where(t => t.RequestTypeId == typeId);
        }
        if (request.Assignee is { Length: > 0 } assignee)
        {
            if (assignee == "none")
            {
                query = query.Where(t => t.AssigneeId == null);
            }
            else if (assignee == "me")
            {
                var me = caller.AgentId ?? -1;
                query = query.Where(t => t.AssigneeId == me);
            }
            else if (int.TryParse(assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId))
            {
                query = query.Where(t => t.AssigneeId == agentId);
            }
            else
            {
                errors.Add("assignee", "must be 'me', 'none' or an agent id.");
            }
        }
        if (request.Team is { Length: > 0 } team)
        {
            if (team == "none")
            {
                query = query.Where(t => t.TeamId == null);
            }
            else if (int.TryParse(team, NumberStyles.None, CultureInfo.InvariantCulture, out var teamId))
            {
                query = query.Where(t => t.TeamId == teamId);
            }
            else
            {
                errors.Add("team", "must be 'none' or a team id.");
            }
        }
        if (request.Requester is { } requesterId)
        {
            query = query.Where(t => t.RequesterId == requesterId);
        }
        if (request.Organization is { } organizationId)
        {
            query = query.Where(t => t.OrganizationId == organizationId);
        }
        if (request.Tag is { Length: > 0 } tagNames)
        {
            foreach (var name in tagNames.Select(Tag.Normalize))
            {
                var tagId = await db.Tags.Where(g => g.Name == name).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct) ?? -1;
                query = query.Where(t => t.Tags.Any(x => x.TagId == tagId));
            }
        }
        if (request.CreatedFrom is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            query = query.Where(t => t.CreatedAt >= fromUtc);
        }
        if (request.CreatedTo is { } to)
        {
            var toUtc = to.ToUniversalTime();
            query = query.Where(t => t.CreatedAt < toUtc);
        }
        if (request.DueFrom is { } dueFrom)
        {
            var dueFromUtc = dueFrom.ToUniversalTime();
            query = query.Where(t => t.DueAt != null && t.DueAt >= dueFromUtc);
        }
        if (request.DueTo is { } dueTo)
        {
            var dueToUtc = dueTo.ToUniversalTime();
            query = query.Where(t => t.DueAt != null && t.DueAt < dueToUtc);
        }
        if (request.ResolvedFrom is { } resolvedFrom)
        {
            var resolvedFromUtc = resolvedFrom.ToUniversalTime();
            query = query.Where(t => t.ResolvedAt != null && t.ResolvedAt >= resolvedFromUtc);
        }
        if (request.ResolvedTo is { } resolvedTo)
        {
            var resolvedToUtc = resolvedTo.ToUniversalTime();
            query = query.Where(t => t.ResolvedAt != null && t.ResolvedAt < resolvedToUtc);
        }
        if (request.Overdue == true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            query = query.Where(t => t.DueAt != null && t.DueAt < now && t.StatusCategory < StatusCategory.Resolved);
        }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            query = MatchText(query, request.Q, caller);
        }
        return query;
    }

    /// <summary>Every word must occur in the ticket (subject, fields or a message the caller may read).</summary>
    private IQueryable<Ticket> MatchText(IQueryable<Ticket> query, string text, Caller caller)
    {
        var terms = SearchText.Terms(text);
        if (terms.Count == 0)
        {
            return query.Where(t => false);
        }
        foreach (var term in terms)
        {
            var documents = search.Matching(term).Where(d => d.TicketId != null);
            if (!caller.IsStaff)
            {
                documents = documents.Where(d => d.Visibility == Visibility.Public);
            }
            var ticketIds = documents.Select(d => d.TicketId!.Value);
            query = query.Where(t => ticketIds.Contains(t.Id));
        }
        return query;
    }

    private static List<T> ParseEnums<T>(string field, IEnumerable<string> names, ValidationErrors errors) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(name, CultureInfo.InvariantCulture, out _))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, $"'{name}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
            }
        }
        return values;
    }

    /// <summary>Orders by (key, id) and continues after the cursor's row, in either direction.</summary>
    private static IQueryable<Ticket> SortAndSeek<TKey>(IQueryable<Ticket> query, Expression<Func<Ticket, TKey>> key, bool descending, CursorValues<TKey>? after)
    {
        if (after is not null)
        {
            // Read through a holder object so EF sends the values as parameters, not literals.
            var t = key.Parameters[0];
            var keyValue = Expression.Property(Expression.Constant(after), nameof(CursorValues<TKey>.Value));
            var idValue = Expression.Property(Expression.Constant(after), nameof(CursorValues<TKey>.Id));
            var id = Expression.Property(t, nameof(Ticket.Id));
            var beyondKey = descending ? Expression.LessThan(key.Body, keyValue) : Expression.GreaterThan(key.Body, keyValue);
            var beyondId = descending ? Expression.LessThan(id, idValue) : Expression.GreaterThan(id, idValue);
            var predicate = Expression.OrElse(beyondKey, Expression.AndAlso(Expression.Equal(key.Body, keyValue), beyondId));
            query = query.Where(Expression.Lambda<Func<Ticket, bool>>(predicate, t));
        }
        return descending
            ? query.OrderByDescending(key).ThenByDescending(t => t.Id)
            : query.OrderBy(key).ThenBy(t => t.Id);
    }

    private sealed record CursorValues<TKey>(TKey Value, int Id);
}
