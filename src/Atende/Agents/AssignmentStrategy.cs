namespace Atende.Agents;

/// <summary>How a team hands out the tickets that reach its queue without an assignee.</summary>
public enum AssignmentStrategy
{
    /// <summary>Nobody is chosen: agents pick tickets from the team queue.</summary>
    Manual,
    /// <summary>Each available member in turn.</summary>
    RoundRobin,
    /// <summary>The available member with the fewest open tickets.</summary>
    LeastOpen,
    /// <summary>Round robin, skipping members already at <c>MaxOpenPerAgent</c>; the ticket waits in the queue when all are.</summary>
    LoadCapped,
}

/// <summary>An available member who could get the ticket: how many open tickets they hold, whether a skill matches.</summary>
public sealed record AssignmentCandidate(int AgentId, int OpenTickets, bool Skilled);

public static class AssignmentStrategies
{
    /// <summary>
    /// The pure choice, separate from the database so every strategy can be tested alone. Members with a matching
    /// skill are preferred when any of them can take the ticket; turns go in agent id order starting after
    /// <paramref name="lastAssignedAgentId"/> (wrapping), which also breaks least-open ties, so equal loads rotate
    /// instead of always favouring the same person. Returns null when nobody may take it.
    /// </summary>
    public static int? Pick(this AssignmentStrategy strategy, IReadOnlyCollection<AssignmentCandidate> candidates, int? lastAssignedAgentId, int? maxOpenPerAgent)
    {
        if (strategy == AssignmentStrategy.Manual)
        {
            return null;
        }
        var eligible = strategy == AssignmentStrategy.LoadCapped && maxOpenPerAgent is { } cap
            ? candidates.Where(c => c.OpenTickets < cap).ToList()
            : candidates.ToList();
        if (eligible.Any(c => c.Skilled))
        {
            eligible = eligible.Where(c => c.Skilled).ToList();
        }
        var last = lastAssignedAgentId ?? int.MinValue;
        var inTurn = eligible.OrderBy(c => c.AgentId <= last).ThenBy(c => c.AgentId).ToList();
        if (inTurn.Count == 0)
        {
            return null;
        }
        return strategy == AssignmentStrategy.LeastOpen
            ? inTurn.MinBy(c => c.OpenTickets)!.AgentId
            : inTurn[0].AgentId;
    }
}
