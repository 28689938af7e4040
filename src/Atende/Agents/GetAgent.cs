using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>Reads one agent, active or not (any agent).</summary>
public sealed class GetAgent(AtendeDb db)
{
    public async Task<AgentView> HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        return (await AgentView.ReadAsync(db.Agents.AsNoTracking().Where(a => a.Id == id), ct)).FirstOrDefault()
            ?? throw new NotFoundException($"Agent {id}");
    }
}
