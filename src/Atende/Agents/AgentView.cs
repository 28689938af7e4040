namespace Atende.Agents;

public sealed record AgentView(int Id, string Email, string Name, AgentRole Role, bool Available, bool Active,
    IReadOnlyList<int> TeamIds, IReadOnlyList<string> Skills, DateTime CreatedAt);
