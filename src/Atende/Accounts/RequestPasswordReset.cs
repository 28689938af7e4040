using Atende.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

public sealed record RequestPasswordResetRequest(string? Email);

/// <summary>
/// "Forgot password": mails a reset link when the email has an account that may sign in. The answer is the same
/// when it has none, so the form reveals no accounts.
/// </summary>
public sealed class RequestPasswordReset(AtendeDb db, UserManager<UserAccount> users, LoadCaller loadCaller, AccountMails mails, TimeProvider clock)
{
    public async Task HandleAsync(RequestPasswordResetRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, required: true);
        errors.ThrowIfAny();

        var account = await users.FindByEmailAsync(email!);
        if (account is null || await loadCaller.HandleAsync(account.Id, ct) is null)
        {
            return;
        }
        var (token, secret) = AccountToken.Issue(AccountTokenPurpose.ResetPassword, email!, account.Language, clock.GetUtcNow().UtcDateTime,
            accountId: account.Id);
        db.AccountTokens.Add(token);
        await mails.QueueAsync(db, AccountMailKind.ResetPassword, email!, null, account.Language, AccountMails.ResetPath + secret, ct);
        await db.SaveChangesAsync(ct);
    }
}
