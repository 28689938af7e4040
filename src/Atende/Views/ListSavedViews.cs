using Atende.Accounts;
using Atende.Persistence;

namespace Atende.Views;

/// <summary>GET /views. <c>mine=true</c> keeps the caller's own and their teams' shared views (what the navigation shows, also for admins).</summary>
public sealed record ListSavedViewsRequest
{
    public bool? Mine { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Lists the saved views the caller may see, by id.</summary>
public sealed class ListSavedViews(AtendeDb db)
{
    private const string CursorKind = "views";

    public async Task<Page<SavedViewDetails>> HandleAsync(ListSavedViewsRequest request, Caller caller, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        errors.ThrowIfAny();
        var after = Paging.AfterId(request.Cursor, CursorKind);
        var views = db.SavedViews.VisibleTo(caller);
        if (request.Mine == true)
        {
            views = Mine(views, caller);
        }
        var rows = await GetSavedView.ProjectAsync(db, views.Where(v => v.Id > after).OrderBy(v => v.Id).Take(limit + 1), caller, ct);
        return Page<SavedViewDetails>.FromOverfetch(rows, limit, last => new PageCursor(CursorKind, 0, last.Id));
    }

    internal static IQueryable<SavedView> Mine(IQueryable<SavedView> views, Caller caller)
    {
        var me = caller.AgentId ?? -1;
        var teams = caller.TeamIds.ToList();
        return views.Where(v => v.OwnerAgentId == me || (v.TeamId != null && teams.Contains(v.TeamId.Value)));
    }
}
