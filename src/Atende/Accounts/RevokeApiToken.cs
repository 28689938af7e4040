using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed class RevokeApiToken(AtendeDb db, TimeProvider clock)
{
    public async Task HandleAsync(int id, Caller caller, CancellationToken ct)
    {
        var accountId = caller.AccountId ?? throw new ForbiddenException();
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.AccountId == accountId, ct)
            ?? throw new NotFoundException($"Token {id}");
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
