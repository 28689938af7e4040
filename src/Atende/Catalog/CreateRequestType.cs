using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

public sealed record CreateRequestTypeRequest(
    string? Key,
    string? Name,
    string? Description = null,
    string? Category = null,
    string? Icon = null,
    int? Position = null,
    bool? Active = null,
    bool? IsDefault = null,
    IReadOnlyList<FormFieldInput?>? FormFields = null,
    bool? VisibleToCustomers = null,
    int? DefaultTeamId = null,
    Tickets.Priority? DefaultPriority = null);

/// <summary>
/// Adds a kind of request to the service catalog, with its form (admins). Without a position it goes last;
/// the first type ever created becomes the default, since tickets opened without a type need one.
/// </summary>
public sealed class CreateRequestType(AtendeDb db)
{
    public async Task<RequestTypeView> HandleAsync(CreateRequestTypeRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        var key = CatalogKey.Validate("key", request.Key, errors);
        var name = errors.Text("name", request.Name, 100, required: true);
        var description = errors.Text("description", request.Description, 2000);
        var category = errors.Text("category", request.Category, 100);
        var icon = RequestType.ValidateIcon("icon", request.Icon, errors);
        errors.Range("position", request.Position, 0, 1_000_000);
        var fields = FormFieldInput.ToFields("formFields", request.FormFields ?? [], errors);
        errors.ThrowIfAny();

        await using var transaction = await db.BeginRequestTypeChangeAsync(ct);
        var others = await db.RequestTypes.ToListAsync(ct);
        if (others.Any(t => t.Key == key))
        {
            throw InvalidRequestException.For("key", "is already used by another request type.");
        }
        var position = request.Position ?? (others.Count == 0 ? 10 : others.Max(t => t.Position) + 10);
        var type = new RequestType(key!, name!, description, category, icon, position);
        type.ReplaceFields(fields);
        type.OfferToCustomers(request.VisibleToCustomers ?? true);
        await RequestTypeRouting.RequireTeamAsync(db, "defaultTeamId", request.DefaultTeamId, ct);
        type.RouteTo(request.DefaultTeamId, request.DefaultPriority);
        if (request.Active == false)
        {
            type.SetActive(false);
        }
        if (request.IsDefault == true || others.All(t => !t.IsDefault))
        {
            type.BecomeDefault(others);
        }
        db.RequestTypes.Add(type);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RequestTypeView.Of(type);
    }
}
