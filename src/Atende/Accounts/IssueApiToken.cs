using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record IssueApiTokenRequest(string? Email, string? Password, string? Name, string? Code = null);

public sealed record IssuedApiToken(string Token, int Id, string Name, DateTime ExpiresAt);

/// <summary>Exchanges email and password for a personal access token (POST /api/v1/auth/tokens).</summary>
public sealed class IssueApiToken(AtendeDb db, CheckCredentials checkCredentials, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public async Task<IssuedApiToken> HandleAsync(IssueApiTokenRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, 100) ?? "API token";
        var account = await checkCredentials.HandleAsync(request.Email, request.Password, request.Code, errors, ct);
        if (!account.TwoFactorEnabled && (await GetSignInPolicy.ReadAsync(db, ct)).RequireTwoFactorForStaff &&
            await db.Agents.AnyAsync(a => a.AccountId == account.Id, ct))
        {
            throw new ForbiddenException("Your administrator requires two-factor authentication for staff: turn it on in the workspace settings first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (token, secret) = ApiToken.Issue(account.Id, name, now, Lifetime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedApiToken(secret, token.Id, token.Name, token.ExpiresAt);
    }
}
