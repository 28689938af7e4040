using Atende.Replies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/canned-responses — reusable replies: shared ones (admins write them) and each agent's personal ones.</summary>
public static class CannedResponsesApi
{
    public static void MapCannedResponsesApi(this RouteGroupBuilder api)
    {
        var responses = api.MapGroup("/canned-responses").WithTags("Canned responses");
        responses.MapGet("/", List).WithSummary("Shared canned responses and the caller's own, by title (agents)");
        responses.MapGet("/{id:int}", Get).WithSummary("Read a canned response (agents)");
        responses.MapPost("/", Create).WithSummary("Add a personal canned response, or a shared one (admins)");
        responses.MapPatch("/{id:int}", Update).WithSummary("Change title or body (shared: admins; personal: the owner)");
        responses.MapDelete("/{id:int}", Delete).WithSummary("Delete a canned response (shared: admins; personal: the owner)");
        responses.MapGet("/{id:int}/render", Render).WithSummary("The body with its placeholders filled in for a ticket");
    }

    private static async Task<Ok<Atende.Page<CannedResponseView>>> List([AsParameters] ListCannedResponsesRequest request, ListCannedResponses list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<CannedResponseView>> Get(int id, GetCannedResponse get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<CannedResponseView>> Create(CreateCannedResponseRequest request, CreateCannedResponse create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/canned-responses/{view.Id}", view);
    }

    private static async Task<Ok<CannedResponseView>> Update(int id, UpdateCannedResponseRequest request, UpdateCannedResponse update, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(id, request, caller.Value, ct));

    private static async Task<NoContent> Delete(int id, DeleteCannedResponse delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RenderedCannedResponse>> Render(int id, int? ticket, RenderCannedResponse render, CurrentCaller caller, CancellationToken ct)
    {
        if (ticket is not { } number)
        {
            throw Atende.InvalidRequestException.For("ticket", "is required (the ticket number whose values fill the placeholders).");
        }
        return TypedResults.Ok(await render.HandleAsync(id, number, caller.Value, ct));
    }
}
