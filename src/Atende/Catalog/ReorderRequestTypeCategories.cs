using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>Every category name, in the new order.</summary>
public sealed record ReorderRequestTypeCategoriesRequest(IReadOnlyList<string?>? Categories);

/// <summary>
/// Puts the catalog's categories in a new order (admins). Categories have no row of their own, so the types are
/// renumbered: the first category's types first (keeping their order inside it), and so on, types without a category
/// last. Anyone who lists types by position and groups them by category (the portal, the admin page) sees the new order.
/// </summary>
public sealed class ReorderRequestTypeCategories(AtendeDb db)
{
    public async Task<Page<RequestTypeView>> HandleAsync(ReorderRequestTypeCategoriesRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        await using var transaction = await db.BeginRequestTypeChangeAsync(ct);
        var types = await db.RequestTypes.Include(t => t.Fields).OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct);
        var existing = types.Where(t => t.Category is not null).Select(t => t.Category!).Distinct().ToList();
        var order = CatalogOrder.Validate("categories", request.Categories, existing);
        var ordered = order.SelectMany(c => types.Where(t => t.Category == c)).Concat(types.Where(t => t.Category is null)).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var type = ordered[i];
            type.Describe(type.Name, type.Description, type.Category, type.Icon, (i + 1) * 10);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Page<RequestTypeView>(ordered.Select(RequestTypeView.Of).ToList(), null);
    }
}
