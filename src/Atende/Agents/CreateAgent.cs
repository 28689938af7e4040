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
    public async Task<AgentView> HandleAsync(CreateAgentRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, required: true);
        var name = errors.Text("name", request.Name, 200, required: true);
        var skills = new List<string>();
        for (var i = 0; i < (request.Skills?.Count ?? 0); i++)
        {
            if (errors.Text($"skills[{i}]", request.Skills![i], 64, required: true) is { } skill)
            {
                skills.Add(skill);
            }
        }
        var teamIds = (request.TeamIds ?? []).Distinct().ToList();
        var known = await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        foreach (var missing in teamIds.Except(known))
        {
            errors.Add("teamIds", $"{missing} is not a team.");
        }
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
        foreach (var teamId in known)
        {
            agent.Memberships.Add(new TeamMember { TeamId = teamId });
        }
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        return new AgentView(agent.Id, agent.Email, agent.Name, agent.Role, agent.Available, agent.Active, known, agent.Skills, agent.CreatedAt);
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
