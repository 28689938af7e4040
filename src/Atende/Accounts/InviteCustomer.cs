using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

public sealed record InvitationView(int CustomerId, string Email, DateTime ExpiresAt);

/// <summary>
/// An agent invites a known customer to the portal (POST /customers/{id}/invitation, the button on the customer
/// page): a link to choose a password is mailed in the customer's language. Works whatever the sign-up mode.
/// </summary>
public sealed class InviteCustomer(AtendeDb db, UserManager<UserAccount> users, AccountMails mails, TimeProvider clock)
{
    public async Task<InvitationView> HandleAsync(int customerId, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct) ?? throw new NotFoundException("Customer not found.");
        if (customer.AccountId is not null)
        {
            throw new BusinessRuleException("This customer can already sign in.");
        }
        if (await users.FindByEmailAsync(customer.Email) is not null)
        {
            throw new BusinessRuleException("Another account already uses this customer's email.");
        }
        var (token, secret) = AccountToken.Issue(AccountTokenPurpose.Invitation, customer.Email, customer.Language,
            clock.GetUtcNow().UtcDateTime, customerId: customer.Id, name: customer.Name);
        db.AccountTokens.Add(token);
        await mails.QueueAsync(db, AccountMailKind.Invitation, customer.Email, customer.Name, customer.Language, AccountMails.InvitationPath + secret, ct);
        await db.SaveChangesAsync(ct);
        return new InvitationView(customer.Id, customer.Email, token.ExpiresAt);
    }
}
