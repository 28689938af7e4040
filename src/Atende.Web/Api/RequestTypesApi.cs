using Atende.Catalog;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/request-types — the service catalog and its forms. Customers read the active types offered to them; admins change them.</summary>
public static class RequestTypesApi
{
    public static void MapRequestTypesApi(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/request-types").WithTags("Request types");
        types.MapGet("/", List).WithSummary("The service catalog with each type's form (customers: active types visible to customers only)");
        types.MapPost("/categories/rename", RenameCategory).WithSummary("Rename a category: every type in 'from' moves to 'to' (an existing name merges them) (admins)");
        types.MapPut("/categories/order", ReorderCategories).WithSummary("Put the categories in a new order: every category name, first to last; the types are renumbered (admins)");
        types.MapGet("/{key}", Get).WithSummary("Read a request type and its form");
        types.MapPost("/", Create).WithSummary("Add a request type with its form (admins)");
        types.MapPatch("/{key}", Update).WithSummary("Change a request type; formFields, when present, replaces the whole form (admins)");
        types.MapPut("/{key}/form-fields/order", ReorderFields).WithSummary("Put the form's fields in a new order: every field key, first to last (admins)");
        types.MapDelete("/{key}", Delete).WithSummary("Delete a request type no ticket uses; deactivate it otherwise (admins)");
    }

    private static async Task<Ok<Page<RequestTypeView>>> List(bool? active, ListRequestTypes list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(active, caller.Value, ct));

    private static async Task<Ok<RequestTypeView>> Get(string key, GetRequestType get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(key, caller.Value, ct));

    private static async Task<Created<RequestTypeView>> Create(CreateRequestTypeRequest request, CreateRequestType create, CurrentCaller caller, CancellationToken ct)
    {
        var type = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/request-types/{type.Key}", type);
    }

    private static async Task<Ok<RequestTypeView>> Update(string key, UpdateRequestTypeRequest request, UpdateRequestType update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(key, request, caller.Value, ct));

    private static async Task<Ok<RequestTypeView>> ReorderFields(string key, ReorderFormFieldsRequest request, ReorderFormFields reorder, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await reorder.HandleAsync(key, request, caller.Value, ct));

    private static async Task<Ok<Page<RequestTypeView>>> RenameCategory(RenameRequestTypeCategoryRequest request, RenameRequestTypeCategory rename, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await rename.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<Page<RequestTypeView>>> ReorderCategories(ReorderRequestTypeCategoriesRequest request, ReorderRequestTypeCategories reorder, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await reorder.HandleAsync(request, caller.Value, ct));

    private static async Task<NoContent> Delete(string key, DeleteRequestType delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(key, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
