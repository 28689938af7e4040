using Atende.Customers;
using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Accounts;

/// <summary>
/// The confirmation link of an open sign-up: creates the account with the password typed at sign-up and links it to
/// the customer with that email (created now if unknown, placed in the organization that owns the email's domain).
/// The link works once and expires.
/// </summary>
public sealed class ConfirmEmail(AtendeDb db, UserManager<UserAccount> users, FindOrCreateCustomer customers, TimeProvider clock)
{
    public async Task<UserAccount> HandleAsync(string? token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var spent = await PortalAccountRules.SpendAsync(db, token, AccountTokenPurpose.ConfirmEmail, now, ct);
        if (await users.FindByEmailAsync(spent.Email) is not null)
        {
            // Confirmed already through another sign-up link of the same address.
            throw PortalAccountRules.InvalidToken();
        }
        var account = new UserAccount
        {
            UserName = spent.Email, Email = spent.Email, EmailConfirmed = true, Language = spent.Language, CreatedAt = now,
            PasswordHash = spent.PasswordHash,
        };
        Agents.CreateAgent.ThrowIfFailed(await users.CreateAsync(account));
        var customer = await customers.HandleAsync(spent.Email, spent.Name, ct);
        await PlaceAsync(db, customer, ct);
        customer.SetLanguage(spent.Language);
        customer.LinkAccount(account.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return account;
    }

    /// <summary>A customer without an organization joins the one that owns their email's domain, if any.</summary>
    internal static async Task PlaceAsync(AtendeDb db, Customer customer, CancellationToken ct)
    {
        if (customer.OrganizationId is not null)
        {
            return;
        }
        var domain = customer.Email[(customer.Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var organizationId = await db.OrganizationDomains.Where(d => d.Domain == domain).Select(d => (int?)d.OrganizationId).FirstOrDefaultAsync(ct);
        customer.MoveTo(organizationId);
    }
}
