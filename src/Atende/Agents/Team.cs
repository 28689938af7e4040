namespace Atende.Agents;

/// <summary>A group of agents and the queue of tickets routed to it.</summary>
public sealed class Team
{
    public const int MaxOpenPerAgentLimit = 10_000;
    public const int ReassignAfterMinutesLimit = 7 * 24 * 60;

    private Team() { }

    public Team(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public List<TeamMember> Members { get; private set; } = [];
    /// <summary>Who an escalation notifies (a member or not); null when the team has no lead.</summary>
    public int? LeadAgentId { get; private set; }

    /// <summary>How tickets reaching the queue without an assignee are handed out.</summary>
    public AssignmentStrategy AssignmentStrategy { get; private set; }
    /// <summary>The cap of <see cref="AssignmentStrategy.LoadCapped"/>: open tickets an agent may hold before being skipped.</summary>
    public int? MaxOpenPerAgent { get; private set; }
    /// <summary>Prefer members whose skills match the ticket's tags, request type or requester language.</summary>
    public bool SkillRouting { get; private set; }
    /// <summary>A ticket its assignee has not answered publicly within this many minutes goes to someone else.</summary>
    public int? ReassignAfterMinutes { get; private set; }
    /// <summary>When a member steps away, their open tickets in this team go back through routing.</summary>
    public bool ReassignWhenAway { get; private set; }
    /// <summary>
    /// The round-robin cursor: the member who got the last routed ticket. The next turn goes to the first candidate
    /// after it (by id, wrapping), so turns survive restarts and are shared by every node that routes.
    /// </summary>
    public int? LastAssignedAgentId { get; private set; }

    public void Rename(string name) => Name = name;
    public void Describe(string? description) => Description = description;
    public void SetLead(int? agentId) => LeadAgentId = agentId;

    /// <summary>Changes the routing settings; a load cap without a number would route nothing, so it is refused.</summary>
    public void ConfigureAssignment(AssignmentStrategy strategy, int? maxOpenPerAgent, bool skillRouting, int? reassignAfterMinutes, bool reassignWhenAway)
    {
        if (strategy == AssignmentStrategy.LoadCapped && maxOpenPerAgent is null)
        {
            throw new BusinessRuleException("A load-capped team needs the maximum of open tickets per agent.");
        }
        if (maxOpenPerAgent is < 1 or > MaxOpenPerAgentLimit)
        {
            throw new BusinessRuleException($"The maximum of open tickets per agent must be between 1 and {MaxOpenPerAgentLimit}.");
        }
        if (reassignAfterMinutes is < 1 or > ReassignAfterMinutesLimit)
        {
            throw new BusinessRuleException($"Reassignment must wait between 1 and {ReassignAfterMinutesLimit} minutes.");
        }
        AssignmentStrategy = strategy;
        MaxOpenPerAgent = maxOpenPerAgent;
        SkillRouting = skillRouting;
        ReassignAfterMinutes = reassignAfterMinutes;
        ReassignWhenAway = reassignWhenAway;
    }

    /// <summary>Moves the round-robin cursor past the agent who just got a ticket.</summary>
    public void NoteRoutedTo(int agentId) => LastAssignedAgentId = agentId;

    /// <summary>Replaces the members with exactly these agents.</summary>
    public void SetMembers(IReadOnlyCollection<int> agentIds)
    {
        Members.RemoveAll(m => !agentIds.Contains(m.AgentId));
        foreach (var agentId in agentIds.Where(a => Members.All(m => m.AgentId != a)))
        {
            Members.Add(new TeamMember { AgentId = agentId });
        }
    }
}
