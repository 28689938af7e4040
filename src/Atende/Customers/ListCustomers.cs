using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

public sealed record ListCustomersRequest
{
    /// <summary>Start of the name or the email.</summary>
    public string? Q { get; init; }
    public int? OrganizationId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// Customers in id order, one keyset page at a time (agents). "q" matches the start of the name or email only:
/// a prefix can use an index, a "contains" would read every customer.
/// </summary>
public sealed class ListCustomers(AtendeDb db)
{
    private const string CursorKind = "customers";

    public async Task<Page<CustomerView>> HandleAsync(ListCustomersRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = request.Limit ?? ListTickets.DefaultLimit;
        errors.Range("limit", limit, 1, ListTickets.MaxLimit);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = request.Cursor is { Length: > 0 } cursor ? TicketCursor.Decode(cursor, CursorKind).Id : 0;

        var query = db.Customers.AsNoTracking().Where(c => c.Id > afterId);
        if (request.OrganizationId is { } organizationId)
        {
            query = query.Where(c => c.OrganizationId == organizationId);
        }
        if (q is not null)
        {
            // Emails are stored in lower case.
            var folded = q.ToLowerInvariant();
            // Names are compared lowered too: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so without
            // it "ana" found "Ana Souza" on one database only. SQLite's lower() folds ASCII only, so the name as
            // typed is tried as well, keeping "Érica" findable there.
            query = query.Where(c => c.Name.StartsWith(q) || c.Name.ToLower().StartsWith(folded) || c.Email.StartsWith(folded));
        }
        var items = await query.OrderBy(c => c.Id).Take(limit + 1).Select(CustomerView.Projection).ToListAsync(ct);
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = new TicketCursor(CursorKind, 0, items[^1].Id).Encode();
        }
        return new Page<CustomerView>(items, next);
    }
}
