using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Catalog;

/// <summary>
/// The service catalog's admin side: which types customers see, where a type's new tickets go by default, and its
/// categories. The tests share one database, so each works on types of its own and leaves the default type alone.
/// </summary>
public sealed class CatalogRoutingTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task A_type_hidden_from_customers_is_missing_from_their_catalog_and_they_cannot_open_it_while_agents_can()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "internal_change", new { visibleToCustomers = false });
        Assert.False((await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}"))["visibleToCustomers"]!.GetValue<bool>());

        Assert.DoesNotContain(key, Keys(await desk.Ana.GetJsonAsync("/api/v1/request-types")));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.GetAsync($"/api/v1/request-types/{key}")).StatusCode);
        Assert.Contains(key, Keys(await desk.AgentInSupport.GetJsonAsync("/api/v1/request-types")));

        var byCustomer = await desk.Ana.PostAsJsonAsync("/api/v1/tickets", new { subject = "Sneaky", description = "x", type = key });
        Assert.Equal(["type"], await byCustomer.ErrorFieldsAsync());
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, extra: new { type = key });
        Assert.Equal(key, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}"))["type"]!["key"]!.GetValue<string>());

        // Shown again: customers see it, and never its routing.
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { visibleToCustomers = true, defaultTeamId = desk.SupportTeamId })).StatusCode);
        var forCustomer = (await desk.Ana.GetJsonAsync("/api/v1/request-types"))["items"]!.AsArray().Single(t => t!["key"]!.GetValue<string>() == key)!;
        Assert.Null(forCustomer["defaultTeamId"]);
        Assert.Equal(["visibleToCustomers"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { visibleToCustomers = (bool?)null })).ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_new_ticket_takes_the_types_default_team_and_priority_when_its_creator_gives_none()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "network", new { defaultTeamId = desk.InfraTeamId, defaultPriority = "high" });
        var type = await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}");
        Assert.Equal(desk.InfraTeamId, type["defaultTeamId"]!.GetValue<int>());
        Assert.Equal("high", type["defaultPriority"]!.GetValue<string>());

        // A customer cannot choose team or priority routing: the type decides.
        var byCustomer = await desk.Ana.PostAsJsonAsync("/api/v1/tickets", new { subject = "Wi-Fi down", description = "Since 9am", type = key });
        Assert.Equal(HttpStatusCode.Created, byCustomer.StatusCode);
        var opened = await byCustomer.JsonAsync();
        Assert.Equal(desk.InfraTeamId, opened["team"]!["id"]!.GetValue<int>());
        Assert.Equal("high", opened["priority"]!.GetValue<string>());

        // What the creator chooses wins over the defaults.
        var chosen = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId, extra: new { type = key, priority = "low" });
        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{chosen}");
        Assert.Equal(desk.SupportTeamId, ticket["team"]!["id"]!.GetValue<int>());
        Assert.Equal("low", ticket["priority"]!.GetValue<string>());

        // An assignee chosen outside the default team keeps the existing rule intact: the default team is not forced on them.
        var assigned = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { type = key, assigneeId = desk.SupportAgentId });
        ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{assigned}");
        Assert.Null(ticket["team"]);
        Assert.Equal(desk.SupportAgentId, ticket["assignee"]!["id"]!.GetValue<int>());
        // An assignee inside it gets the default team with them.
        var inTeam = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { type = key, assigneeId = desk.InfraAgentId });
        Assert.Equal(desk.InfraTeamId, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{inTeam}"))["team"]!["id"]!.GetValue<int>());
        // An explicit team with an assignee outside it is still refused.
        var refused = await desk.Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "x", description = "y", type = key, teamId = desk.InfraTeamId, assigneeId = desk.SupportAgentId,
            requester = new { email = desk.AnaEmail },
        });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        // Cleared defaults: no team, Normal.
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { defaultTeamId = (int?)null, defaultPriority = (string?)null })).StatusCode);
        var plain = await (await desk.Ana.PostAsJsonAsync("/api/v1/tickets", new { subject = "Again", description = "z", type = key })).JsonAsync();
        Assert.Null(plain["team"]);
        Assert.Equal("normal", plain["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task Routing_must_name_a_real_team_and_priority_and_only_admins_change_it()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "routed", new { });
        Assert.Equal(["defaultTeamId"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { defaultTeamId = 987654 })).ErrorFieldsAsync());
        Assert.Equal(["defaultPriority"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { defaultPriority = "asap" })).ErrorFieldsAsync());
        Assert.Equal(["defaultTeamId"], await (await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = $"bad_{desk.Suffix}", name = "Bad", defaultTeamId = 987654 })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { defaultTeamId = desk.SupportTeamId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { visibleToCustomers = false })).StatusCode);

        // Deleting the team leaves the type without a default team.
        var team = await (await desk.Admin.PostAsJsonAsync("/api/v1/teams", new { name = $"Temp {desk.Suffix}" })).JsonAsync();
        var teamId = team["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { defaultTeamId = teamId })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/teams/{teamId}")).StatusCode);
        Assert.Null((await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}"))["defaultTeamId"]);
    }

    [Fact]
    public async Task Categories_are_renamed_for_all_their_types_and_reordered_by_renumbering_the_types()
    {
        var desk = await Desk.BuildAsync(factory);
        var first = $"Hardware {desk.Suffix}";
        var second = $"Access {desk.Suffix}";
        var laptop = await CreateAsync(desk, "laptop", new { category = first });
        var account = await CreateAsync(desk, "account", new { category = second });
        var monitor = await CreateAsync(desk, "monitor", new { category = first });

        var renamed = await desk.Admin.PostAsJsonAsync("/api/v1/request-types/categories/rename", new { from = first, to = $"Devices {desk.Suffix}" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal($"Devices {desk.Suffix}", (await desk.Admin.GetJsonAsync($"/api/v1/request-types/{laptop}"))["category"]!.GetValue<string>());
        Assert.Equal($"Devices {desk.Suffix}", (await desk.Admin.GetJsonAsync($"/api/v1/request-types/{monitor}"))["category"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PostAsJsonAsync("/api/v1/request-types/categories/rename", new { from = first, to = "x" })).StatusCode);
        Assert.Equal(["from"], await (await desk.Admin.PostAsJsonAsync("/api/v1/request-types/categories/rename", new { to = "x" })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/request-types/categories/rename", new { from = second, to = "x" })).StatusCode);

        var categories = (await desk.Admin.GetJsonAsync("/api/v1/request-types"))["items"]!.AsArray()
            .Select(t => t!["category"]?.GetValue<string>()).Where(c => c is not null).Distinct().ToList();
        // Access first, then everything else in its current order.
        var order = categories.Where(c => c == second).Concat(categories.Where(c => c != second)).ToList();
        Assert.Equal(["categories[0]"], await (await desk.Admin.PutAsJsonAsync("/api/v1/request-types/categories/order", new { categories = new[] { "Nope" } })).ErrorFieldsAsync());
        var reordered = await desk.Admin.PutAsJsonAsync("/api/v1/request-types/categories/order", new { categories = order });
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);

        var catalog = (await desk.Ana.GetJsonAsync("/api/v1/request-types"))["items"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()).ToList();
        Assert.True(catalog.IndexOf(account) < catalog.IndexOf(laptop));
        Assert.True(catalog.IndexOf(laptop) < catalog.IndexOf(monitor));
        Assert.Equal(catalog.IndexOf(laptop) + 1, catalog.IndexOf(monitor));
    }

    private static async Task<string> CreateAsync(Desk desk, string name, object extra)
    {
        var body = JsonSerializerNode(extra);
        var key = $"{name}_{desk.Suffix}";
        body["key"] = key;
        body["name"] = $"{name} {desk.Suffix}";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return key;
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();

    private static List<string> Keys(JsonObject page) => page["items"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()).ToList();
}
