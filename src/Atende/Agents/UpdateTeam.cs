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
    /// <summary>Who escalations notify; null removes the lead.</summary>
    public Optional<int?> LeadAgentId { get; init; }
    /// <summary>Routing settings; only the properties present change.</summary>
    public TeamAssignmentPatch? Assignment { get; init; }
}

/// <summary>The <c>assignment</c> object of a team PATCH.</summary>
public sealed record TeamAssignmentPatch
{
    public Optional<AssignmentStrategy?> Strategy { get; init; }
    public Optional<int?> MaxOpenPerAgent { get; init; }
    public Optional<bool?> SkillRouting { get; init; }
    public Optional<int?> ReassignAfterMinutes { get; init; }
    public Optional<bool?> ReassignWhenAway { get; init; }
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
        if (request.LeadAgentId is { IsSet: true, Value: { } leadId } && !await db.Agents.AnyAsync(a => a.Id == leadId && a.Active, ct))
        {
            errors.Add("leadAgentId", $"{leadId} is not an active agent.");
        }
        var assignment = request.Assignment is { } patch ? ValidateAssignment(team, patch, errors) : null;
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
        if (request.LeadAgentId.IsSet)
        {
            team.SetLead(request.LeadAgentId.Value);
        }
        if (assignment is { } a)
        {
            team.ConfigureAssignment(a.Strategy, a.MaxOpenPerAgent, a.SkillRouting, a.ReassignAfterMinutes, a.ReassignWhenAway);
        }
        await CreateTeam.SaveAsync(db, ct);
    }

    /// <summary>The team's settings with the patch applied, every broken value placed under <c>assignment.*</c>.</summary>
    private static TeamAssignmentView ValidateAssignment(Team team, TeamAssignmentPatch patch, ValidationErrors errors)
    {
        if (patch.Strategy is { IsSet: true, Value: null })
        {
            errors.Add("assignment.strategy", "cannot be empty.");
        }
        if (patch.SkillRouting is { IsSet: true, Value: null })
        {
            errors.Add("assignment.skillRouting", "cannot be empty.");
        }
        if (patch.ReassignWhenAway is { IsSet: true, Value: null })
        {
            errors.Add("assignment.reassignWhenAway", "cannot be empty.");
        }
        var result = new TeamAssignmentView(
            patch.Strategy is { IsSet: true, Value: { } strategy } ? strategy : team.AssignmentStrategy,
            patch.MaxOpenPerAgent.IsSet ? patch.MaxOpenPerAgent.Value : team.MaxOpenPerAgent,
            patch.SkillRouting is { IsSet: true, Value: { } skills } ? skills : team.SkillRouting,
            patch.ReassignAfterMinutes.IsSet ? patch.ReassignAfterMinutes.Value : team.ReassignAfterMinutes,
            patch.ReassignWhenAway is { IsSet: true, Value: { } away } ? away : team.ReassignWhenAway);
        if (result.MaxOpenPerAgent is < 1 or > Team.MaxOpenPerAgentLimit)
        {
            errors.Add("assignment.maxOpenPerAgent", $"must be between 1 and {Team.MaxOpenPerAgentLimit}.");
        }
        else if (result.Strategy == AssignmentStrategy.LoadCapped && result.MaxOpenPerAgent is null)
        {
            errors.Add("assignment.maxOpenPerAgent", "is required when the strategy is loadCapped.");
        }
        if (result.ReassignAfterMinutes is < 1 or > Team.ReassignAfterMinutesLimit)
        {
            errors.Add("assignment.reassignAfterMinutes", $"must be between 1 and {Team.ReassignAfterMinutesLimit} minutes.");
        }
        return result;
    }
}
