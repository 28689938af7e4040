using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.People;

public sealed class AgentsApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static string Url(int id) => $"/api/v1/agents/{id}";

    private static IReadOnlyList<int> TeamIds(JsonObject agent) => agent["teamIds"]!.AsArray().Select(t => t!.GetValue<int>()).ToList();

    private static IReadOnlyList<string> Skills(JsonObject agent) => agent["skills"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    private static IReadOnlyList<int> MemberIds(JsonObject team) => team["members"]!.AsArray().Select(m => m!.Id()).ToList();

    [Fact]
    public async Task Agents_may_not_add_change_or_deactivate_agents_and_nothing_changes()
    {
        var desk = await Desk.BuildAsync(factory);
        var self = desk.SupportAgentId;
        var before = await desk.Admin.GetJsonAsync(Url(self));
        var email = $"new.{desk.Suffix}@desk.example";

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/agents", new { email, name = "New", password = Desk.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(desk.InfraAgentId), new { available = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(self), new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(self), new { name = "Sam the Great" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(self), new { teamIds = new[] { desk.SupportTeamId, desk.InfraTeamId } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(self), new { skills = new[] { "everything" } })).StatusCode);
        // Availability does not smuggle another field through.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync(Url(self), new { available = false, role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(desk.InfraAgentId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(self))).StatusCode);

        Assert.True(JsonNode.DeepEquals(before, await desk.Admin.GetJsonAsync(Url(self))));
        Assert.True((await desk.Admin.GetJsonAsync(Url(desk.InfraAgentId)))["active"]!.GetValue<bool>());
        Assert.False(await factory.CreateDb().Agents.AnyAsync(a => a.Email == email));
    }

    [Fact]
    public async Task An_agent_sets_their_own_availability()
    {
        var desk = await Desk.BuildAsync(factory);
        var away = await desk.AgentInSupport.ChangeAsync(Url(desk.SupportAgentId), new { available = false });
        Assert.False(away["available"]!.GetValue<bool>());
        Assert.Equal("Sam Support", away["name"]!.GetValue<string>());
        Assert.False((await desk.AgentInSupport.GetJsonAsync(Url(desk.SupportAgentId)))["available"]!.GetValue<bool>());
        Assert.False((await desk.AgentInInfra.GetJsonAsync(Url(desk.SupportAgentId)))["available"]!.GetValue<bool>());

        Assert.True((await desk.AgentInSupport.ChangeAsync(Url(desk.SupportAgentId), new { available = true }))["available"]!.GetValue<bool>());
        Assert.True((await desk.Admin.GetJsonAsync(Url(desk.SupportAgentId)))["available"]!.GetValue<bool>());
        Assert.True((await desk.Admin.GetJsonAsync(Url(desk.InfraAgentId)))["available"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Customers_are_forbidden_and_anonymous_callers_unauthorized_on_agents()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync(Url(desk.SupportAgentId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/agents", new { email = $"c.{desk.Suffix}@desk.example", name = "C" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync(Url(desk.SupportAgentId), new { available = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.DeleteAsync(Url(desk.SupportAgentId))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync(Url(desk.SupportAgentId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/agents", new { email = $"c.{desk.Suffix}@desk.example", name = "C" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PatchAsJsonAsync(Url(desk.SupportAgentId), new { available = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.DeleteAsync(Url(desk.SupportAgentId))).StatusCode);

        var sam = await desk.Admin.GetJsonAsync(Url(desk.SupportAgentId));
        Assert.True(sam["available"]!.GetValue<bool>());
        Assert.True(sam["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_new_agent_is_201_with_a_Location_that_reads_back_the_same_body_and_can_sign_in()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"Olga.{desk.Suffix}@Desk.example";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/agents", new
        {
            email,
            name = " Olga Lima ",
            role = "admin",
            teamIds = new[] { desk.InfraTeamId, desk.SupportTeamId, desk.InfraTeamId },
            skills = new[] { " Printers ", "networking", "NETWORKING" },
            password = Desk.Password,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.Id();
        Assert.Equal(Url(id), response.Headers.Location!.ToString());
        Assert.Equal(email.ToLowerInvariant(), created["email"]!.GetValue<string>());
        Assert.Equal("Olga Lima", created["name"]!.GetValue<string>());
        Assert.Equal("admin", created["role"]!.GetValue<string>());
        Assert.True(created["available"]!.GetValue<bool>());
        Assert.True(created["active"]!.GetValue<bool>());
        Assert.Equal(new[] { desk.SupportTeamId, desk.InfraTeamId }.Order(), TeamIds(created));
        Assert.Equal(["networking", "printers"], Skills(created));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, created["createdAt"]!.GetValue<DateTime>());

        var read = await desk.Admin.GetJsonAsync(response.Headers.Location!.ToString());
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");
        Assert.Contains(id, MemberIds(await desk.Admin.GetJsonAsync($"/api/v1/teams/{desk.InfraTeamId}")));

        var olga = await desk.SignInAsync(email, Desk.Password);
        var me = await olga.GetJsonAsync("/api/v1/me");
        Assert.Equal("agent", me["kind"]!.GetValue<string>());
        Assert.Equal("admin", me["role"]!.GetValue<string>());
        Assert.Equal(id, me["agentId"]!.GetValue<int>());

        // The defaults: an agent, in no team, without skills.
        var plain = await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"paulo.{desk.Suffix}@desk.example", name = "Paulo" });
        Assert.Equal("agent", plain["role"]!.GetValue<string>());
        Assert.Empty(TeamIds(plain));
        Assert.Empty(Skills(plain));
    }

    [Fact]
    public async Task Paging_by_cursor_neither_skips_nor_repeats_agents_and_active_filters()
    {
        var desk = await Desk.BuildAsync(factory);
        var created = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"{desk.Suffix}-{i}@agents.example", name = $"Pager {i}" })).Id());
        }

        var (ids, pages) = await desk.AgentInSupport.ReadAllPagesAsync($"/api/v1/agents?q={desk.Suffix}", 2);
        Assert.Equal(created, ids);
        Assert.Equal(3, pages);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(created[1]))).StatusCode);
        Assert.Equal([created[1]], (await desk.Admin.GetJsonAsync($"/api/v1/agents?q={desk.Suffix}&active=false")).Ids());
        Assert.Equal(created.Where(c => c != created[1]), (await desk.Admin.GetJsonAsync($"/api/v1/agents?q={desk.Suffix}&active=true")).Ids());
        Assert.Equal(created, (await desk.Admin.GetJsonAsync($"/api/v1/agents?q={desk.Suffix}")).Ids());
    }

    [Fact]
    public async Task Q_matches_the_start_of_the_name_or_the_email()
    {
        var desk = await Desk.BuildAsync(factory);
        var tag = "Q" + desk.Suffix;
        var byName = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"alpha.{desk.Suffix}@agents.example", name = $"{tag} Alpha" })).Id();
        var byEmail = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"{tag.ToLowerInvariant()}@agents.example", name = "Beta" })).Id();
        await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"gamma.{desk.Suffix}@agents.example", name = $"Gamma {tag}" });

        Assert.Equal([byName, byEmail], (await desk.Admin.GetJsonAsync($"/api/v1/agents?q={tag}")).Ids());
        // Case does not matter, on either database.
        Assert.Equal([byName, byEmail], (await desk.Admin.GetJsonAsync($"/api/v1/agents?q={tag.ToLowerInvariant()}")).Ids());
        Assert.Equal([byName], (await desk.Admin.GetJsonAsync($"/api/v1/agents?q={tag.ToUpperInvariant()} ALPHA")).Ids());
        Assert.Equal([byName], (await desk.Admin.GetJsonAsync($"/api/v1/agents?q=ALPHA.{desk.Suffix}")).Ids());
        Assert.Equal([desk.SupportAgentId], (await desk.Admin.GetJsonAsync($"/api/v1/agents?q=sam.{desk.Suffix}")).Ids());
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/agents?q=%25{desk.Suffix}")).Ids());
    }

    [Fact]
    public async Task Patch_changes_each_field_on_its_own()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"rita.{desk.Suffix}@desk.example";
        var id = (await desk.Admin.CreateAsync("/api/v1/agents", new { email, name = "Rita", teamIds = new[] { desk.SupportTeamId }, skills = new[] { "vpn" }, password = Desk.Password })).Id();
        var url = Url(id);
        var rita = await desk.SignInAsync(email, Desk.Password);

        var renamed = await desk.Admin.ChangeAsync(url, new { name = "Rita Moreno" });
        Assert.Equal("Rita Moreno", renamed["name"]!.GetValue<string>());
        Assert.Equal([desk.SupportTeamId], TeamIds(renamed));
        Assert.Equal(["vpn"], Skills(renamed));

        Assert.Equal([desk.InfraTeamId], TeamIds(await desk.Admin.ChangeAsync(url, new { teamIds = new[] { desk.InfraTeamId } })));
        Assert.Equal([desk.InfraTeamId], (await rita.GetJsonAsync("/api/v1/me"))["teamIds"]!.AsArray().Select(t => t!.GetValue<int>()));
        Assert.DoesNotContain(id, MemberIds(await desk.Admin.GetJsonAsync($"/api/v1/teams/{desk.SupportTeamId}")));
        Assert.Contains(id, MemberIds(await desk.Admin.GetJsonAsync($"/api/v1/teams/{desk.InfraTeamId}")));
        Assert.Empty(TeamIds(await desk.Admin.ChangeAsync(url, new { teamIds = (int[]?)null })));
        Assert.Equal([desk.SupportTeamId], TeamIds(await desk.Admin.ChangeAsync(url, new { teamIds = new[] { desk.SupportTeamId } })));

        Assert.Equal(["dns", "printers"], Skills(await desk.Admin.ChangeAsync(url, new { skills = new[] { "Printers", "DNS" } })));
        Assert.Empty(Skills(await desk.Admin.ChangeAsync(url, new { skills = (string[]?)null })));

        Assert.False((await desk.Admin.ChangeAsync(url, new { available = false }))["available"]!.GetValue<bool>());

        // A promotion takes effect on the agent's next request.
        Assert.Equal(HttpStatusCode.Forbidden, (await rita.PostAsJsonAsync("/api/v1/teams", new { name = $"Rita's {desk.Suffix}" })).StatusCode);
        Assert.Equal("admin", (await desk.Admin.ChangeAsync(url, new { role = "admin" }))["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await rita.PostAsJsonAsync("/api/v1/teams", new { name = $"Rita's {desk.Suffix}" })).StatusCode);
        Assert.Equal("agent", (await desk.Admin.ChangeAsync(url, new { role = "agent" }))["role"]!.GetValue<string>());

        var final = await desk.Admin.GetJsonAsync(url);
        Assert.Equal("Rita Moreno", final["name"]!.GetValue<string>());
        Assert.Equal("agent", final["role"]!.GetValue<string>());
        Assert.False(final["available"]!.GetValue<bool>());
        Assert.Equal([desk.SupportTeamId], TeamIds(final));
        Assert.Equal(email, final["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_changes_are_a_400_naming_the_field_and_change_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var url = Url(desk.SupportAgentId);
        var before = await desk.Admin.GetJsonAsync(url);
        var cases = new (string Json, string Field)[]
        {
            ("""{"teamIds": "support"}""", "teamIds"),
            ("""{"teamIds": 3}""", "teamIds"),
            ("""{"teamIds": ["one"]}""", "teamIds[0]"),
            ("""{"teamIds": [999999]}""", "teamIds"),
            ("""{"role": "boss"}""", "role"),
            ("""{"role": 1}""", "role"),
            ("""{"role": null}""", "role"),
            ("""{"available": "yes"}""", "available"),
            ("""{"available": null}""", "available"),
            ("""{"available": 0}""", "available"),
            ("""{"name": null}""", "name"),
            ("""{"name": "<b>Sam</b>"}""", "name"),
            ($$"""{"name": "{{new string('n', 201)}}"}""", "name"),
            ("""{"skills": "vpn"}""", "skills"),
            ("""{"skills": ["<b>x</b>"]}""", "skills[0]"),
            ($$"""{"skills": [{{string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"s{i}\""))}}]}""", "skills"),
            ("""{"email": "sam@elsewhere.example"}""", "email"),
            ("""{"active": false}""", "active"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await desk.Admin.PatchRawAsync(url, json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode}");
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        // An agent's own availability is validated the same way.
        Assert.Contains("available", await (await desk.AgentInSupport.PatchRawAsync(url, """{"available": "no"}""")).ErrorFieldsAsync());
        Assert.True(JsonNode.DeepEquals(before, await desk.Admin.GetJsonAsync(url)));
    }

    [Fact]
    public async Task Bad_new_agents_are_a_400_naming_the_field_and_nothing_is_stored()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"bad.{desk.Suffix}@desk.example";
        var cases = new (string Json, string Field)[]
        {
            ("""{"name": "No Email"}""", "email"),
            ("""{"email": "nope", "name": "X"}""", "email"),
            ($$"""{"email": "{{email}}"}""", "name"),
            ($$"""{"email": "{{email}}", "name": "<b>X</b>"}""", "name"),
            ($$"""{"email": "{{email}}", "name": "X", "role": "boss"}""", "role"),
            ($$"""{"email": "{{email}}", "name": "X", "teamIds": [999999]}""", "teamIds"),
            ($$"""{"email": "{{email}}", "name": "X", "teamIds": "all"}""", "teamIds"),
            ($$"""{"email": "{{email}}", "name": "X", "skills": [""]}""", "skills[0]"),
            ($$"""{"email": "{{email}}", "name": "X", "password": "short"}""", "password"),
            ($$"""{"email": "{{email}}", "name": "X", "available": false}""", "available"),
            ($$"""{"email": "sam.{{desk.Suffix}}@desk.example", "name": "Sam Again"}""", "email"),
            ($$"""{"email": "SAM.{{desk.Suffix}}@DESK.example", "name": "Sam Again"}""", "email"),
            // A customer's sign-in address cannot become an agent's too.
            ($$"""{"email": "{{desk.AnaEmail}}", "name": "Ana Agent", "password": "{{Desk.Password}}"}""", "email"),
            ($$"""{"email": "{{AtendeFactory.AdminEmail}}", "name": "Admin Again"}""", "email"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await desk.Admin.PostRawAsync("/api/v1/agents", json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode}");
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        await using var db = factory.CreateDb();
        Assert.False(await db.Agents.AnyAsync(a => a.Email == email));
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Equal(1, await db.Agents.CountAsync(a => a.Email == $"sam.{desk.Suffix}@desk.example"));
    }

    [Fact]
    public async Task A_deactivated_agent_is_signed_out_leaves_their_teams_and_keeps_their_history()
    {
        var desk = await Desk.BuildAsync(factory);
        var email = $"tiago.{desk.Suffix}@desk.example";
        var id = (await desk.Admin.CreateAsync("/api/v1/agents", new { email, name = "Tiago", teamIds = new[] { desk.SupportTeamId, desk.InfraTeamId }, password = Desk.Password })).Id();
        var tiago = await desk.SignInAsync(email, Desk.Password);
        var number = await desk.OpenAsync(tiago, desk.AnaEmail, teamId: desk.SupportTeamId, extra: new { assigneeId = id });

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await tiago.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tiago.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = Desk.Password })).StatusCode);

        var gone = await desk.Admin.GetJsonAsync(Url(id));
        Assert.False(gone["active"]!.GetValue<bool>());
        Assert.False(gone["available"]!.GetValue<bool>());
        Assert.Empty(TeamIds(gone));
        Assert.DoesNotContain(id, MemberIds(await desk.Admin.GetJsonAsync($"/api/v1/teams/{desk.SupportTeamId}")));
        Assert.DoesNotContain(id, MemberIds(await desk.Admin.GetJsonAsync($"/api/v1/teams/{desk.InfraTeamId}")));
        Assert.Equal(id, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["assignee"]!.Id());

        // Deactivating twice is harmless; the record cannot be changed or put back in a team.
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PatchAsJsonAsync(Url(id), new { teamIds = new[] { desk.SupportTeamId } })).StatusCode);
        Assert.Contains("memberIds", await (await desk.Admin.PatchAsJsonAsync($"/api/v1/teams/{desk.SupportTeamId}", new { memberIds = new[] { desk.SupportAgentId, id } })).ErrorFieldsAsync());
        Assert.Contains("teamIds", await (await desk.Admin.PatchAsJsonAsync(Url(desk.InfraAgentId), new { teamIds = new[] { desk.InfraTeamId, int.MaxValue } })).ErrorFieldsAsync());
        Assert.Empty(TeamIds(await desk.Admin.GetJsonAsync(Url(id))));
    }

    [Fact]
    public async Task Unknown_agents_are_404()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync(Url(int.MaxValue))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PatchAsJsonAsync(Url(int.MaxValue), new { name = "Ghost" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync(Url(int.MaxValue))).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("active=maybe", "active")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=eyJ4IjoxfQ", "cursor")] // valid base64url JSON, but no cursor this server issued
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter(string query, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Contains(field, await (await desk.AgentInSupport.GetAsync($"/api/v1/agents?{query}")).ErrorFieldsAsync());
    }
}
