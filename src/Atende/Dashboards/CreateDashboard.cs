using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>
/// POST /dashboards: a name, who it is shared with (personal — the default —, team with teamId, everyone), and
/// optionally copyOf: a dashboard (built-in key or id) whose widgets are copied, to start from the defaults.
/// </summary>
public sealed record CreateDashboardRequest(string? Name, string? Sharing = null, int? TeamId = null, string? CopyOf = null);

/// <summary>Every agent may create personal dashboards; sharing needs an admin or the team's lead.</summary>
public sealed class CreateDashboard(AtendeDb db, TimeProvider clock, GetDashboard get)
{
    public async Task<DashboardDetails> HandleAsync(CreateDashboardRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var me = caller.AgentId ?? throw new ForbiddenException("Only agents can own dashboards.");
        var led = await DashboardAccess.LedTeamsAsync(db, caller, ct);
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, Dashboard.NameMaxLength, required: true);
        var (sharing, teamId) = await DashboardAccess.CheckSharingAsync(db, request.Sharing, request.TeamId, caller, led, errors, ct);
        IReadOnlyList<WidgetSettings> widgets = [];
        if (!string.IsNullOrEmpty(request.CopyOf))
        {
            try
            {
                widgets = BuiltInDashboards.Find(request.CopyOf)?.Widgets
                    ?? (await GetDashboard.FindAsync(db, request.CopyOf, caller, ct)).Widgets.OrderBy(w => w.Position).Select(w => w.Settings).ToList();
            }
            catch (NotFoundException)
            {
                errors.Add("copyOf", "is not a dashboard you can see.");
            }
        }
        errors.ThrowIfAny();
        if (await db.Dashboards.CountAsync(d => d.OwnerAgentId == me, ct) >= Dashboard.MaxPerOwner)
        {
            throw new BusinessRuleException($"An agent can keep at most {Dashboard.MaxPerOwner} dashboards; delete one first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var dashboard = new Dashboard(name!, me, sharing, teamId, now);
        foreach (var widget in widgets)
        {
            dashboard.Add(widget, now);
        }
        db.Dashboards.Add(dashboard);
        await db.SaveChangesAsync(ct);
        return await get.HandleAsync(dashboard.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), caller, ct);
    }
}
