using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Agents;

/// <summary>
/// Removes an agent (admins) by deactivating them: they can no longer sign in (their tokens stop working on the
/// next request), while tickets, messages and time entries keep their name. Deactivating twice is harmless.
/// </summary>
public sealed class DeactivateAgent(AtendeDb db)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var agent = await db.Agents.Include(a => a.Memberships).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException($"Agent {id}");
        if (!agent.Active)
        {
            return;
        }
        if (agent.Role == AgentRole.Admin && !await db.Agents.AnyAsync(a => a.Id != id && a.Active && a.Role == AgentRole.Admin, ct))
        {
            throw new BusinessRuleException($"{agent.Name} is the last active administrator; make someone else an administrator first.");
        }
        agent.Deactivate();
        await db.SaveChangesAsync(ct);
    }
}
