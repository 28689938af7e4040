using System.Linq.Expressions;
using Atende.Tickets;

namespace Atende.Agents;

public sealed record TeamView(
    int Id, string Name, string? Description, IReadOnlyList<NamedRef> Members, int? LeadAgentId, TeamAssignmentView Assignment)
{
    /// <summary>One projection for every read, so a list and a single read never disagree on a field.</summary>
    internal static Expression<Func<Team, TeamView>> Projection { get; } = t => new TeamView(
        t.Id, t.Name, t.Description,
        t.Members.OrderBy(m => m.Agent.Name).ThenBy(m => m.AgentId).Select(m => new NamedRef(m.Agent.Id, m.Agent.Name)).ToList(),
        t.LeadAgentId,
        new TeamAssignmentView(t.AssignmentStrategy, t.MaxOpenPerAgent, t.SkillRouting, t.ReassignAfterMinutes, t.ReassignWhenAway));
}

/// <summary>How the team routes its queue (API.md "assignment").</summary>
public sealed record TeamAssignmentView(
    AssignmentStrategy Strategy, int? MaxOpenPerAgent, bool SkillRouting, int? ReassignAfterMinutes, bool ReassignWhenAway);
