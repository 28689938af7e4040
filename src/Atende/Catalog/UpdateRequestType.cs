using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Catalog;

/// <summary>
/// PATCH: only the properties present change; null clears the optional texts. <c>formFields</c>, when present,
/// is the whole new form (null or [] removes every field). The key is fixed at creation.
/// </summary>
public sealed record UpdateRequestTypeRequest
{
    public Optional<string> Key { get; init; }
    public Optional<string> Name { get; init; }
    public Optional<string> Description { get; init; }
    public Optional<string> Category { get; init; }
    public Optional<string> Icon { get; init; }
    public Optional<int?> Position { get; init; }
    public Optional<bool?> Active { get; init; }
    public Optional<bool?> IsDefault { get; init; }
    public Optional<IReadOnlyList<FormFieldInput?>> FormFields { get; init; }
    public Optional<bool?> VisibleToCustomers { get; init; }
    /// <summary>null clears it: new tickets of the type then get no team unless their creator names one.</summary>
    public Optional<int?> DefaultTeamId { get; init; }
    /// <summary>null clears it: new tickets of the type then get Normal unless their creator names one.</summary>
    public Optional<Tickets.Priority?> DefaultPriority { get; init; }
}

/// <summary>
/// Changes a request type and its form (admins). Tickets keep the values they already hold; the new form
/// applies from the next time a ticket's fields are written.
/// </summary>
public sealed class UpdateRequestType(AtendeDb db)
{
    public async Task<RequestTypeView> HandleAsync(string key, UpdateRequestTypeRequest request, Caller caller, CancellationToken ct)
    {
        caller.RequireAdmin();
        var errors = new ValidationErrors();
        CatalogKey.RefuseChange("key", request.Key, key, errors);
        var name = request.Name.IsSet ? errors.Text("name", request.Name.Value, 100, required: true) : null;
        var description = errors.Text("description", request.Description.Value, 2000);
        var category = errors.Text("category", request.Category.Value, 100);
        var icon = RequestType.ValidateIcon("icon", request.Icon.Value, errors);
        if (request.Position is { IsSet: true, Value: null })
        {
            errors.Add("position", "cannot be empty.");
        }
        errors.Range("position", request.Position.Value, 0, 1_000_000);
        if (request.Active is { IsSet: true, Value: null })
        {
            errors.Add("active", "cannot be empty.");
        }
        if (request.IsDefault is { IsSet: true, Value: null })
        {
            errors.Add("isDefault", "cannot be empty.");
        }
        if (request.VisibleToCustomers is { IsSet: true, Value: null })
        {
            errors.Add("visibleToCustomers", "cannot be empty.");
        }
        var fields = request.FormFields.IsSet ? FormFieldInput.ToFields("formFields", request.FormFields.Value ?? [], errors) : null;
        errors.ThrowIfAny();

        await using var transaction = await db.BeginRequestTypeChangeAsync(ct);
        var type = await db.RequestTypes.Include(t => t.Fields).FirstOrDefaultAsync(t => t.Key == key, ct)
            ?? throw new NotFoundException($"Request type '{key}'");
        if (request.Name.IsSet || request.Description.IsSet || request.Category.IsSet || request.Icon.IsSet || request.Position.IsSet)
        {
            type.Describe(
                name ?? type.Name,
                request.Description.IsSet ? description : type.Description,
                request.Category.IsSet ? category : type.Category,
                request.Icon.IsSet ? icon : type.Icon,
                request.Position.Value ?? type.Position);
        }
        if (fields is not null)
        {
            type.ReplaceFields(fields);
        }
        if (request.VisibleToCustomers.Value is { } visible)
        {
            type.OfferToCustomers(visible);
        }
        if (request.DefaultTeamId.IsSet || request.DefaultPriority.IsSet)
        {
            if (request.DefaultTeamId.IsSet)
            {
                await RequestTypeRouting.RequireTeamAsync(db, "defaultTeamId", request.DefaultTeamId.Value, ct);
            }
            type.RouteTo(
                request.DefaultTeamId.IsSet ? request.DefaultTeamId.Value : type.DefaultTeamId,
                request.DefaultPriority.IsSet ? request.DefaultPriority.Value : type.DefaultPriority);
        }
        // Activate before becoming the default and deactivate after giving it up, so either order of intent works.
        if (request.Active.Value == true)
        {
            type.SetActive(true);
        }
        if (request.IsDefault.Value == true && !type.IsDefault)
        {
            type.BecomeDefault(await db.RequestTypes.Where(t => t.IsDefault).ToListAsync(ct));
        }
        else if (request.IsDefault.Value == false && type.IsDefault)
        {
            throw new BusinessRuleException($"'{key}' is the default request type and one type must always be; make another type the default instead.");
        }
        if (request.Active.Value == false)
        {
            type.SetActive(false);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RequestTypeView.Of(type);
    }
}
