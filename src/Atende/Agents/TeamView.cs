using System.Linq.Expressions;
using Atende.Tickets;

namespace Atende.Agents;

public sealed record TeamView(int Id, string Name, string? Description, IReadOnlyList<NamedRef> Members)
{
    /// <summary>One projection for every read, so a list and a single read never disagree on a field.</summary>
    internal static Expression<Func<Team, TeamView>> Projection { get; } = t => new TeamView(
        t.Id, t.Name, t.Description,
        t.Members.OrderBy(m => m.Agent.Name).ThenBy(m => m.AgentId).Select(m => new NamedRef(m.Agent.Id, m.Agent.Name)).ToList());
}
