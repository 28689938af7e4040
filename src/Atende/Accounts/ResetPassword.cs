using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record ResetPasswordRequest(string? Token, string? Password);

/// <summary>
/// The reset link: sets a new password. The link works once and expires after an hour; the new security stamp ends
/// the account's other sessions, and the failed sign-ins counted for the email are forgotten.
/// </summary>
public sealed class ResetPassword(AtendeDb db, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<UserAccount> HandleAsync(ResetPasswordRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        PortalAccountRules.Validate("password", request.Password, users.Options.Password.RequiredLength, errors);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var spent = await PortalAccountRules.SpendAsync(db, request.Token, AccountTokenPurpose.ResetPassword, now, ct);
        var account = await users.FindByIdAsync(spent.AccountId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw PortalAccountRules.InvalidToken();
        Agents.CreateAgent.ThrowIfFailed(await users.RemovePasswordAsync(account));
        Agents.CreateAgent.ThrowIfFailed(await users.AddPasswordAsync(account, request.Password!));
        Agents.CreateAgent.ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        await db.SignInThrottles.Where(t => t.Key == account.Email).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return account;
    }
}
