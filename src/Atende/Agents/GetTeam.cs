using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>Reads one team with its members (any agent).</summary>
public sealed class GetTeam(AtendeDb db)
{
    public async Task<TeamView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(TeamView.Projection).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Team {id}");
    }
}
