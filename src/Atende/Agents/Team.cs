namespace Atende.Agents;

/// <summary>A group of agents and the queue of tickets routed to it.</summary>
public sealed class Team
{
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

    public void Rename(string name) => Name = name;
    public void Describe(string? description) => Description = description;
    public void SetLead(int? agentId) => LeadAgentId = agentId;

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
