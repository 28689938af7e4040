using Atende.Accounts;
using Atende.Customers;
using Atende.Tickets;

namespace Atende.Search;

public sealed record SearchResults(string Query, IReadOnlyList<TicketSummary> Tickets, IReadOnlyList<CustomerView> Customers, IReadOnlyList<KnowledgeBase.ArticleHit> Articles);

/// <summary>
/// GET /api/v1/search: tickets and (for staff) customers matching every word, and the best knowledge-base
/// articles the caller may read. Ticket visibility is the ticket list's, reused as is.
/// </summary>
public sealed class SearchEverything(ListTickets listTickets, ListCustomers listCustomers, KnowledgeBase.SearchArticles searchArticles)
{
    public const int Limit = 20;

    public async Task<SearchResults> HandleAsync(string? query, Caller caller, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw InvalidRequestException.For("q", "is required.");
        }
        var tickets = await listTickets.HandleAsync(new ListTicketsRequest { Q = query, Limit = Limit }, caller, ct);
        var customers = caller.IsStaff
            ? (await listCustomers.HandleAsync(new ListCustomersRequest { Q = query, Limit = Limit }, caller, ct)).Items
            : [];
        var articles = await searchArticles.HandleAsync(new KnowledgeBase.SearchArticlesRequest(query, Limit: 5), caller, ct);
        return new SearchResults(query, tickets.Items, customers, articles.Items);
    }
}
