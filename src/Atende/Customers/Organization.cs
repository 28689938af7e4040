namespace Atende.Customers;

/// <summary>A client company. When it shares tickets, its contacts see each other's requests.</summary>
public sealed class Organization
{
    private Organization() { }

    public Organization(string name, DateTime now)
    {
        Name = name;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool SharesTickets { get; private set; }
    /// <summary>Email domains whose senders belong here, so a new requester lands in the right organization.</summary>
    public List<OrganizationDomain> Domains { get; private set; } = [];
    public string? Notes { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void Rename(string name) => Name = name;
    public void ShareTickets(bool shares) => SharesTickets = shares;
    public void SetNotes(string? notes) => Notes = notes;

    public void SetDomains(IEnumerable<string> domains)
    {
        var wanted = domains.Select(d => d.Trim().ToLowerInvariant()).Where(d => d.Length > 0).ToHashSet();
        Domains.RemoveAll(d => !wanted.Contains(d.Domain));
        foreach (var domain in wanted.Where(w => Domains.All(d => d.Domain != w)))
        {
            Domains.Add(new OrganizationDomain { Domain = domain });
        }
    }
}
