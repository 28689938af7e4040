using Atende.Agents;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

/// <summary>
/// Builds the <see cref="Caller"/> for a signed-in account, fresh from the database on each request,
/// so a team change or a deactivation takes effect at once on every node.
/// </summary>
public sealed class LoadCaller(AtendeDb db)
{
    public async Task<Caller?> HandleAsync(int accountId, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking()
            .Where(a => a.AccountId == accountId)
            .Select(a => new { a.Id, a.Name, a.Role, a.Active, Teams = a.Memberships.Select(m => m.TeamId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (agent is not null)
        {
            return agent.Active ? new Caller(accountId, agent.Id, null, agent.Role, agent.Teams, null, false, agent.Name) : null;
        }
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.AccountId == accountId)
            .Select(c => new { c.Id, c.Name, c.OrganizationId, Shares = c.Organization != null && c.Organization.SharesTickets })
            .FirstOrDefaultAsync(ct);
        return customer is null
            ? null
            : new Caller(accountId, null, customer.Id, null, [], customer.OrganizationId, customer.Shares, customer.Name);
    }

    public static Caller ForAgent(Agent agent, IReadOnlyList<int> teamIds) =>
        new(agent.AccountId, agent.Id, null, agent.Role, teamIds, null, false, agent.Name);
}
