using Atende.Accounts;
using Atende.Agents;
using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

public sealed record CreateCustomerRequest(string? Email, string? Name, int? OrganizationId = null,
    string? Language = null, string? Password = null, string? Phone = null, string? Notes = null);

/// <summary>Adds a customer (agents and admins). With a password the customer can sign in to the portal and API at once.</summary>
public sealed class CreateCustomer(AtendeDb db, UserManager<UserAccount> users, TimeProvider clock)
{
    public static readonly string[] Languages = ["en", "pt-BR"];

    public async Task<CustomerView> HandleAsync(CreateCustomerRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, required: true);
        var name = errors.Text("name", request.Name, 200, required: true);
        var phone = errors.Text("phone", request.Phone, 50);
        var notes = TeamNotes.Validate("notes", request.Notes, errors);
        var language = request.Language ?? "en";
        if (!Languages.Contains(language))
        {
            errors.Add("language", "must be 'en' or 'pt-BR'.");
        }
        string? organizationName = null;
        if (request.OrganizationId is { } orgId)
        {
            organizationName = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (organizationName is null)
            {
                errors.Add("organizationId", "is not an organization.");
            }
        }
        if (email is not null && (await db.Customers.AnyAsync(c => c.Email == email, ct) || (request.Password is not null && await users.FindByEmailAsync(email) is not null)))
        {
            errors.Add("email", "is already used by another customer or account.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var customer = new Customer(email!, name!, request.OrganizationId, language, now);
        customer.SetPhone(phone);
        customer.SetNotes(notes);
        if (request.Password is { } password)
        {
            var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, Language = language, CreatedAt = now };
            CreateAgent.ThrowIfFailed(await users.CreateAsync(account, password));
            customer.LinkAccount(account.Id);
        }
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return new CustomerView(customer.Id, customer.Email, customer.Name, customer.Phone, customer.Language,
            customer.OrganizationId, organizationName, customer.AccountId is not null, customer.Notes, customer.CreatedAt);
    }
}
