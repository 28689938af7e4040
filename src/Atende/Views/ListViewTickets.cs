using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Views;

/// <summary>
/// GET /views/{key}/tickets: a built-in key (<c>my-open</c>, <c>due-today</c>...) or a saved view's id. <c>sort</c>
/// overrides the view's own; <c>timeZone</c> (IANA id) says where "today" is for due-today (UTC when absent).
/// </summary>
public sealed record ListViewTicketsRequest
{
    public string? Sort { get; init; }
    public string? TimeZone { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Runs a queue: the view's filter through ListTickets, so visibility and paging are the same as everywhere.</summary>
public sealed class ListViewTickets(AtendeDb db, ListTickets listTickets, TimeProvider clock)
{
    public async Task<Page<TicketSummary>> HandleAsync(string key, ListViewTicketsRequest request, Caller caller, CancellationToken ct)
    {
        var filter = await ResolveAsync(db, clock, key, request.TimeZone, caller, ct);
        return await listTickets.HandleAsync(filter with
        {
            Sort = request.Sort ?? filter.Sort,
            Limit = request.Limit,
            Cursor = request.Cursor,
        }, caller, ct);
    }

    /// <summary>The ticket filter of a built-in key or a visible saved view's id; 404 for anything else.</summary>
    public static async Task<ListTicketsRequest> ResolveAsync(AtendeDb db, TimeProvider clock, string key, string? timeZone, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (BuiltInViews.Find(key) is { } builtIn)
        {
            return builtIn.Filter(clock.GetUtcNow().UtcDateTime, BuiltInViews.Zone(timeZone));
        }
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var saved = db.SavedViews.VisibleTo(caller).Where(v => v.Id == id).Select(v => new { v.FilterJson, v.Sort });
            if (await saved.FirstOrDefaultAsync(ct) is { } row)
            {
                return SavedView.Parse(row.FilterJson).ToRequest(row.Sort);
            }
        }
        throw new NotFoundException($"View {key}");
    }
}
