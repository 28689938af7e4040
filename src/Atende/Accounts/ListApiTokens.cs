using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record ApiTokenView(int Id, string Name, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>The caller's own tokens (never the secrets: only hashes are stored).</summary>
public sealed class ListApiTokens(AtendeDb db)
{
    public async Task<IReadOnlyList<ApiTokenView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var accountId = caller.AccountId ?? throw new ForbiddenException();
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }
}
