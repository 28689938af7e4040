using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.People;

public sealed class TeamsApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static string Url(int id) => $"/api/v1/teams/{id}";

    private static IReadOnlyList<int> MemberIds(JsonObject team) => team["members"]!.AsArray().Select(m => m!.Id()).ToList();

    [Fact]
    public async Task Agents_read_teams_but_may_not_add_change_or_delete_them()
    {
        var desk = await Desk.BuildAsync(factory);
        var before = await desk.Admin.GetJsonAsync(Url(desk.SupportTeamId));
        var support = await desk.AgentWithoutTeam.GetJsonAsync(Url(desk.SupportTeamId));
        Assert.True(JsonNode.DeepEquals(before, support));
        Assert.Contains(desk.SupportTeamId, (await desk.AgentWithoutTeam.GetJsonAsync($"/api/v1/teams?q=Support {desk.Suffix}")).Ids());

        var name = $"Rogue {desk.Suffix}";
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/teams", new { name })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(desk.SupportTeamId), new { name = "Renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentWithoutTeam.PatchAsJsonAsync(Url(desk.SupportTeamId), new { memberIds = new[] { desk.SupportAgentId, await desk.AgentWithoutTeam.AgentIdAsync() } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(desk.SupportTeamId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(desk.InfraTeamId))).StatusCode);

        Assert.True(JsonNode.DeepEquals(before, await desk.Admin.GetJsonAsync(Url(desk.SupportTeamId))));
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync(Url(desk.InfraTeamId))).StatusCode);
        Assert.False(await factory.CreateDb().Teams.AnyAsync(t => t.Name == name));
    }

    [Fact]
    public async Task Customers_are_forbidden_and_anonymous_callers_unauthorized_on_teams()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync(Url(desk.SupportTeamId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/teams", new { name = $"Ana's {desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync(Url(desk.SupportTeamId), new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.DeleteAsync(Url(desk.SupportTeamId))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync(Url(desk.SupportTeamId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/teams", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PatchAsJsonAsync(Url(desk.SupportTeamId), new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.DeleteAsync(Url(desk.SupportTeamId))).StatusCode);
        Assert.Equal($"Support {desk.Suffix}", (await desk.Admin.GetJsonAsync(Url(desk.SupportTeamId)))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_team_is_201_with_a_Location_that_reads_back_the_same_body()
    {
        var desk = await Desk.BuildAsync(factory);
        var nina = await desk.AgentWithoutTeam.AgentIdAsync();
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/teams", new
        {
            name = $"  Field {desk.Suffix}  ",
            description = "On-site visits",
            memberIds = new[] { desk.SupportAgentId, nina, desk.SupportAgentId },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.Id();
        Assert.Equal(Url(id), response.Headers.Location!.ToString());
        Assert.Equal($"Field {desk.Suffix}", created["name"]!.GetValue<string>());
        Assert.Equal("On-site visits", created["description"]!.GetValue<string>());
        // Members in name order, each once.
        Assert.Equal([nina, desk.SupportAgentId], MemberIds(created));
        Assert.Equal(["Nina Noteam", "Sam Support"], created["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));

        var read = await desk.Admin.GetJsonAsync(response.Headers.Location!.ToString());
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");
        Assert.Equal([id], (await desk.AgentWithoutTeam.GetJsonAsync("/api/v1/me"))["teamIds"]!.AsArray().Select(t => t!.GetValue<int>()));

        var empty = await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"Empty {desk.Suffix}" });
        Assert.Null(empty["description"]);
        Assert.Empty(MemberIds(empty));
    }

    [Fact]
    public async Task Paging_by_cursor_neither_skips_nor_repeats_teams()
    {
        var desk = await Desk.BuildAsync(factory);
        var created = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"{desk.Suffix} Team {i}" })).Id());
        }

        var (ids, pages) = await desk.AgentInInfra.ReadAllPagesAsync($"/api/v1/teams?q={desk.Suffix}", 2);
        Assert.Equal(created, ids);
        Assert.Equal(3, pages);
        var all = await desk.Admin.GetJsonAsync($"/api/v1/teams?q={desk.Suffix}&limit=200");
        Assert.Equal(created, all.Ids());
        Assert.Null(all["nextCursor"]);
    }

    [Fact]
    public async Task Q_matches_the_start_of_the_name_only()
    {
        var desk = await Desk.BuildAsync(factory);
        var tag = "Q" + desk.Suffix;
        var first = (await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"{tag} One" })).Id();
        var second = (await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"{tag}-Two" })).Id();
        await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"Three {tag}", description = tag });

        Assert.Equal([first, second], (await desk.Admin.GetJsonAsync($"/api/v1/teams?q={tag}")).Ids());
        Assert.Equal([second], (await desk.Admin.GetJsonAsync($"/api/v1/teams?q={tag}-")).Ids());
        // Case does not matter, on either database.
        Assert.Equal([first, second], (await desk.Admin.GetJsonAsync($"/api/v1/teams?q={tag.ToLowerInvariant()}")).Ids());
        Assert.Equal([first], (await desk.Admin.GetJsonAsync($"/api/v1/teams?q={tag.ToUpperInvariant()} ONE")).Ids());
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/teams?q=%25{desk.Suffix}")).Ids());
    }

    [Fact]
    public async Task Patch_changes_each_field_and_membership_changes_what_agents_see()
    {
        var desk = await Desk.BuildAsync(factory);
        var nina = await desk.AgentWithoutTeam.AgentIdAsync();
        var url = Url(desk.SupportTeamId);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentWithoutTeam.GetAsync($"/api/v1/tickets/{number}")).StatusCode);

        var renamed = await desk.Admin.ChangeAsync(url, new { name = $"Helpdesk {desk.Suffix}" });
        Assert.Equal($"Helpdesk {desk.Suffix}", renamed["name"]!.GetValue<string>());
        Assert.Equal([desk.SupportAgentId], MemberIds(renamed));
        Assert.Equal($"Helpdesk {desk.Suffix}", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["team"]!["name"]!.GetValue<string>());

        Assert.Equal("First line", (await desk.Admin.ChangeAsync(url, new { description = "First line" }))["description"]!.GetValue<string>());
        Assert.Null((await desk.Admin.ChangeAsync(url, new { description = (string?)null }))["description"]);

        Assert.Equal([nina, desk.SupportAgentId], MemberIds(await desk.Admin.ChangeAsync(url, new { memberIds = new[] { desk.SupportAgentId, nina } })));
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentWithoutTeam.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
        Assert.Equal([desk.SupportTeamId], (await desk.Admin.GetJsonAsync($"/api/v1/agents/{nina}"))["teamIds"]!.AsArray().Select(t => t!.GetValue<int>()));

        Assert.Equal([nina], MemberIds(await desk.Admin.ChangeAsync(url, new { memberIds = new[] { nina } })));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
        Assert.Empty(MemberIds(await desk.Admin.ChangeAsync(url, new { memberIds = (int[]?)null })));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentWithoutTeam.GetAsync($"/api/v1/tickets/{number}")).StatusCode);

        var final = await desk.Admin.GetJsonAsync(url);
        Assert.Equal($"Helpdesk {desk.Suffix}", final["name"]!.GetValue<string>());
        Assert.Null(final["description"]);
        Assert.Empty(MemberIds(final));
    }

    [Fact]
    public async Task Bad_new_teams_are_a_400_naming_the_field_and_nothing_is_stored()
    {
        var desk = await Desk.BuildAsync(factory);
        var name = $"Bad {desk.Suffix}";
        var former = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"former.{desk.Suffix}@desk.example", name = "Former" })).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/agents/{former}")).StatusCode);
        var cases = new (string Json, string Field)[]
        {
            ("""{"description": "No name"}""", "name"),
            ("""{"name": ""}""", "name"),
            ($$"""{"name": "{{new string('n', 101)}}"}""", "name"),
            ("""{"name": "<script>x</script>"}""", "name"),
            ($$"""{"name": "Support {{desk.Suffix}}"}""", "name"),
            ($$"""{"name": "{{name}}", "description": "{{new string('d', 1001)}}"}""", "description"),
            ($$"""{"name": "{{name}}", "description": "<a href=x>click</a>"}""", "description"),
            ($$"""{"name": "{{name}}", "memberIds": [999999]}""", "memberIds"),
            ($$"""{"name": "{{name}}", "memberIds": [{{former}}]}""", "memberIds"),
            ($$"""{"name": "{{name}}", "memberIds": "all"}""", "memberIds"),
            ($$"""{"name": "{{name}}", "memberIds": ["sam"]}""", "memberIds[0]"),
            ($$"""{"name": "{{name}}", "queue": "x"}""", "queue"),
            ($$"""{"name": {{7}}}""", "name"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await desk.Admin.PostRawAsync("/api/v1/teams", json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode}");
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        Assert.False(await factory.CreateDb().Teams.AnyAsync(t => t.Name == name));
    }

    [Fact]
    public async Task Bad_changes_are_a_400_naming_the_field_and_change_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var url = Url(desk.SupportTeamId);
        var before = await desk.Admin.GetJsonAsync(url);
        var cases = new (string Json, string Field)[]
        {
            ($$"""{"name": "Infra {{desk.Suffix}}"}""", "name"),
            ("""{"name": null}""", "name"),
            ("""{"name": "   "}""", "name"),
            ($$"""{"name": "{{new string('n', 101)}}"}""", "name"),
            ($$"""{"description": "{{new string('d', 1001)}}"}""", "description"),
            ("""{"description": 5}""", "description"),
            ("""{"memberIds": [999999]}""", "memberIds"),
            ("""{"memberIds": 5}""", "memberIds"),
            ("""{"memberIds": [true]}""", "memberIds[0]"),
            ("""{"members": []}""", "members"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await desk.Admin.PatchRawAsync(url, json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode}");
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        Assert.True(JsonNode.DeepEquals(before, await desk.Admin.GetJsonAsync(url)));
        // Keeping its own name is not a clash.
        Assert.Equal($"Support {desk.Suffix}", (await desk.Admin.ChangeAsync(url, new { name = $"Support {desk.Suffix}" }))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_team_leaves_its_tickets_without_a_team_and_its_members_without_it()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId, extra: new { assigneeId = desk.SupportAgentId });
        var other = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, teamId: desk.InfraTeamId);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.GetAsync($"/api/v1/tickets/{number}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(desk.SupportTeamId))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync(Url(desk.SupportTeamId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync(Url(desk.SupportTeamId))).StatusCode);
        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Null(ticket["team"]);
        Assert.Equal(desk.SupportAgentId, ticket["assignee"]!.Id());
        Assert.Equal(desk.InfraTeamId, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{other}"))["team"]!.Id());
        // A ticket with no team is in the queue every agent sees.
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInInfra.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/agents/{desk.SupportAgentId}"))["teamIds"]!.AsArray());
        Assert.Empty((await desk.AgentInSupport.GetJsonAsync("/api/v1/me"))["teamIds"]!.AsArray());
        // The name is free again.
        await desk.Admin.CreateAsync("/api/v1/teams", new { name = $"Support {desk.Suffix}" });
    }

    [Fact]
    public async Task Unknown_teams_are_404()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync(Url(int.MaxValue))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PatchAsJsonAsync(Url(int.MaxValue), new { name = $"Ghost {desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync(Url(int.MaxValue))).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=eyJ4IjoxfQ", "cursor")] // valid base64url JSON, but no cursor this server issued
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter(string query, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Contains(field, await (await desk.AgentInSupport.GetAsync($"/api/v1/teams?{query}")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_cursor_from_another_list_is_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        var agents = await desk.Admin.GetJsonAsync("/api/v1/agents?limit=1");
        var cursor = agents["nextCursor"]!.GetValue<string>();
        Assert.Contains("cursor", await (await desk.Admin.GetAsync($"/api/v1/teams?cursor={cursor}")).ErrorFieldsAsync());
    }
}
