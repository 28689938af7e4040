using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Search;

public sealed record CustomerHit(int Id, string Name, string Email, int? OrganizationId);

public sealed record SearchResults(string Query, IReadOnlyList<TicketSummary> Tickets, IReadOnlyList<CustomerHit> Customers);

/// <summary>
/// GET /api/v1/search: tickets and (for staff) customers matching every word. Knowledge-base articles join
/// when the knowledge base exists (a later issue). Ticket visibility is the ticket list's, reused as is.
/// </summary>
public sealed class SearchEverything(AtendeDb db, ISearchEngine search, ListTickets listTickets)
{
    public const int Limit = 20;

    public async Task<SearchResults> HandleAsync(string? query, Caller caller, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw InvalidRequestException.For("q", "is required.");
        }
        var tickets = await listTickets.HandleAsync(new ListTicketsRequest { Q = query, Limit = Limit }, caller, ct);
        IReadOnlyList<CustomerHit> customers = [];
        var terms = SearchText.Terms(query);
        if (caller.IsStaff && terms.Count > 0)
        {
            var matching = db.Customers.AsNoTracking();
            foreach (var term in terms)
            {
                var ids = search.Matching(term).Where(d => d.Kind == SearchDocumentKind.Customer && d.CustomerId != null).Select(d => d.CustomerId!.Value);
                matching = matching.Where(c => ids.Contains(c.Id));
            }
            customers = await matching.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(Limit)
                .Select(c => new CustomerHit(c.Id, c.Name, c.Email, c.OrganizationId))
                .ToListAsync(ct);
        }
        return new SearchResults(query, tickets.Items, customers);
    }
}
