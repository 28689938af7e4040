using System.Text.Json;
using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

public sealed record CreateAgentRequest(string? Email, string? Name, AgentRole? Role = null,
    IReadOnlyList<int>? TeamIds = null, IReadOnlyList<string>? Skills = null, string? Password = null);

/// <summary>
/// Adds a staff member (admins only). With a password the agent can sign in at once; without one the
/// account waits for an invitation (sent by the email channel, a later issue).
/// </summary>
public sealed class CreateAgent(AtendeDb db, UserManager<UserAccount> users, TimeProvider clock)
{
    public const int MaxSkills = 50;

    public async Task<AgentView> HandleAsync(CreateAgentRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, required: true);
        var name = errors.Text("name", request.Name, 200, required: true);
        var skills = ValidateSkills(request.Skills, errors);
        var teamIds = await ValidateTeamsAsync(db, request.TeamIds, errors, ct);
        if (email is not null && (await db.Agents.AnyAsync(a => a.Email == email, ct) || await users.FindByEmailAsync(email) is not null))
        {
            errors.Add("email", "is already used by another account.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = request.Password is not null, CreatedAt = now };
        var result = request.Password is { } password ? await users.CreateAsync(account, password) : await users.CreateAsync(account);
        ThrowIfFailed(result);

        var agent = new Agent(account.Id, email!, name!, request.Role ?? AgentRole.Agent, now);
        agent.SetSkills(skills);
        agent.SetTeams(teamIds);
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        return new AgentView(agent.Id, agent.Email, agent.Name, agent.Role, agent.Available, agent.Active, teamIds.Order().ToList(), agent.Skills, agent.CreatedAt);
    }

    /// <summary>Skills are stored together in one column of limited size, so their number is limited too.</summary>
    internal static List<string> ValidateSkills(IReadOnlyList<string>? skills, ValidationErrors errors)
    {
        var valid = new List<string>();
        if (skills is { Count: > MaxSkills })
        {
            errors.Add("skills", $"must have at most {MaxSkills} skills.");
            return valid;
        }
        for (var i = 0; i < (skills?.Count ?? 0); i++)
        {
            if (errors.Text($"skills[{i}]", skills![i], 64, required: true) is { } skill)
            {
                valid.Add(skill);
            }
        }
        if (JsonSerializer.Serialize(valid).Length > Agent.SkillsJsonMaxLength)
        {
            errors.Add("skills", "are too long together; use fewer or shorter skills.");
        }
        return valid;
    }

    internal static async Task<List<int>> ValidateTeamsAsync(AtendeDb db, IReadOnlyList<int>? teamIds, ValidationErrors errors, CancellationToken ct)
    {
        var wanted = (teamIds ?? []).Distinct().ToList();
        var known = await db.Teams.Where(t => wanted.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        foreach (var missing in wanted.Except(known))
        {
            errors.Add("teamIds", $"{missing} is not a team.");
        }
        return known;
    }

    /// <summary>Identity's password and user-name rules become 400s on the "password" or "email" field.</summary>
    internal static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
        }
        errors.ThrowIfAny();
    }
}
