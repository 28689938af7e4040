namespace Atende.Agents;

public enum AgentRole
{
    Agent = 0,
    Admin = 1,
}
