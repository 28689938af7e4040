using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record ListTeamsRequest
{
    /// <summary>Start of the name.</summary>
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Teams in id order, one keyset page at a time (any agent). "q" is a prefix match, so it can use the name index.</summary>
public sealed class ListTeams(AtendeDb db)
{
    private const string CursorKind = "teams";

    public async Task<Page<TeamView>> HandleAsync(ListTeamsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = request.Limit ?? ListTickets.DefaultLimit;
        errors.Range("limit", limit, 1, ListTickets.MaxLimit);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = request.Cursor is { Length: > 0 } cursor ? PageCursor.Decode(cursor, CursorKind).Id : 0;

        var query = db.Teams.AsNoTracking().Where(t => t.Id > afterId);
        if (q is not null)
        {
            var folded = q.ToLowerInvariant();
            // Names are compared lowered too: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so without
            // it "ana" found "Ana Souza" on one database only. SQLite's lower() folds ASCII only, so the name as
            // typed is tried as well, keeping "Érica" findable there.
            query = query.Where(t => t.Name.StartsWith(q) || t.Name.ToLower().StartsWith(folded));
        }
        var items = await query.OrderBy(t => t.Id).Take(limit + 1).Select(TeamView.Projection).ToListAsync(ct);
        return Page<TeamView>.FromOverfetch(items, limit, x => new PageCursor(CursorKind, 0, x.Id));
    }
}
