using Atende.Agents;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/agents — staff members, their teams and skills.</summary>
public static class AgentsApi
{
    public static void MapAgentsApi(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("Agents");
        agents.MapGet("/", List).WithSummary("List agents (q: start of the name or email; active: true|false)");
        agents.MapGet("/{id:int}", Get).WithSummary("Read an agent");
        agents.MapPost("/", Create).WithSummary("Add an agent (admins)");
        agents.MapPatch("/{id:int}", Update).WithSummary("Change an agent (admins; an agent may set their own availability)");
        agents.MapDelete("/{id:int}", Deactivate).WithSummary("Deactivate an agent; their history stays (admins)");
    }

    private static async Task<Ok<Page<AgentView>>> List([AsParameters] ListAgentsRequest request, ListAgents list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<AgentView>> Get(int id, GetAgent get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Created<AgentView>> Create(CreateAgentRequest request, CreateAgent create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/agents/{view.Id}", view);
    }

    private static async Task<Ok<AgentView>> Update(int id, UpdateAgentRequest request, UpdateAgent update, GetAgent get, CurrentCaller caller, CancellationToken ct)
    {
        await update.HandleAsync(id, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));
    }

    private static async Task<NoContent> Deactivate(int id, DeactivateAgent deactivate, CurrentCaller caller, CancellationToken ct)
    {
        await deactivate.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
