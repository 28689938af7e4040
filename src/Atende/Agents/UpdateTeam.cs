using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>PATCH: only the properties present change; null clears the description and the members.</summary>
public sealed record UpdateTeamRequest
{
    public Optional<string> Name { get; init; }
    public Optional<string> Description { get; init; }
    public Optional<IReadOnlyList<int>> MemberIds { get; init; }
}

/// <summary>
/// Changes a team (admins). Members are replaced as a whole; a removed member keeps the tickets assigned to them,
/// and stops seeing the team's queue on their next request.
/// </summary>
public sealed class UpdateTeam(AtendeDb db)
{
    public async Task HandleAsync(int id, UpdateTeamRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var team = await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException($"Team {id}");

        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, 100, required: true) : null;
        await CreateTeam.CheckNameAsync(db, name, id, errors, ct);
        var description = request.Description.IsSet ? errors.Text("description", request.Description.Value, 1000) : null;
        var memberIds = request.MemberIds.IsSet ? await CreateTeam.ValidateMembersAsync(db, request.MemberIds.Value, errors, ct) : null;
        errors.ThrowIfAny();

        if (name is not null)
        {
            team.Rename(name);
        }
        if (request.Description.IsSet)
        {
            team.Describe(description);
        }
        if (memberIds is not null)
        {
            team.SetMembers(memberIds);
        }
        await CreateTeam.SaveAsync(db, ct);
    }
}
