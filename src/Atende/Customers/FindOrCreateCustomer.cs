using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

/// <summary>
/// The customer with this email, or a new one placed in the organization that owns the email's domain.
/// Used wherever a request arrives from someone we may not know yet (API, email, portal).
/// </summary>
public sealed class FindOrCreateCustomer(AtendeDb db, TimeProvider clock)
{
    public async Task<Customer> HandleAsync(string email, string? name, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var customer = await FindOrAddAsync(email, name, ct);
        if (db.Entry(customer).State != EntityState.Added)
        {
            return customer;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return customer;
        }
        catch (DbUpdateException)
        {
            // A concurrent request created the same customer: the unique email index decided, use that row.
            db.Entry(customer).State = EntityState.Detached;
            return await db.Customers.SingleAsync(c => c.Email == email, ct);
        }
    }

    /// <summary>
    /// The same without saving: a new customer is only added to the unit of work, for a caller that
    /// commits it together with what it is for (mail import does, in one transaction) and handles a concurrent insert itself.
    /// </summary>
    public async Task<Customer> FindOrAddAsync(string email, string? name, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var existing = db.Customers.Local.FirstOrDefault(c => c.Email == email)
            ?? await db.Customers.FirstOrDefaultAsync(c => c.Email == email, ct);
        if (existing is not null)
        {
            return existing;
        }
        var domain = email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var organizationId = await db.OrganizationDomains.Where(d => d.Domain == domain).Select(d => (int?)d.OrganizationId).FirstOrDefaultAsync(ct);
        var customer = new Customer(email, string.IsNullOrWhiteSpace(name) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : name.Trim(),
            organizationId, "en", clock.GetUtcNow().UtcDateTime);
        db.Customers.Add(customer);
        return customer;
    }
}
