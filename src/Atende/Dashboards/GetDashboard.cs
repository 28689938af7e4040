using System.Globalization;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>
/// GET /dashboards/{id}: a stored dashboard's number, a built-in key, or <c>home</c> — the caller's chosen home, or by
/// default the manager dashboard for admins and team leads and "my work" for everyone else.
/// </summary>
public sealed class GetDashboard(AtendeDb db)
{
    public const string Home = "home";

    public async Task<DashboardDetails> HandleAsync(string id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var led = await DashboardAccess.LedTeamsAsync(db, caller, ct);
        var home = await HomeKeyAsync(db, caller, led, ct);
        var key = id == Home ? home : id;
        if (BuiltInDashboards.Find(key) is { } builtIn)
        {
            return builtIn.Details(key == home);
        }
        var dashboard = await FindAsync(db, key, caller, ct);
        return DashboardAccess.Details(dashboard, caller, led, key == home);
    }

    /// <summary>A visible stored dashboard with its widgets, or 404 (also for somebody else's personal one).</summary>
    internal static async Task<Dashboard> FindAsync(AtendeDb db, string id, Caller caller, CancellationToken ct)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new NotFoundException($"Dashboard '{id}'");
        }
        return await db.Dashboards.VisibleTo(caller).Include(d => d.Widgets).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == number, ct)
            ?? throw new NotFoundException($"Dashboard {number}");
    }

    /// <summary>The caller's home key; a chosen dashboard that was deleted or unshared falls back to the default.</summary>
    internal static async Task<string> HomeKeyAsync(AtendeDb db, Caller caller, IReadOnlyList<int> led, CancellationToken ct)
    {
        var fallback = caller.IsAdmin || led.Count > 0 ? BuiltInDashboards.ManagerKey : BuiltInDashboards.MyWorkKey;
        if (caller.AgentId is not { } me)
        {
            return fallback;
        }
        var chosen = await db.DashboardHomes.Where(h => h.AgentId == me).Select(h => h.DashboardKey).FirstOrDefaultAsync(ct);
        if (chosen is null)
        {
            return fallback;
        }
        if (BuiltInDashboards.Find(chosen) is not null)
        {
            return chosen;
        }
        var id = int.Parse(chosen, CultureInfo.InvariantCulture);
        return await db.Dashboards.VisibleTo(caller).AnyAsync(d => d.Id == id, ct) ? chosen : fallback;
    }
}
