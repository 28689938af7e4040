using Atende.Customers;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/organizations — client companies, their email domains and their tickets.</summary>
public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");
        organizations.MapGet("/", List).WithSummary("List organizations (q: start of the name or of a domain)");
        organizations.MapGet("/{id:int}", Get).WithSummary("Read an organization");
        organizations.MapPost("/", Create).WithSummary("Add an organization");
        organizations.MapPatch("/{id:int}", Update).WithSummary("Change an organization (name, sharesTickets, domains, notes)");
        organizations.MapDelete("/{id:int}", Delete).WithSummary("Delete an organization; its customers and tickets stay (admins)");
        organizations.MapGet("/{id:int}/tickets", Tickets).WithSummary("The organization's tickets (same sort and cursor as /tickets)");
    }

    private static async Task<Ok<Page<OrganizationView>>> List([AsParameters] ListOrganizationsRequest request, ListOrganizations list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<OrganizationView>> Get(int id, GetOrganization get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<OrganizationView>> Create(CreateOrganizationRequest request, CreateOrganization create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/organizations/{view.Id}", view);
    }

    private static async Task<Ok<OrganizationView>> Update(int id, UpdateOrganizationRequest request, UpdateOrganization update, GetOrganization get, CurrentCaller caller, CancellationToken ct)
    {
        await update.HandleAsync(id, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));
    }

    private static async Task<NoContent> Delete(int id, DeleteOrganization delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<TicketSummary>>> Tickets(int id, int? limit, string? cursor, string? sort, ListOrganizationTickets list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(id, limit, cursor, sort, caller.Value, ct));
}
