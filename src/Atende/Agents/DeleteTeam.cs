using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>
/// Deletes a team (admins). Memberships go with it; its tickets stay, with no team (the foreign key sets it to
/// null), which puts them back in the queue every agent sees.
/// </summary>
public sealed class DeleteTeam(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"Team {id}");
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
    }
}
