using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record AcceptInvitationRequest(string? Token, string? Password);

/// <summary>The invitation link: the customer chooses a password and can sign in. The link works once and expires.</summary>
public sealed class AcceptInvitation(AtendeDb db, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<UserAccount> HandleAsync(AcceptInvitationRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        PortalAccountRules.Validate("password", request.Password, users.Options.Password.RequiredLength, errors);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var spent = await PortalAccountRules.SpendAsync(db, request.Token, AccountTokenPurpose.Invitation, now, ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == spent.CustomerId, ct);
        if (customer is null || customer.AccountId is not null || await users.FindByEmailAsync(customer.Email) is not null)
        {
            throw PortalAccountRules.InvalidToken();
        }
        var account = new UserAccount { UserName = customer.Email, Email = customer.Email, EmailConfirmed = true, Language = customer.Language, CreatedAt = now };
        Agents.CreateAgent.ThrowIfFailed(await users.CreateAsync(account, request.Password!));
        await ConfirmEmail.PlaceAsync(db, customer, ct);
        customer.LinkAccount(account.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return account;
    }
}
