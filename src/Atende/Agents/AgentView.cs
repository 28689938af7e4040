using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record AgentView(int Id, string Email, string Name, AgentRole Role, bool Available, bool Active,
    IReadOnlyList<int> TeamIds, IReadOnlyList<string> Skills, DateTime CreatedAt)
{
    /// <summary>One projection for every read. Skills are one JSON column, parsed after the query because SQL cannot.</summary>
    internal static async Task<List<AgentView>> ReadAsync(IQueryable<Agent> agents, CancellationToken ct)
    {
        var rows = await agents.Select(a => new
        {
            a.Id, a.Email, a.Name, a.Role, a.Available, a.Active, a.SkillsJson, a.CreatedAt,
            TeamIds = a.Memberships.OrderBy(m => m.TeamId).Select(m => m.TeamId).ToList(),
        }).ToListAsync(ct);
        return rows.Select(r => new AgentView(r.Id, r.Email, r.Name, r.Role, r.Available, r.Active, r.TeamIds, Agent.ParseSkills(r.SkillsJson), r.CreatedAt))
            .ToList();
    }
}
