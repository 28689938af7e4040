using Atende.Accounts;
using Atende.Persistence;
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
        var limit = Paging.Limit(request.Limit, errors);
        var q = errors.Text("q", request.Q, 200);
        errors.ThrowIfAny();
        var afterId = Paging.AfterId(request.Cursor, CursorKind);

        var query = db.Organizations.AsNoTracking().Where(o => o.Id > afterId);
        if (q is not null)
        {
            query = query.Where(NamePrefix.Matches<Organization>(o => o.Name, q, folded => o => o.Domains.Any(d => d.Domain.StartsWith(folded))));
        }
        var items = await query.OrderBy(o => o.Id).Take(limit + 1).Select(OrganizationView.Projection(db.Customers)).ToListAsync(ct);
        return Page<OrganizationView>.FromOverfetch(items, limit, x => new PageCursor(CursorKind, 0, x.Id));
    }
}
