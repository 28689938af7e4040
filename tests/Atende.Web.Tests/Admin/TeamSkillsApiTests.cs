using System.Net;
using System.Text.Json.Nodes;
using Atende.Web.Tests.People;

namespace Atende.Web.Tests.Admin;

/// <summary>GET /api/v1/teams/{id}/skills: what a team can do, gathered from its members.</summary>
public sealed class TeamSkillsApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static IReadOnlyList<string> SkillNames(JsonObject skills) => skills["skills"]!.AsArray().Select(s => s!["skill"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_teams_skills_are_its_members_skills_most_shared_first_and_follow_membership_and_availability()
    {
        var desk = await Desk.BuildAsync(factory);
        var vera = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"vera.{desk.Suffix}@desk.example", name = "Vera Vpn", skills = new[] { "VPN", "networking" } })).Id();
        var otto = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"otto.{desk.Suffix}@desk.example", name = "Otto Ops", skills = new[] { "vpn" } })).Id();
        var team = (await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"Network {desk.Suffix}", memberIds = new[] { vera, otto, desk.SupportAgentId } })).Id();
        await desk.Admin.ChangeAsync($"/api/v1/agents/{otto}", new { available = false });

        var skills = await desk.AgentWithoutTeam.GetJsonAsync($"/api/v1/teams/{team}/skills");
        Assert.Equal(team, skills["teamId"]!.GetValue<int>());
        Assert.Equal(["vpn", "networking"], SkillNames(skills));
        var vpn = skills["skills"]![0]!;
        Assert.Equal([vera, otto], vpn["agents"]!.AsArray().Select(a => a!.Id()));
        Assert.Equal(1, vpn["availableCount"]!.GetValue<int>());
        Assert.Equal([desk.SupportAgentId], skills["membersWithoutSkills"]!.AsArray().Select(a => a!.Id()));

        await desk.Admin.ChangeAsync($"/api/v1/agents/{desk.SupportAgentId}", new { skills = new[] { "printers" } });
        await desk.Admin.ChangeAsync($"/api/v1/teams/{team}", new { memberIds = new[] { otto, desk.SupportAgentId } });
        skills = await desk.Admin.GetJsonAsync($"/api/v1/teams/{team}/skills");
        Assert.Equal(["printers", "vpn"], SkillNames(skills));
        Assert.Empty(skills["membersWithoutSkills"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/agents/{otto}")).StatusCode);
        Assert.Equal(["printers"], SkillNames(await desk.Admin.GetJsonAsync($"/api/v1/teams/{team}/skills")));
    }

    [Fact]
    public async Task An_unknown_team_is_404_customers_get_403_and_anonymous_callers_401()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/teams/999999/skills")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/teams/{desk.SupportTeamId}/skills")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync($"/api/v1/teams/{desk.SupportTeamId}/skills")).StatusCode);
        var empty = await desk.AgentInInfra.GetJsonAsync($"/api/v1/teams/{desk.SupportTeamId}/skills");
        Assert.Empty(empty["skills"]!.AsArray());
        Assert.Equal([desk.SupportAgentId], empty["membersWithoutSkills"]!.AsArray().Select(a => a!.Id()));
    }
}
