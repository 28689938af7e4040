using Atende.Persistence;
using Atende.Tickets;

namespace Atende.Agents;

/// <summary>
/// Picks the agent a ticket in a team queue goes to, by the team's strategy (or <c>strategy</c> when a rule names one).
/// Must run inside the caller's transaction, which then assigns and commits: the choice and the assignment are one step.
/// </summary>
public sealed class ChooseAssignee(AtendeDb db)
{
    /// <summary>The agent to assign, or null (manual team, nobody available, everyone at the cap).</summary>
    public Task<Agent?> HandleAsync(Ticket ticket, AssignmentStrategy? strategy, CancellationToken ct)
    {
        // Contract placeholder: the routing work replaces this body before it lands.
        _ = (db, ticket, strategy, ct);
        return Task.FromResult<Agent?>(null);
    }
}
