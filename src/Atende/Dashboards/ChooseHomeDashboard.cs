using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>PUT /dashboards/home: <c>{ "dashboard": "my-work" }</c> — a built-in key or the id of a visible dashboard.</summary>
public sealed record ChooseHomeDashboardRequest(string? Dashboard);

/// <summary>Sets the dashboard an agent lands on. Each agent chooses for themselves only.</summary>
public sealed class ChooseHomeDashboard(AtendeDb db, GetDashboard get)
{
    public async Task<DashboardDetails> HandleAsync(ChooseHomeDashboardRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var me = caller.AgentId ?? throw new ForbiddenException("Only agents have a home dashboard.");
        var key = request.Dashboard ?? "";
        if (BuiltInDashboards.Find(key) is null)
        {
            try
            {
                key = (await GetDashboard.FindAsync(db, key, caller, ct)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (NotFoundException)
            {
                throw InvalidRequestException.For("dashboard", "must be a built-in key (manager, my-work) or the id of a dashboard you can see.");
            }
        }
        var home = await db.DashboardHomes.FirstOrDefaultAsync(h => h.AgentId == me, ct);
        if (home is null)
        {
            db.DashboardHomes.Add(new DashboardHome(me, key));
        }
        else
        {
            home.Choose(key);
        }
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(key, caller, ct);
    }
}
