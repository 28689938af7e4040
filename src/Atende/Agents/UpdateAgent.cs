using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>PATCH: only the properties present change; null clears teams and skills.</summary>
public sealed record UpdateAgentRequest
{
    public Optional<string> Name { get; init; }
    public Optional<AgentRole?> Role { get; init; }
    public Optional<IReadOnlyList<int>> TeamIds { get; init; }
    public Optional<IReadOnlyList<string>> Skills { get; init; }
    public Optional<bool?> Available { get; init; }
}

/// <summary>
/// Changes an agent (admins). Agents may set their own availability and nothing else, so they can step away
/// from routing without asking. The last active admin cannot be demoted: nobody could administer the desk.
/// </summary>
public sealed class UpdateAgent(AtendeDb db, TimeProvider clock)
{
    public async Task HandleAsync(int id, UpdateAgentRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (!caller.IsAdmin &&
            (caller.AgentId != id || request.Name.IsSet || request.Role.IsSet || request.TeamIds.IsSet || request.Skills.IsSet))
        {
            throw new ForbiddenException("Only administrators can change agents; an agent can only set their own availability.");
        }
        var agent = await db.Agents.Include(a => a.Memberships).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException($"Agent {id}");
        if (!agent.Active)
        {
            throw new BusinessRuleException($"{agent.Name} is deactivated; the record is kept for history and cannot be changed.");
        }

        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, 200, required: true) : null;
        if (request.Role is { IsSet: true, Value: null })
        {
            errors.Add("role", "cannot be empty.");
        }
        var teamIds = request.TeamIds.IsSet ? await CreateAgent.ValidateTeamsAsync(db, request.TeamIds.Value, errors, ct) : null;
        var skills = request.Skills.IsSet ? CreateAgent.ValidateSkills(request.Skills.Value, errors) : null;
        if (request.Available is { IsSet: true, Value: null })
        {
            errors.Add("available", "cannot be empty.");
        }
        errors.ThrowIfAny();

        if (request.Role is { IsSet: true, Value: { } role } && role != agent.Role)
        {
            if (agent.Role == AgentRole.Admin && !await db.Agents.AnyAsync(a => a.Id != id && a.Active && a.Role == AgentRole.Admin, ct))
            {
                throw new BusinessRuleException($"{agent.Name} is the last active administrator; make someone else an administrator first.");
            }
            agent.ChangeRole(role);
        }
        if (name is not null)
        {
            agent.Rename(name);
        }
        if (teamIds is not null)
        {
            agent.SetTeams(teamIds);
        }
        if (skills is not null)
        {
            agent.SetSkills(skills);
        }
        if (request.Available is { IsSet: true, Value: { } available })
        {
            if (agent.Available && !available)
            {
                await ReturnToQueuesAsync(agent, ct);
            }
            agent.SetAvailable(available);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Someone stepping away hands back their open tickets in teams that ask for it: unassigned by the system (so
    /// history says why), each goes back through routing from the outbox, which skips agents who are away.
    /// </summary>
    private async Task ReturnToQueuesAsync(Agent agent, CancellationToken ct)
    {
        var agentId = agent.Id;
        var tickets = await db.Tickets.Include(t => t.Assignee)
            .Where(t => t.AssigneeId == agentId && t.StatusCategory < Catalog.StatusCategory.Resolved && t.MergedIntoId == null &&
                        t.Team != null && t.Team.ReassignWhenAway)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ticket in tickets)
        {
            ticket.AssignTo(null, Caller.System, now);
        }
    }
}
