using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Views;

/// <summary>Reads one saved view the caller may see (404 otherwise).</summary>
public sealed class GetSavedView(AtendeDb db)
{
    public async Task<SavedViewDetails> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        var views = await ProjectAsync(db, db.SavedViews.VisibleTo(caller).Where(v => v.Id == id), caller, ct);
        return views.FirstOrDefault() ?? throw new NotFoundException($"View {id}");
    }

    internal static async Task<List<SavedViewDetails>> ProjectAsync(AtendeDb db, IQueryable<SavedView> views, Caller caller, CancellationToken ct)
    {
        var rows = await views.Select(v => new
        {
            v.Id, v.Name, v.FilterJson, v.Sort, v.OwnerAgentId, v.TeamId, v.CreatedAt, v.UpdatedAt,
            OwnerName = db.Agents.Where(a => a.Id == v.OwnerAgentId).Select(a => a.Name).FirstOrDefault(),
            TeamName = db.Teams.Where(t => t.Id == v.TeamId).Select(t => t.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new SavedViewDetails(
                r.Id, r.Name, SavedView.Parse(r.FilterJson), r.Sort,
                new NamedRef(r.OwnerAgentId, r.OwnerName ?? ""),
                r.TeamId is { } teamId ? new NamedRef(teamId, r.TeamName ?? "") : null,
                SavedViewAccess.CanEdit(r.OwnerAgentId, caller), r.CreatedAt, r.UpdatedAt))
            .ToList();
    }
}
