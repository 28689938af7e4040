using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Dashboards;

/// <summary>A widget as read: its settings and its place. Built-in widgets have ids 1, 2... within their dashboard.</summary>
public sealed record WidgetView(
    int Id, int Position, string Title, string Kind, string Report, IReadOnlyList<string> Metrics, string? GroupBy,
    string Period, DateOnly? From, DateOnly? To, int? TeamId, int? OrganizationId, string? Type, string? Priority,
    string? Agent, bool Compare, int Width, string Height)
{
    internal static WidgetView Of(int id, int position, WidgetSettings s) =>
        new(id, position, s.Title, Lower(s.Kind), s.Report, s.Metrics, s.GroupBy, s.Period, s.From, s.To, s.TeamId,
            s.OrganizationId, s.Type, s.Priority, s.Agent, s.Compare, s.Width, Lower(s.Height));

    internal static WidgetView Of(DashboardWidget w) => Of(w.Id, w.Position, w.Settings);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>
/// A dashboard as read. <c>id</c> is a number for stored dashboards and a key (<c>manager</c>, <c>my-work</c>) for the
/// built-in ones. <c>canEdit</c> says whether the caller may change it (shared dashboards are read-only for most).
/// </summary>
public sealed record DashboardDetails(
    string Id, string Name, bool BuiltIn, string Sharing, int? TeamId, int? OwnerAgentId, bool CanEdit, bool Home,
    IReadOnlyList<WidgetView> Widgets);

/// <summary>Who sees and who changes a dashboard — the one place these rules live.</summary>
public static class DashboardAccess
{
    /// <summary>Own dashboards, those shared with everyone and those shared with one of the caller's teams (admins: any team).</summary>
    public static IQueryable<Dashboard> VisibleTo(this IQueryable<Dashboard> dashboards, Caller caller)
    {
        caller.RequireStaff();
        var me = caller.AgentId ?? -1;
        if (caller.IsAdmin)
        {
            return dashboards.Where(d => d.OwnerAgentId == me || d.Sharing != DashboardSharing.Personal);
        }
        var teams = caller.TeamIds.ToList();
        return dashboards.Where(d => d.OwnerAgentId == me || d.Sharing == DashboardSharing.Everyone ||
                                     (d.Sharing == DashboardSharing.Team && d.TeamId != null && teams.Contains(d.TeamId.Value)));
    }

    /// <summary>The teams the caller leads (<c>Team.LeadAgentId</c>): leading a team is what lets an agent share.</summary>
    public static async Task<IReadOnlyList<int>> LedTeamsAsync(AtendeDb db, Caller caller, CancellationToken ct) =>
        caller.AgentId is { } me ? await db.Teams.Where(t => t.LeadAgentId == me).Select(t => t.Id).ToListAsync(ct) : [];

    /// <summary>Personal: the owner. Shared: admins, the owner, and the lead of the team it is shared with.</summary>
    public static bool CanEdit(Dashboard dashboard, Caller caller, IReadOnlyList<int> ledTeams) => dashboard.Sharing switch
    {
        DashboardSharing.Personal => dashboard.OwnerAgentId == caller.AgentId,
        _ => caller.IsAdmin || dashboard.OwnerAgentId == caller.AgentId ||
             (dashboard.TeamId is { } team && ledTeams.Contains(team)),
    };

    /// <summary>Anyone keeps a dashboard personal; a team lead shares with their team or everyone; an admin with anyone.</summary>
    internal static async Task<(DashboardSharing Sharing, int? TeamId)> CheckSharingAsync(AtendeDb db, string? sharing, int? teamId,
        Caller caller, IReadOnlyList<int> ledTeams, ValidationErrors errors, CancellationToken ct)
    {
        var parsed = DashboardSharing.Personal;
        if (!string.IsNullOrEmpty(sharing) && (!Enum.TryParse(sharing, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed) || int.TryParse(sharing, out _)))
        {
            errors.Add("sharing", "must be personal, team or everyone.");
            return (DashboardSharing.Personal, null);
        }
        switch (parsed)
        {
            case DashboardSharing.Team when teamId is not { } team:
                errors.Add("teamId", "is required to share with a team.");
                break;
            case DashboardSharing.Team when !await db.Teams.AnyAsync(t => t.Id == teamId, ct):
                errors.Add("teamId", "is not a team.");
                break;
            case DashboardSharing.Team when !caller.IsAdmin && !ledTeams.Contains(teamId!.Value):
                throw new ForbiddenException("Only administrators and the team's lead can share a dashboard with a team.");
            case DashboardSharing.Everyone when !caller.IsAdmin && ledTeams.Count == 0:
                throw new ForbiddenException("Only administrators and team leads can share a dashboard with everyone.");
        }
        return (parsed, parsed == DashboardSharing.Team ? teamId : null);
    }

    internal static string Name(this DashboardSharing sharing) => sharing.ToString().ToLowerInvariant();

    internal static DashboardDetails Details(Dashboard d, Caller caller, IReadOnlyList<int> ledTeams, bool home) =>
        new(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name, false, d.Sharing.Name(), d.TeamId,
            d.OwnerAgentId, CanEdit(d, caller, ledTeams), home, d.Widgets.OrderBy(w => w.Position).ThenBy(w => w.Id).Select(WidgetView.Of).ToList());
}
