using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

/// <summary>The signed-in person's own account: who they are and how they want to see things.</summary>
public sealed record MyAccountView(
    int AccountId,
    string Email,
    string Name,
    string Kind,
    int? AgentId,
    int? CustomerId,
    string? Role,
    IReadOnlyList<int> TeamIds,
    int? OrganizationId,
    string Language,
    string TimeZone,
    bool TwoFactorEnabled);

public sealed class GetMyAccount(AtendeDb db)
{
    public async Task<MyAccountView> HandleAsync(Caller caller, CancellationToken ct)
    {
        var accountId = caller.AccountId ?? throw new ForbiddenException("Only a signed-in person has an account.");
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == accountId)
            .Select(u => new { u.Email, u.Language, u.TimeZone, u.TwoFactorEnabled })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("No such account.");
        return new MyAccountView(accountId, account.Email ?? "", caller.Name, caller.IsStaff ? "agent" : "customer",
            caller.AgentId, caller.CustomerId, caller.Role?.ToString().ToLowerInvariant(), caller.TeamIds, caller.OrganizationId,
            account.Language, account.TimeZone, account.TwoFactorEnabled);
    }
}
