using Atende.Persistence;
using Atende.Portal;
using Microsoft.AspNetCore.Identity;

namespace Atende.Accounts;

public sealed record SignUpCustomerRequest(string? Email, string? Name, string? Password, string? Language);

/// <summary>
/// Open sign-up to the portal (only when the portal allows it). Nothing is created until the mailbox is confirmed:
/// a confirmation link is mailed. The answer is the same whether or not the email already has an account — the
/// owner of that address gets a "you already have an account" mail instead — so the form reveals no accounts.
/// </summary>
public sealed class SignUpCustomer(AtendeDb db, UserManager<UserAccount> users, GetPortalSettings settings, AccountMails mails, TimeProvider clock)
{
    public async Task HandleAsync(SignUpCustomerRequest request, CancellationToken ct)
    {
        if ((await settings.HandleAsync(ct)).SignUpMode != SignUpMode.Open)
        {
            throw new BusinessRuleException("Sign-up is by invitation only: ask the support team for an invitation.");
        }
        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, required: true);
        var name = errors.Text("name", request.Name, 200, required: true);
        PortalAccountRules.Validate("password", request.Password, users.Options.Password.RequiredLength, errors);
        var language = PortalAccountRules.Language(request.Language, errors);
        errors.ThrowIfAny();

        // Hashed whether or not it is needed: the slow hash must not time apart known and unknown emails.
        var hash = users.PasswordHasher.HashPassword(new UserAccount { UserName = email, Email = email }, request.Password!);
        var existing = await users.FindByEmailAsync(email!);
        if (existing is not null)
        {
            await mails.QueueAsync(db, AccountMailKind.AlreadyRegistered, email!, name, existing.Language, AccountMails.ForgotPath, ct);
        }
        else
        {
            var (token, secret) = AccountToken.Issue(AccountTokenPurpose.ConfirmEmail, email!, language, clock.GetUtcNow().UtcDateTime,
                name: name, passwordHash: hash);
            db.AccountTokens.Add(token);
            await mails.QueueAsync(db, AccountMailKind.ConfirmEmail, email!, name, language, AccountMails.ConfirmPath + secret, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
