using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Customers;

public sealed record ListOrganizationsRequest
{
    /// <summary>Start of the name or of one of its domains.</summary>
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Organizations in id order, one keyset page at a time (agents). "q" matches the start of the name, any case (a scan, fine for a list this size).</summary>
public sealed class ListOrganizations(AtendeDb db)
{
    private const string CursorKind = "organizations";

    public async Task<Page<OrganizationView>> HandleAsync(ListOrganizationsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var errors = new ValidationErrors();
        var limit = request.Limit ?? ListTickets.DefaultLimit;
        errors.Range("limit", limit, 1, ListTickets.MaxLimit);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = request.Cursor is { Length: > 0 } cursor ? PageCursor.Decode(cursor, CursorKind).Id : 0;

        var query = db.Organizations.AsNoTracking().Where(o => o.Id > afterId);
        if (q is not null)
        {
            // Domains are stored in lower case.
            var folded = q.ToLowerInvariant();
            // Names are compared lowered too: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so without
            // it "ana" found "Ana Souza" on one database only. SQLite's lower() folds ASCII only, so the name as
            // typed is tried as well, keeping "Érica" findable there.
            query = query.Where(o => o.Name.StartsWith(q) || o.Name.ToLower().StartsWith(folded) || o.Domains.Any(d => d.Domain.StartsWith(folded)));
        }
        var items = await query.OrderBy(o => o.Id).Take(limit + 1).Select(OrganizationView.Projection(db.Customers)).ToListAsync(ct);
        return Page<OrganizationView>.FromOverfetch(items, limit, x => new PageCursor(CursorKind, 0, x.Id));
    }
}
