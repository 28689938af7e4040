using Atende.Accounts;
using Atende.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>PATCH: only the properties present change; null clears phone, organization and notes.</summary>
public sealed record UpdateCustomerRequest
{
    public Optional<string> Name { get; init; }
    public Optional<string> Email { get; init; }
    public Optional<string> Phone { get; init; }
    public Optional<string> Language { get; init; }
    public Optional<int?> OrganizationId { get; init; }
    public Optional<string> Notes { get; init; }
}

/// <summary>
/// Changes a customer (agents). A customer who can sign in signs in with the new email from then on, and in the
/// new language, because the account is changed in the same save.
/// </summary>
public sealed class UpdateCustomer(AtendeDb db, UserManager<UserAccount> users)
{
    public async Task HandleAsync(int id, UpdateCustomerRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Customer {id}");

        var errors = new ValidationErrors();
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, 200, required: true) : null;
        var email = request.Email.IsSet ? errors.Email("email", request.Email.Value, required: true) : null;
        var phone = request.Phone.IsSet ? errors.Text("phone", request.Phone.Value, 50) : null;
        var notes = request.Notes.IsSet ? TeamNotes.Validate("notes", request.Notes.Value, errors) : null;
        if (request.Language.IsSet && !CreateCustomer.Languages.Contains(request.Language.Value))
        {
            errors.Add("language", "must be 'en' or 'pt-BR'.");
        }
        if (request.OrganizationId is { IsSet: true, Value: { } organizationId } && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            errors.Add("organizationId", "is not an organization.");
        }
        var account = customer.AccountId is { } accountId ? await db.Users.FirstOrDefaultAsync(u => u.Id == accountId, ct) : null;
        if (email is not null && email != customer.Email &&
            (await db.Customers.AnyAsync(c => c.Email == email && c.Id != id, ct) ||
             (account is not null && await users.FindByEmailAsync(email) is { } other && other.Id != account.Id)))
        {
            errors.Add("email", "is already used by another customer or account.");
        }
        errors.ThrowIfAny();

        if (name is not null)
        {
            customer.Rename(name);
        }
        if (email is not null)
        {
            customer.ChangeEmail(email);
        }
        if (request.Phone.IsSet)
        {
            customer.SetPhone(phone);
        }
        if (request.Language.IsSet)
        {
            customer.SetLanguage(request.Language.Value!);
        }
        if (request.OrganizationId.IsSet)
        {
            customer.MoveTo(request.OrganizationId.Value);
        }
        if (request.Notes.IsSet)
        {
            customer.SetNotes(notes);
        }
        if (account is not null)
        {
            if (account.Email != customer.Email)
            {
                account.Email = account.UserName = customer.Email;
                account.NormalizedEmail = users.NormalizeEmail(customer.Email);
                account.NormalizedUserName = users.NormalizeName(customer.Email);
                // Sessions signed in under the old address must not outlive the change.
                account.SecurityStamp = Guid.NewGuid().ToString();
            }
            account.Language = customer.Language;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessRuleException("Another change took the same email at the same moment; reload and try again.");
        }
    }
}
