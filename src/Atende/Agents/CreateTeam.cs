using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record CreateTeamRequest(string? Name, string? Description = null, IReadOnlyList<int>? MemberIds = null);

/// <summary>Adds a team (admins).</summary>
public sealed class CreateTeam(AtendeDb db)
{
    public async Task<TeamView> HandleAsync(CreateTeamRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, 100, required: true);
        await CheckNameAsync(db, name, null, errors, ct);
        var description = errors.Text("description", request.Description, 1000);
        var memberIds = await ValidateMembersAsync(db, request.MemberIds, errors, ct);
        errors.ThrowIfAny();

        var team = new Team(name!, description);
        team.SetMembers(memberIds);
        db.Teams.Add(team);
        await SaveAsync(db, ct);
        return await db.Teams.AsNoTracking().Where(t => t.Id == team.Id).Select(TeamView.Projection).SingleAsync(ct);
    }

    internal static async Task CheckNameAsync(AtendeDb db, string? name, int? teamId, ValidationErrors errors, CancellationToken ct)
    {
        if (name is not null && await db.Teams.AnyAsync(t => t.Name == name && t.Id != teamId, ct))
        {
            errors.Add("name", "is already used by another team.");
        }
    }

    /// <summary>Only active agents join a team: a deactivated one would count in the queue and could be routed to.</summary>
    internal static async Task<List<int>> ValidateMembersAsync(AtendeDb db, IReadOnlyList<int>? memberIds, ValidationErrors errors, CancellationToken ct)
    {
        var wanted = (memberIds ?? []).Distinct().ToList();
        var known = await db.Agents.Where(a => wanted.Contains(a.Id) && a.Active).Select(a => a.Id).ToListAsync(ct);
        foreach (var missing in wanted.Except(known))
        {
            errors.Add("memberIds", $"{missing} is not an active agent.");
        }
        return known;
    }

    /// <summary>The name check runs before saving; a concurrent request can still win the unique name.</summary>
    internal static async Task SaveAsync(AtendeDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessRuleException("Another change took the same team name at the same moment; reload and try again.");
        }
    }
}
