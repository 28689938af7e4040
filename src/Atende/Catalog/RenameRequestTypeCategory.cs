using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary><c>to</c> null or empty takes the types out of any category.</summary>
public sealed record RenameRequestTypeCategoryRequest(string? From, string? To);

/// <summary>
/// Renames a category of the service catalog: every type in <c>from</c> moves to <c>to</c> (admins). Renaming into an
/// existing category merges the two. A category is the name its types share, so this is the one place to rename it.
/// </summary>
public sealed class RenameRequestTypeCategory(AtendeDb db)
{
    public async Task<Page<RequestTypeView>> HandleAsync(RenameRequestTypeCategoryRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var from = errors.Text("from", request.From, 100, required: true);
        var to = errors.Text("to", request.To, 100);
        errors.ThrowIfAny();

        await using var transaction = await db.BeginRequestTypeChangeAsync(ct);
        var types = await db.RequestTypes.Include(t => t.Fields).OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct);
        var moving = types.Where(t => t.Category == from).ToList();
        if (moving.Count == 0)
        {
            throw new NotFoundException($"Category '{from}'");
        }
        foreach (var type in moving)
        {
            type.Describe(type.Name, type.Description, to, type.Icon, type.Position);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Page<RequestTypeView>(types.Select(RequestTypeView.Of).ToList(), null);
    }
}
