using System.Text.Json;

namespace Atende.Agents;

/// <summary>A staff member who works tickets.</summary>
public sealed class Agent
{
    public const int SkillsJsonMaxLength = 4000;

    private Agent() { }

    public Agent(int accountId, string email, string name, AgentRole role, DateTime now)
    {
        AccountId = accountId;
        Email = email;
        Name = name;
        Role = role;
        CreatedAt = now;
        Available = true;
        Active = true;
    }

    public int Id { get; private set; }
    public int AccountId { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AgentRole Role { get; private set; }
    public bool Available { get; private set; }
    /// <summary>False once removed: history and tickets keep pointing at the person, who can no longer sign in.</summary>
    public bool Active { get; private set; }
    public string SkillsJson { get; private set; } = "[]";
    public DateTime CreatedAt { get; private set; }
    public List<TeamMember> Memberships { get; private set; } = [];

    public IReadOnlyList<string> Skills => ParseSkills(SkillsJson);

    internal static IReadOnlyList<string> ParseSkills(string skillsJson) => JsonSerializer.Deserialize<List<string>>(skillsJson) ?? [];

    public void Rename(string name) => Name = name;
    public void ChangeRole(AgentRole role) => Role = role;
    public void SetAvailable(bool available) => Available = available;
    public void SetSkills(IEnumerable<string> skills) =>
        SkillsJson = JsonSerializer.Serialize(skills.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order());

    /// <summary>Replaces the agent's teams with exactly these.</summary>
    public void SetTeams(IReadOnlyCollection<int> teamIds)
    {
        Memberships.RemoveAll(m => !teamIds.Contains(m.TeamId));
        foreach (var teamId in teamIds.Where(t => Memberships.All(m => m.TeamId != t)))
        {
            Memberships.Add(new TeamMember { TeamId = teamId });
        }
    }

    /// <summary>
    /// Leaves every team too: a person who no longer works here must not count in a queue or be routed to.
    /// Tickets, messages and time entries keep pointing at them.
    /// </summary>
    public void Deactivate()
    {
        Active = false;
        Available = false;
        Memberships.Clear();
    }
}
