namespace Atende.Customers;

/// <summary>A person who asks for help: a contact of an <see cref="Organization"/>, or on their own.</summary>
public sealed class Customer
{
    private Customer() { }

    public Customer(string email, string name, int? organizationId, string language, DateTime now)
    {
        Email = email;
        Name = name;
        OrganizationId = organizationId;
        Language = language;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string Language { get; private set; } = "en";
    public int? OrganizationId { get; private set; }
    public Organization? Organization { get; private set; }
    /// <summary>Null until the customer can sign in (portal, API).</summary>
    public int? AccountId { get; private set; }
    public string? Notes { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>
    /// Since when mail to this address bounces (a bounce of our own mail named it); null while it is deliverable. Outbound
    /// mail skips such an address; the next mail the customer sends us clears it, proving it works again.
    /// </summary>
    public DateTime? EmailBouncingSince { get; private set; }

    public void Rename(string name) => Name = name;
    public void ChangeEmail(string email) => Email = email;
    public void SetPhone(string? phone) => Phone = phone;
    public void SetLanguage(string language) => Language = language;
    public void MoveTo(int? organizationId) => OrganizationId = organizationId;
    public void SetNotes(string? notes) => Notes = notes;

    /// <summary>Marks the address as bouncing; a later bounce keeps the first date.</summary>
    public void MarkEmailBouncing(DateTime now) => EmailBouncingSince ??= now;

    public void ClearEmailBouncing() => EmailBouncingSince = null;

    public void LinkAccount(int accountId)
    {
        if (AccountId is not null && AccountId != accountId)
        {
            throw new BusinessRuleException("This customer already has a sign-in account.");
        }
        AccountId = accountId;
    }
}
