using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>One skill of a team and the members who have it (available ones first).</summary>
public sealed record TeamSkill(string Skill, IReadOnlyList<NamedRef> Agents, int AvailableCount);

/// <summary>What a team can do, from its members' skills: the skills most members share first.</summary>
public sealed record TeamSkills(int TeamId, IReadOnlyList<TeamSkill> Skills, IReadOnlyList<NamedRef> MembersWithoutSkills);

/// <summary>
/// The skills of one or more teams, gathered from their members (any agent). A team has no skills of its own:
/// it can do what its people can, so adding or removing a member, or changing an agent's skills, changes it at once.
/// </summary>
public sealed class ListTeamSkills(AtendeDb db)
{
    public const int MaxTeams = 200;

    public async Task<IReadOnlyList<TeamSkills>> HandleAsync(IReadOnlyCollection<int> teamIds, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        if (teamIds.Count > MaxTeams)
        {
            throw InvalidRequestException.For("teamIds", $"must have at most {MaxTeams} teams.");
        }
        var wanted = teamIds.Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => wanted.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        // Skills are one JSON column per agent, so they are read per member and gathered here, not in SQL.
        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => wanted.Contains(m.TeamId))
            .Select(m => new { m.TeamId, m.Agent.Id, m.Agent.Name, m.Agent.Available, m.Agent.SkillsJson })
            .ToListAsync(ct);

        return wanted.Where(teams.Contains).Select(teamId =>
        {
            var people = members.Where(m => m.TeamId == teamId)
                .Select(m => new { m.Id, m.Name, m.Available, Skills = Agent.ParseSkills(m.SkillsJson) })
                .OrderBy(m => m.Name, StringComparer.CurrentCulture).ThenBy(m => m.Id)
                .ToList();
            var skills = people.SelectMany(p => p.Skills).Distinct()
                .Select(skill =>
                {
                    var holders = people.Where(p => p.Skills.Contains(skill)).OrderByDescending(p => p.Available).ToList();
                    return new TeamSkill(skill, holders.Select(h => new NamedRef(h.Id, h.Name)).ToList(), holders.Count(h => h.Available));
                })
                .OrderByDescending(s => s.Agents.Count).ThenBy(s => s.Skill, StringComparer.Ordinal)
                .ToList();
            var without = people.Where(p => p.Skills.Count == 0).Select(p => new NamedRef(p.Id, p.Name)).ToList();
            return new TeamSkills(teamId, skills, without);
        }).ToList();
    }
}
