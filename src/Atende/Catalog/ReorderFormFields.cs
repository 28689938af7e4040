using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>Every field key of the form, in the new order.</summary>
public sealed record ReorderFormFieldsRequest(IReadOnlyList<string?>? Keys);

/// <summary>
/// Puts a request type's form fields in a new order (admins) without resending the fields themselves, so a reorder
/// can never change a label or an option by accident. The whole list of keys, like <see cref="ReorderStatuses"/>.
/// </summary>
public sealed class ReorderFormFields(AtendeDb db)
{
    public async Task<RequestTypeView> HandleAsync(string key, ReorderFormFieldsRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        await using var transaction = await db.BeginRequestTypeChangeAsync(ct);
        var type = await db.RequestTypes.Include(t => t.Fields).FirstOrDefaultAsync(t => t.Key == key, ct)
            ?? throw new NotFoundException($"Request type '{key}'");
        type.ReorderFields(CatalogOrder.Validate("keys", request.Keys, type.Fields.Select(f => f.Key).ToList()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RequestTypeView.Of(type);
    }
}
