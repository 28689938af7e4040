using Atende.Accounts;
using Atende.Tickets;

namespace Atende.Views;

/// <summary>A saved view as the API shows it. <c>canEdit</c> tells the UI whether to offer edit and delete.</summary>
public sealed record SavedViewDetails(
    int Id,
    string Name,
    ViewFilter Filter,
    string Sort,
    NamedRef Owner,
    NamedRef? Team,
    bool CanEdit,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>Who sees and who changes a saved view.</summary>
public static class SavedViewAccess
{
    /// <summary>Admins see every view; an agent sees their own and those shared with one of their teams.</summary>
    public static IQueryable<SavedView> VisibleTo(this IQueryable<SavedView> views, Caller caller)
    {
        caller.RequireStaff();
        if (caller.IsAdmin)
        {
            return views;
        }
        var me = caller.AgentId ?? -1;
        var teams = caller.TeamIds.ToList();
        return views.Where(v => v.OwnerAgentId == me || (v.TeamId != null && teams.Contains(v.TeamId.Value)));
    }

    public static bool CanEdit(int ownerAgentId, Caller caller) => caller.IsAdmin || ownerAgentId == caller.AgentId;
}
