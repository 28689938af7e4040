using System.Text.Json;

namespace Atende.Agents;

/// <summary>A staff member who works tickets.</summary>
public sealed class Agent
{
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

    public IReadOnlyList<string> Skills => JsonSerializer.Deserialize<List<string>>(SkillsJson) ?? [];

    public void Rename(string name) => Name = name;
    public void ChangeRole(AgentRole role) => Role = role;
    public void SetAvailable(bool available) => Available = available;
    public void SetSkills(IEnumerable<string> skills) =>
        SkillsJson = JsonSerializer.Serialize(skills.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order());

    public void Deactivate()
    {
        Active = false;
        Available = false;
    }
}
