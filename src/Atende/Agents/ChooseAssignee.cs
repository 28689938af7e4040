using Atende.Catalog;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>
/// Picks the agent a ticket in a team queue goes to, by the team's strategy (or <c>strategy</c> when a rule names one).
/// Must run inside the caller's transaction, which then assigns and commits: the choice and the assignment are one step.
/// Only active, available members are candidates. The team row is locked first (FOR NO KEY UPDATE on PostgreSQL; SQLite
/// transactions already hold the single write lock), so routers on several nodes take turns: each counts the open
/// tickets and reads the round-robin cursor only after the previous choice committed, which keeps loads even.
/// </summary>
public sealed class ChooseAssignee(AtendeDb db)
{
    /// <summary>The agent to assign, or null (manual team, nobody available, everyone at the cap).</summary>
    public Task<Agent?> HandleAsync(Ticket ticket, AssignmentStrategy? strategy, CancellationToken ct) =>
        ChooseAsync(ticket, strategy, null, ct);

    /// <summary>Someone other than <paramref name="currentAgentId"/> (a ticket left unanswered goes to a colleague).</summary>
    public Task<Agent?> InsteadOfAsync(Ticket ticket, int currentAgentId, CancellationToken ct) =>
        ChooseAsync(ticket, null, currentAgentId, ct);

    private async Task<Agent?> ChooseAsync(Ticket ticket, AssignmentStrategy? strategy, int? exceptAgentId, CancellationToken ct)
    {
        if (ticket.TeamId is not { } teamId)
        {
            return null;
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("ChooseAssignee runs inside the transaction that assigns the ticket; otherwise two routers could both see the same loads.");
        }
        var team = await LockTeamAsync(teamId, ct);
        if (team is null)
        {
            return null;
        }
        var chosenStrategy = strategy ?? team.AssignmentStrategy;
        if (chosenStrategy == AssignmentStrategy.Manual)
        {
            return null;
        }

        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.Agent.Active && m.Agent.Available && m.AgentId != exceptAgentId)
            .Select(m => new { m.AgentId, m.Agent.SkillsJson })
            .ToListAsync(ct);
        if (members.Count == 0)
        {
            return null;
        }
        var ids = members.Select(m => m.AgentId).ToList();
        var ticketId = ticket.Id;
        // Open means not yet resolved, in any team: an agent's load is everything on their plate.
        var open = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && t.StatusCategory < StatusCategory.Resolved && t.Id != ticketId)
            .GroupBy(t => t.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgentId, g => g.Count, ct);
        var wanted = team.SkillRouting ? await SkillsWantedAsync(ticket, ct) : [];
        var candidates = members
            .Select(m => new AssignmentCandidate(
                m.AgentId,
                open.GetValueOrDefault(m.AgentId),
                wanted.Count > 0 && Agent.ParseSkills(m.SkillsJson).Any(wanted.Contains)))
            .ToList();

        if (chosenStrategy.Pick(candidates, team.LastAssignedAgentId, team.MaxOpenPerAgent) is not { } agentId)
        {
            return null;
        }
        team.NoteRoutedTo(agentId);
        return await db.Agents.FirstAsync(a => a.Id == agentId, ct);
    }

    private async Task<Team?> LockTeamAsync(int teamId, CancellationToken ct)
    {
        var tracked = db.Teams.Local.FirstOrDefault(t => t.Id == teamId);
        if (db.IsPostgres)
        {
            // NO KEY UPDATE: routers still queue behind each other, but a ticket being opened into the team (which
            // takes a key-share lock on the team row for its foreign key) is not blocked, nor deadlocked, by routing.
            var locked = await db.Teams.FromSql($"""SELECT * FROM "Teams" WHERE "Id" = {teamId} FOR NO KEY UPDATE""").FirstOrDefaultAsync(ct);
            if (locked is null)
            {
                return null;
            }
        }
        if (tracked is not null)
        {
            // Loaded before the lock: the cursor may have moved since.
            await db.Entry(tracked).ReloadAsync(ct);
            return tracked;
        }
        return await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, ct);
    }

    /// <summary>The ticket's tags, request type key and requester language, lower-cased as skills are stored.</summary>
    private async Task<HashSet<string>> SkillsWantedAsync(Ticket ticket, CancellationToken ct)
    {
        var ticketId = ticket.Id;
        var facts = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId)
            .Select(t => new { TypeKey = t.RequestType.Key, t.Requester.Language })
            .FirstOrDefaultAsync(ct);
        if (facts is null)
        {
            return [];
        }
        // Tags a rule added in this same transaction are not saved yet but count.
        var unsaved = ticket.Tags.Where(t => t.Tag is not null).Select(t => t.Tag.Name);
        return (await TicketTag.NamesOfAsync(db, [ticketId], ct))[ticketId].Concat(unsaved).Append(facts.TypeKey).Append(facts.Language)
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s.Trim().ToLowerInvariant())
            .ToHashSet();
    }
}
