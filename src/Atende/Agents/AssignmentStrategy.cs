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
