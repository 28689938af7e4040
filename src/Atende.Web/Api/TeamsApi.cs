using Atende.Agents;
using Atende.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Atende.Web.Api;

/// <summary>/api/v1/teams — groups of agents and their queues.</summary>
public static class TeamsApi
{
    public static void MapTeamsApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("/", List).WithSummary("List teams (q: start of the name)");
        teams.MapGet("/{id:int}", Get).WithSummary("Read a team with its members");
        teams.MapGet("/{id:int}/skills", Skills).WithSummary("The team's skills, gathered from its members' skills (most shared first)");
        teams.MapPost("/", Create).WithSummary("Add a team (admins)");
        teams.MapPatch("/{id:int}", Update).WithSummary("Change a team: name, description, memberIds (admins)");
        teams.MapDelete("/{id:int}", Delete).WithSummary("Delete a team; its tickets stay, with no team (admins)");
    }

    private static async Task<Ok<Page<TeamView>>> List([AsParameters] ListTeamsRequest request, ListTeams list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<TeamView>> Get(int id, GetTeam get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));

    private static async Task<Ok<TeamSkills>> Skills(int id, ListTeamSkills list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok((await list.HandleAsync([id], caller.Value, ct)).FirstOrDefault() ?? throw new NotFoundException($"Team {id}"));

    private static async Task<Created<TeamView>> Create(CreateTeamRequest request, CreateTeam create, CurrentCaller caller, CancellationToken ct)
    {
        var view = await create.HandleAsync(request, caller.Value, ct);
        return TypedResults.Created($"/api/v1/teams/{view.Id}", view);
    }

    private static async Task<Ok<TeamView>> Update(int id, UpdateTeamRequest request, UpdateTeam update, GetTeam get, CurrentCaller caller, CancellationToken ct)
    {
        await update.HandleAsync(id, request, caller.Value, ct);
        return TypedResults.Ok(await get.HandleAsync(id, caller.Value, ct));
    }

    private static async Task<NoContent> Delete(int id, DeleteTeam delete, CurrentCaller caller, CancellationToken ct)
    {
        await delete.HandleAsync(id, caller.Value, ct);
        return TypedResults.NoContent();
    }
}
