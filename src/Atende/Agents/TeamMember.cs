namespace Atende.Agents;

public sealed class TeamMember
{
    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;
    public int AgentId { get; set; }
    public Agent Agent { get; set; } = null!;
}
