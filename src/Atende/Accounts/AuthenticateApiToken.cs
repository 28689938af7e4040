using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

/// <summary>Finds the account a bearer token belongs to, if the token is valid now.</summary>
public sealed class AuthenticateApiToken(AtendeDb db, TimeProvider clock)
{
    public async Task<int?> HandleAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsUsableAt(now))
        {
            return null;
        }
        if (token.MarkUsed(now))
        {
            await db.SaveChangesAsync(ct);
        }
        return token.AccountId;
    }
}
