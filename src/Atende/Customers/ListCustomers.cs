using Atende.Accounts;
using Atende.Persistence;
using Atende.Search;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

public sealed record ListCustomersRequest
{
    /// <summary>Words that start words of the name or the email ("ana sou", "acme.example"), any case, any accents.</summary>
    public string? Q { get; init; }
    public int? OrganizationId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// Customers in id order, one keyset page at a time (agents). "q" goes through the full-text index (the same
/// one the global search uses): every word must start a word of the name or email, whatever the case or
/// accents, on both databases, without reading every customer.
/// </summary>
public sealed class ListCustomers(AtendeDb db, ISearchEngine search)
{
    private const string CursorKind = "customers";

    public async Task<Page<CustomerView>> HandleAsync(ListCustomersRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = Paging.Limit(request.Limit, errors);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = Paging.AfterId(request.Cursor, CursorKind);

        var query = db.Customers.AsNoTracking().Where(c => c.Id > afterId);
        if (request.OrganizationId is { } organizationId)
        {
            query = query.Where(c => c.OrganizationId == organizationId);
        }
        if (q is not null)
        {
            var terms = SearchText.Terms(q);
            if (terms.Count == 0)
            {
                query = query.Where(c => false);
            }
            foreach (var term in terms)
            {
                var ids = search.Matching(term)
                    .Where(d => d.Kind == SearchDocumentKind.Customer && d.CustomerId != null)
                    .Select(d => d.CustomerId!.Value);
                query = query.Where(c => ids.Contains(c.Id));
            }
        }
        var items = await query.OrderBy(c => c.Id).Take(limit + 1).Select(CustomerView.Projection).ToListAsync(ct);
        return Page<CustomerView>.FromOverfetch(items, limit, x => new PageCursor(CursorKind, 0, x.Id));
    }
}
