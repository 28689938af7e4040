using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Tests.People;

public sealed class OrganizationsApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static string Url(int id) => $"/api/v1/organizations/{id}";

    private static IReadOnlyList<string> Domains(JsonObject organization) =>
        organization["domains"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();

    [Fact]
    public async Task Customers_are_forbidden_to_read_or_change_organizations_and_nothing_changes()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync(Url(desk.AcmeId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"{Url(desk.AcmeId)}/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/organizations", new { name = $"Mine {desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Carla.PatchAsJsonAsync(Url(desk.BetaId), new { sharesTickets = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync(Url(desk.AcmeId), new { name = "Hacked" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.DeleteAsync(Url(desk.AcmeId))).StatusCode);

        var acme = await desk.Admin.GetJsonAsync(Url(desk.AcmeId));
        Assert.Equal($"Acme {desk.Suffix}", acme["name"]!.GetValue<string>());
        Assert.False((await desk.Admin.GetJsonAsync(Url(desk.BetaId)))["sharesTickets"]!.GetValue<bool>());
        Assert.False(await factory.CreateDb().Organizations.AnyAsync(o => o.Name == $"Mine {desk.Suffix}"));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_organization_endpoint()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync(Url(desk.AcmeId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync($"{Url(desk.AcmeId)}/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/organizations", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PatchAsJsonAsync(Url(desk.AcmeId), new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.DeleteAsync(Url(desk.AcmeId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync(Url(desk.AcmeId))).StatusCode);
    }

    [Fact]
    public async Task Agents_add_and_change_organizations_but_only_admins_delete_them()
    {
        var desk = await Desk.BuildAsync(factory);
        var id = (await desk.AgentWithoutTeam.CreateAsync("/api/v1/organizations", new { name = $"Gamma {desk.Suffix}" })).Id();
        Assert.True((await desk.AgentWithoutTeam.ChangeAsync(Url(id), new { sharesTickets = true }))["sharesTickets"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync(Url(desk.AcmeId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync(Url(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PatchAsJsonAsync(Url(id), new { name = "Ghost" })).StatusCode);
    }

    [Fact]
    public async Task A_new_organization_is_201_with_a_Location_that_reads_back_the_same_body()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = $"  Delta {desk.Suffix} Ltda  ",
            sharesTickets = true,
            domains = new[] { $"Delta-{desk.Suffix}.Example.", $"mail.delta-{desk.Suffix}.example", $"delta-{desk.Suffix}.example" },
            notes = "Pays on the 5th",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.Id();
        Assert.Equal(Url(id), response.Headers.Location!.ToString());
        Assert.Equal($"Delta {desk.Suffix} Ltda", created["name"]!.GetValue<string>());
        Assert.True(created["sharesTickets"]!.GetValue<bool>());
        // Lower case, no trailing dot, each once, in order.
        Assert.Equal([$"delta-{desk.Suffix}.example", $"mail.delta-{desk.Suffix}.example"], Domains(created));
        Assert.Equal("Pays on the 5th", created["notes"]!.GetValue<string>());
        Assert.Equal(0, created["customerCount"]!.GetValue<int>());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, created["createdAt"]!.GetValue<DateTime>());

        var read = await desk.Admin.GetJsonAsync(response.Headers.Location!.ToString());
        Assert.True(JsonNode.DeepEquals(created, read), $"created {created.ToJsonString()} but read {read.ToJsonString()}");

        await desk.Admin.CreateAsync("/api/v1/customers", new { email = $"one.{desk.Suffix}@solo.example", name = "One", organizationId = id });
        Assert.Equal(1, (await desk.Admin.GetJsonAsync(Url(id)))["customerCount"]!.GetValue<int>());
        Assert.Equal(2, (await desk.Admin.GetJsonAsync(Url(desk.AcmeId)))["customerCount"]!.GetValue<int>());

        var plain = await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"Plain {desk.Suffix}" });
        Assert.False(plain["sharesTickets"]!.GetValue<bool>());
        Assert.Empty(Domains(plain));
        Assert.Null(plain["notes"]);
    }

    [Fact]
    public async Task Paging_by_cursor_neither_skips_nor_repeats_organizations()
    {
        var desk = await Desk.BuildAsync(factory);
        var created = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"{desk.Suffix} Org {i}" })).Id());
        }

        var (ids, pages) = await desk.AgentInSupport.ReadAllPagesAsync($"/api/v1/organizations?q={desk.Suffix}", 2);
        Assert.Equal(created, ids);
        Assert.Equal(3, pages);
        var all = await desk.Admin.GetJsonAsync($"/api/v1/organizations?q={desk.Suffix}&limit=200");
        Assert.Equal(created, all.Ids());
        Assert.Null(all["nextCursor"]);
    }

    [Fact]
    public async Task Q_matches_the_start_of_the_name_or_of_a_domain()
    {
        var desk = await Desk.BuildAsync(factory);
        var tag = "Q" + desk.Suffix;
        var byName = (await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"{tag} Holdings" })).Id();
        var byDomain = (await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"Other {desk.Suffix}", domains = new[] { "x.example" + desk.Suffix, $"{tag}.example" } })).Id();
        await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"The {tag} Group" });

        Assert.Equal([byName, byDomain], (await desk.Admin.GetJsonAsync($"/api/v1/organizations?q={tag}")).Ids());
        // Case does not matter, on either database.
        Assert.Equal([byName, byDomain], (await desk.Admin.GetJsonAsync($"/api/v1/organizations?q={tag.ToLowerInvariant()}")).Ids());
        Assert.Equal([byName], (await desk.Admin.GetJsonAsync($"/api/v1/organizations?q={tag.ToUpperInvariant()} HOLD")).Ids());
        Assert.Equal([byDomain], (await desk.Admin.GetJsonAsync($"/api/v1/organizations?q={tag.ToUpperInvariant()}.EX")).Ids());
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/organizations?q=%25{desk.Suffix}")).Ids());
    }

    [Fact]
    public async Task Patch_changes_each_field_on_its_own()
    {
        var desk = await Desk.BuildAsync(factory);
        var id = (await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"Epsilon {desk.Suffix}", domains = new[] { $"eps-{desk.Suffix}.example" }, notes = "n1" })).Id();
        var url = Url(id);

        var renamed = await desk.AgentInSupport.ChangeAsync(url, new { name = $"Epsilon {desk.Suffix} SA" });
        Assert.Equal($"Epsilon {desk.Suffix} SA", renamed["name"]!.GetValue<string>());
        Assert.Equal([$"eps-{desk.Suffix}.example"], Domains(renamed));
        Assert.Equal("n1", renamed["notes"]!.GetValue<string>());

        Assert.True((await desk.AgentInSupport.ChangeAsync(url, new { sharesTickets = true }))["sharesTickets"]!.GetValue<bool>());
        Assert.False((await desk.AgentInSupport.ChangeAsync(url, new { sharesTickets = false }))["sharesTickets"]!.GetValue<bool>());

        var domains = await desk.AgentInSupport.ChangeAsync(url, new { domains = new[] { $"new-eps-{desk.Suffix}.example", $"EPS-{desk.Suffix}.example" } });
        Assert.Equal([$"eps-{desk.Suffix}.example", $"new-eps-{desk.Suffix}.example"], Domains(domains));
        Assert.Equal([$"new-eps-{desk.Suffix}.example"], Domains(await desk.AgentInSupport.ChangeAsync(url, new { domains = new[] { $"new-eps-{desk.Suffix}.example" } })));
        Assert.Empty(Domains(await desk.AgentInSupport.ChangeAsync(url, new { domains = Array.Empty<string>() })));
        await desk.AgentInSupport.ChangeAsync(url, new { domains = new[] { $"eps-{desk.Suffix}.example" } });
        Assert.Empty(Domains(await desk.AgentInSupport.ChangeAsync(url, new { domains = (string[]?)null })));

        Assert.Equal("n2", (await desk.AgentInSupport.ChangeAsync(url, new { notes = "n2" }))["notes"]!.GetValue<string>());
        Assert.Null((await desk.AgentInSupport.ChangeAsync(url, new { notes = (string?)null }))["notes"]);

        var final = await desk.Admin.GetJsonAsync(url);
        Assert.Equal($"Epsilon {desk.Suffix} SA", final["name"]!.GetValue<string>());
        Assert.False(final["sharesTickets"]!.GetValue<bool>());
        // A removed domain is free for another organization.
        await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"Zeta {desk.Suffix}", domains = new[] { $"eps-{desk.Suffix}.example" } });
    }

    [Fact]
    public async Task Sharing_tickets_takes_effect_on_the_contacts_next_request()
    {
        var desk = await Desk.BuildAsync(factory);
        var carlas = await Desk.OpenOwnAsync(desk.Carla);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Davi.GetAsync($"/api/v1/tickets/{carlas}")).StatusCode);

        await desk.AgentInSupport.ChangeAsync(Url(desk.BetaId), new { sharesTickets = true });
        Assert.Equal(HttpStatusCode.OK, (await desk.Davi.GetAsync($"/api/v1/tickets/{carlas}")).StatusCode);

        await desk.AgentInSupport.ChangeAsync(Url(desk.BetaId), new { sharesTickets = false });
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Davi.GetAsync($"/api/v1/tickets/{carlas}")).StatusCode);
    }

    [Fact]
    public async Task A_domain_places_a_new_requester_in_its_organization()
    {
        var desk = await Desk.BuildAsync(factory);
        var domain = $"beta-{desk.Suffix}.example";
        await desk.Admin.ChangeAsync(Url(desk.BetaId), new { domains = new[] { domain.ToUpperInvariant() } });

        var number = await desk.OpenAsync(desk.AgentInSupport, $"Someone@{domain.ToUpperInvariant()}", teamId: desk.SupportTeamId);
        var ticket = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal(desk.BetaId, ticket["organization"]!.Id());
        Assert.Equal($"Beta {desk.Suffix}", ticket["organization"]!["name"]!.GetValue<string>());
        var customer = await desk.AgentInSupport.GetJsonAsync($"/api/v1/customers?q=someone@{domain}");
        Assert.Equal(desk.BetaId, customer["items"]!.AsArray().Single()!["organizationId"]!.GetValue<int>());
        Assert.Equal(3, (await desk.Admin.GetJsonAsync(Url(desk.BetaId)))["customerCount"]!.GetValue<int>());

        // A subdomain or an unknown domain is not the organization's.
        var other = await desk.OpenAsync(desk.AgentInSupport, $"someone@mail.{domain}", teamId: desk.SupportTeamId);
        Assert.Null((await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{other}"))["organization"]);
    }

    [Fact]
    public async Task Deleting_an_organization_leaves_its_customers_and_tickets_without_one()
    {
        var desk = await Desk.BuildAsync(factory);
        var domain = $"acme-{desk.Suffix}.example";
        await desk.Admin.ChangeAsync(Url(desk.AcmeId), new { domains = new[] { domain } });
        var ana = await desk.Ana.CustomerIdAsync();
        var anas = await Desk.OpenOwnAsync(desk.Ana);
        Assert.Equal(HttpStatusCode.OK, (await desk.Bruno.GetAsync($"/api/v1/tickets/{anas}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(desk.AcmeId))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync(Url(desk.AcmeId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"{Url(desk.AcmeId)}/tickets")).StatusCode);
        var customer = await desk.Admin.GetJsonAsync($"/api/v1/customers/{ana}");
        Assert.Null(customer["organizationId"]);
        Assert.Null(customer["organizationName"]);
        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{anas}");
        Assert.Null(ticket["organization"]);
        Assert.Equal(ana, ticket["requester"]!.Id());
        // Colleagues no longer see each other's tickets through it; the requester still sees hers.
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Bruno.GetAsync($"/api/v1/tickets/{anas}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Ana.GetAsync($"/api/v1/tickets/{anas}")).StatusCode);
        // Its domains went with it.
        await desk.Admin.CreateAsync("/api/v1/organizations", new { name = $"Acme {desk.Suffix}", domains = new[] { domain } });
    }

    [Fact]
    public async Task The_organization_tickets_show_an_agent_only_the_tickets_they_may_see()
    {
        var desk = await Desk.BuildAsync(factory);
        var support = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Support one", desk.SupportTeamId);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var infra = await desk.OpenAsync(desk.Admin, $"bruno.{desk.Suffix}@acme.example", "Infra one", desk.InfraTeamId);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var unassigned = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "No team yet");
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Beta's", desk.SupportTeamId);
        var url = $"{Url(desk.AcmeId)}/tickets?sort=number";

        Assert.Equal([support, infra, unassigned], (await desk.Admin.GetJsonAsync(url)).Numbers());
        Assert.Equal([support, unassigned], (await desk.AgentInSupport.GetJsonAsync(url)).Numbers());
        Assert.Equal([infra, unassigned], (await desk.AgentInInfra.GetJsonAsync(url)).Numbers());
        Assert.Equal([unassigned], (await desk.AgentWithoutTeam.GetJsonAsync(url)).Numbers());
        var items = (await desk.Admin.GetJsonAsync(url))["items"]!.AsArray();
        Assert.All(items, t => Assert.Equal(desk.AcmeId, t!["organization"]!.Id()));

        // Same paging and sort as /tickets.
        var first = await desk.Admin.GetJsonAsync($"{url}&limit=2");
        Assert.Equal([support, infra], first.Numbers());
        var second = await desk.Admin.GetJsonAsync($"{url}&limit=2&cursor={first["nextCursor"]!.GetValue<string>()}");
        Assert.Equal([unassigned], second.Numbers());
        Assert.Null(second["nextCursor"]);
        Assert.Equal([unassigned, infra, support], (await desk.Admin.GetJsonAsync($"{Url(desk.AcmeId)}/tickets?sort=-number")).Numbers());

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"{Url(int.MaxValue)}/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"{Url(int.MaxValue)}/tickets")).StatusCode);
        Assert.Contains("limit", await (await desk.Admin.GetAsync($"{Url(desk.AcmeId)}/tickets?limit=0")).ErrorFieldsAsync());
        Assert.Contains("limit", await (await desk.Admin.GetAsync($"{Url(desk.AcmeId)}/tickets?limit=abc")).ErrorFieldsAsync());
        Assert.Contains("cursor", await (await desk.Admin.GetAsync($"{Url(desk.AcmeId)}/tickets?cursor=garbage")).ErrorFieldsAsync());
        Assert.Contains("sort", await (await desk.Admin.GetAsync($"{Url(desk.AcmeId)}/tickets?sort=colour")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task Bad_new_organizations_are_a_400_naming_the_field_and_nothing_is_stored()
    {
        var desk = await Desk.BuildAsync(factory);
        var taken = $"taken-{desk.Suffix}.example";
        await desk.Admin.ChangeAsync(Url(desk.AcmeId), new { domains = new[] { taken } });
        var name = $"New {desk.Suffix}";
        var cases = new (string Json, string Field)[]
        {
            ("""{"sharesTickets": true}""", "name"),
            ("""{"name": "  "}""", "name"),
            ($$"""{"name": "{{new string('n', 201)}}"}""", "name"),
            ("""{"name": "<b>Bold</b> Ltd"}""", "name"),
            ($$"""{"name": "Acme {{desk.Suffix}}"}""", "name"),
            ($$"""{"name": "{{name}}", "domains": ["not a domain"]}""", "domains[0]"),
            ($$"""{"name": "{{name}}", "domains": ["fine-{{desk.Suffix}}.example", "10.0.0.1"]}""", "domains[1]"),
            ($$"""{"name": "{{name}}", "domains": ["fine-{{desk.Suffix}}.example", "{{taken.ToUpperInvariant()}}"]}""", "domains[1]"),
            ($$"""{"name": "{{name}}", "domains": [""]}""", "domains[0]"),
            ($$"""{"name": "{{name}}", "domains": "fine.example"}""", "domains"),
            ($$"""{"name": "{{name}}", "domains": [7]}""", "domains[0]"),
            ($$"""{"name": "{{name}}", "sharesTickets": "yes"}""", "sharesTickets"),
            ($$"""{"name": "{{name}}", "notes": "<img src=x onerror=alert(1)>"}""", "notes"),
            ($$"""{"name": "{{name}}", "notes": "{{new string('x', 4001)}}"}""", "notes"),
            ($$"""{"name": "{{name}}", "colour": "red"}""", "colour"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await desk.Admin.PostRawAsync("/api/v1/organizations", json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode}");
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        Assert.False(await factory.CreateDb().Organizations.AnyAsync(o => o.Name == name));
        Assert.Equal(desk.AcmeId, await factory.CreateDb().OrganizationDomains.Where(d => d.Domain == taken).Select(d => d.OrganizationId).SingleAsync());

        var tooMany = Enumerable.Range(0, 101).Select(i => $"d{i}-{desk.Suffix}.example").ToArray();
        Assert.Contains("domains", await (await desk.Admin.PostAsJsonAsync("/api/v1/organizations", new { name, domains = tooMany })).ErrorFieldsAsync());
    }

    [Fact]
    public async Task Bad_changes_are_a_400_naming_the_field_and_change_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var acmeDomain = $"acme-{desk.Suffix}.example";
        await desk.Admin.ChangeAsync(Url(desk.AcmeId), new { domains = new[] { acmeDomain } });
        await desk.Admin.ChangeAsync(Url(desk.BetaId), new { domains = new[] { $"beta-{desk.Suffix}.example" } });
        var before = await desk.Admin.GetJsonAsync(Url(desk.BetaId));
        var cases = new (string Json, string Field)[]
        {
            ($$"""{"name": "Acme {{desk.Suffix}}"}""", "name"),
            ("""{"name": null}""", "name"),
            ("""{"name": 12}""", "name"),
            ("""{"sharesTickets": null}""", "sharesTickets"),
            ("""{"sharesTickets": "yes"}""", "sharesTickets"),
            ("""{"sharesTickets": 1}""", "sharesTickets"),
            ("""{"domains": 5}""", "domains"),
            ("""{"domains": "beta.example"}""", "domains"),
            ("""{"domains": [5]}""", "domains[0]"),
            ($$"""{"domains": ["beta-{{desk.Suffix}}.example", "{{acmeDomain}}"]}""", "domains[1]"),
            ("""{"domains": ["-bad-.example"]}""", "domains[0]"),
            ("""{"notes": "<script>x</script>"}""", "notes"),
            ("""{"customerCount": 5}""", "customerCount"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await desk.Admin.PatchRawAsync(Url(desk.BetaId), json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{json}: {(int)response.StatusCode}");
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        Assert.True(JsonNode.DeepEquals(before, await desk.Admin.GetJsonAsync(Url(desk.BetaId))));
        // Keeping its own name and domains is not a clash.
        await desk.Admin.ChangeAsync(Url(desk.BetaId), new { name = $"Beta {desk.Suffix}", domains = new[] { $"beta-{desk.Suffix}.example" } });
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
        Assert.Contains(field, await (await desk.Admin.GetAsync($"/api/v1/organizations?{query}")).ErrorFieldsAsync());
    }
}
