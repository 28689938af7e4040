using System.Linq.Expressions;

namespace Atende.Customers;

public sealed record OrganizationView(int Id, string Name, bool SharesTickets, IReadOnlyList<string> Domains, string? Notes,
    DateTime CreatedAt, int CustomerCount)
{
    /// <summary>The notes as sanitized HTML, the way message bodies come with their bodyHtml.</summary>
    public string? NotesHtml => TeamNotes.ToHtml(Notes);

    /// <summary>Customers point at their organization, not the other way round, so the count needs the customers table.</summary>
    internal static Expression<Func<Organization, OrganizationView>> Projection(IQueryable<Customer> customers) => o => new OrganizationView(
        o.Id, o.Name, o.SharesTickets, o.Domains.OrderBy(d => d.Domain).Select(d => d.Domain).ToList(), o.Notes, o.CreatedAt,
        customers.Count(c => c.OrganizationId == o.Id));
}
