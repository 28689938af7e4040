using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record ListTeamsRequest
{
    /// <summary>Start of the name.</summary>
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Teams in id order, one keyset page at a time (any agent). "q" matches the start of the name, any case (a scan, fine for a list this size).</summary>
public sealed class ListTeams(AtendeDb db)
{
    private const string CursorKind = "teams";

    public async Task<Page<TeamView>> HandleAsync(ListTeamsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = Paging.AfterId(request.Cursor, CursorKind);

        var query = db.Teams.AsNoTracking().Where(t => t.Id > afterId);
        if (q is not null)
        {
            query = query.Where(NamePrefix.Matches<Team>(t => t.Name, q));
        }
        var items = await query.OrderBy(t => t.Id).Take(limit + 1).Select(TeamView.Projection).ToListAsync(ct);
        return Page<TeamView>.FromOverfetch(items, limit, x => new PageCursor(CursorKind, 0, x.Id));
    }
}
