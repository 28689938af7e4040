using Atende.Customers;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/customers — the people who ask for help.</summary>
public static class CustomersApi
{
    public static void MapCustomersApi(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/", List).WithSummary("List customers (q: start of the name or email)");
        customers.MapGet("/{id:int}", Get).WithSummary("Read a customer (a customer may read only themselves)");
        customers.MapPost("/", Create).AddEndpointFilter<IdempotencyFilter>().WithSummary("Add a customer");
        customers.MapPatch("/{id:int}", Update).WithSummary("Change a customer");
        customers.MapDelete("/{id:int}", Delete).WithSummary("Delete a customer who has no tickets (admins)");
    }

    private static async Task<Ok<Page<CustomerView>>> List([AsParameters] ListCustomersRequest request, ListCustomers list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<CustomerView>> Get(int id, GetCustomer get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<CustomerView>> Create(CreateCustomerRequest request, CreateCustomer create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/customers/{view.Id}", view);
    }

    private static async Task<Ok<CustomerView>> Update(int id, UpdateCustomerRequest request, UpdateCustomer update, GetCustomer get, CurrentCaller caller, CancellationToken ct)
    {
        await update.HandleAsync(id, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));
    }

    private static async Task<NoContent> Delete(int id, DeleteCustomer delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
