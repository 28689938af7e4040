using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Views;

/// <summary>
/// One queue of the navigation and how many tickets it holds. Counting stops at <see cref="CountQueues.Ceiling"/>:
/// <c>more</c> is true when there are at least that many (shown as "999+"). <c>count</c> is null for a saved view
/// whose filter no longer works (a status or type it names was deleted).
/// </summary>
public sealed record QueueCount(string Key, string Name, bool BuiltIn, int? TeamId, int? Count, bool More);

/// <summary>GET /views/counts: built-in queues and the caller's own and team views.</summary>
public sealed record CountQueuesRequest
{
    public string? TimeZone { get; init; }
}

/// <summary>
/// Live counts for the navigation. Each count is a bounded COUNT over at most <see cref="Ceiling"/> rows on indexed
/// filters — with a million tickets, "All open: 999+" costs the same as "All open: 12" and no ticket is loaded.
/// </summary>
public sealed class CountQueues(AtendeDb db, ListTickets listTickets, TimeProvider clock)
{
    public const int Ceiling = 1000;
    public const int Shown = Ceiling - 1;

    public async Task<IReadOnlyList<QueueCount>> HandleAsync(CountQueuesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = BuiltInViews.Zone(request.TimeZone);
        var counts = new List<QueueCount>();
        foreach (var view in BuiltInViews.All)
        {
            var (count, more) = await CountAsync(view.Filter(now, zone), caller, ct);
            counts.Add(new QueueCount(view.Key, view.Name, true, null, count, more));
        }

        var saved = await ListSavedViews.Mine(db.SavedViews.VisibleTo(caller), caller)
            .OrderBy(v => v.Name).ThenBy(v => v.Id)
            .Select(v => new { v.Id, v.Name, v.TeamId, v.FilterJson })
            .ToListAsync(ct);
        foreach (var view in saved)
        {
            try
            {
                var (count, more) = await CountAsync(SavedView.Parse(view.FilterJson).ToRequest(null), caller, ct);
                counts.Add(new QueueCount(view.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), view.Name, false, view.TeamId, count, more));
            }
            catch (InvalidRequestException)
            {
                counts.Add(new QueueCount(view.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), view.Name, false, view.TeamId, null, false));
            }
        }
        return counts;
    }

    private async Task<(int Count, bool More)> CountAsync(ListTicketsRequest filter, Caller caller, CancellationToken ct)
    {
        var query = await listTickets.MatchingAsync(filter, caller, ct);
        // SELECT COUNT(*) FROM (... LIMIT 1000): the database stops after the ceiling instead of counting everything.
        var count = await query.Select(t => t.Id).Take(Ceiling).CountAsync(ct);
        return count >= Ceiling ? (Shown, true) : (count, false);
    }
}
