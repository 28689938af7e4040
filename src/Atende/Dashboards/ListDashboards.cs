using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>One entry of the dashboard picker.</summary>
public sealed record DashboardSummary(string Id, string Name, bool BuiltIn, string Sharing, int? TeamId, int? OwnerAgentId, bool CanEdit, bool Home);

/// <summary>GET /dashboards: the built-in dashboards, then the stored ones the caller may see, by name.</summary>
public sealed class ListDashboards(AtendeDb db)
{
    /// <summary>Owners keep at most 30; shared ones add up, so the list is capped rather than paged.</summary>
    public const int Cap = 200;

    public async Task<IReadOnlyList<DashboardSummary>> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var led = await DashboardAccess.LedTeamsAsync(db, caller, ct);
        var home = await GetDashboard.HomeKeyAsync(db, caller, led, ct);
        var list = BuiltInDashboards.All
            .Select(b => new DashboardSummary(b.Key, b.Name, true, DashboardSharing.Everyone.Name(), null, null, false, b.Key == home))
            .ToList();
        var stored = await db.Dashboards.VisibleTo(caller).OrderBy(d => d.Name).ThenBy(d => d.Id).Take(Cap).ToListAsync(ct);
        foreach (var d in stored)
        {
            var id = d.Id.ToString(CultureInfo.InvariantCulture);
            list.Add(new DashboardSummary(id, d.Name, false, d.Sharing.Name(), d.TeamId, d.OwnerAgentId,
                DashboardAccess.CanEdit(d, caller, led), id == home));
        }
        return list;
    }
}
