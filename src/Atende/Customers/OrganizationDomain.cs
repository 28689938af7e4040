namespace Atende.Customers;

/// <summary>One email domain of an organization; a domain belongs to one organization only.</summary>
public sealed class OrganizationDomain
{
    public string Domain { get; set; } = "";
    public int OrganizationId { get; set; }
}
