using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Web.Tests;

namespace Atende.Macros.Tests;

public sealed class MacrosTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Applying_a_macro_changes_the_ticket_and_replies_as_the_agent_in_one_go()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Printer {desk.Suffix}", teamId: desk.SupportTeamId, extra: new { tags = new[] { "printer", "triage" } });
        var macro = await CreateAsync(desk.Admin, new
        {
            name = $"Solve printer {desk.Suffix}",
            shared = true,
            status = "awaiting_customer",
            priority = "high",
            assignee = "me",
            addTags = new[] { "hardware" },
            removeTags = new[] { "triage" },
            reply = "Hello {{requester.name}}, ticket #{{ticket.number}} ({{ticket.subject}}) is on its way. {{agent.name}}",
        });

        var applied = await desk.AgentInSupport.PostAsync($"/api/v1/tickets/{number}/macros/{Id(macro)}", null);
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        Assert.NotNull(applied.Headers.ETag);
        var ticket = await applied.JsonAsync();
        Assert.Equal("awaiting_customer", ticket["status"]!["key"]!.GetValue<string>());
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
        Assert.Equal(desk.SupportAgentId, ticket["assignee"]!["id"]!.GetValue<int>());
        Assert.Equal(["hardware", "printer"], ticket["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Order());

        var messages = (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
        var reply = messages.Last()!;
        Assert.Equal($"Hello Ana Souza, ticket #{number} (Printer {desk.Suffix}) is on its way. Sam Support", reply["body"]!.GetValue<string>());
        Assert.Equal("public", reply["visibility"]!.GetValue<string>());
        // The customer sees the reply: it went through the same path as a reply typed by hand.
        var asCustomer = (await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
        Assert.Contains(asCustomer, m => m!["body"]!.GetValue<string>().StartsWith("Hello Ana Souza", StringComparison.Ordinal));

        var history = (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/history"))["items"]!.AsArray();
        var statusChange = history.First(h => h!["field"]?.GetValue<string>() == "status")!;
        Assert.Contains("Sam Support", statusChange.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_cannot_use_or_change_a_colleagues_personal_macro_nor_a_shared_one_they_do_not_own()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Perms {desk.Suffix}");
        var ivos = await CreateAsync(desk.AgentInInfra, new { name = $"Ivo's {desk.Suffix}", priority = "urgent" });
        Assert.False(ivos["shared"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.PostAsync($"/api/v1/tickets/{number}/macros/{Id(ivos)}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"/api/v1/macros/{Id(ivos)}")).StatusCode);
        Assert.DoesNotContain((await desk.AgentInSupport.GetFromJsonAsync<JsonArray>("/api/v1/macros"))!, m => m!["id"]!.GetValue<int>() == Id(ivos));
        Assert.Equal("normal", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["priority"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/macros", new { name = "Team", shared = true, priority = "low" })).StatusCode);
        var shared = await CreateAsync(desk.Admin, new { name = $"Shared {desk.Suffix}", shared = true, priority = "low" });
        Assert.False((await desk.AgentInSupport.GetJsonAsync($"/api/v1/macros/{Id(shared)}"))["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PutAsJsonAsync($"/api/v1/macros/{Id(shared)}", new { name = "Mine", priority = "urgent" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync($"/api/v1/macros/{Id(shared)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsync($"/api/v1/tickets/{number}/macros/{Id(shared)}", null)).StatusCode);

        // The owner can change and delete their own.
        var replaced = await desk.AgentInInfra.PutAsJsonAsync($"/api/v1/macros/{Id(ivos)}", new { name = $"Ivo's {desk.Suffix}", priority = "low", addTags = new[] { "vip" } });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["vip"], (await replaced.JsonAsync())["addTags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInInfra.DeleteAsync($"/api/v1/macros/{Id(ivos)}")).StatusCode);
    }

    [Fact]
    public async Task A_macro_is_checked_when_saved_and_applies_all_or_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var bad = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/macros", new
        {
            name = "Bad",
            status = "nope",
            assignee = "somebody",
            reply = "Hi {{requester.nmae}}",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["assignee", "reply", "status"], (await bad.ErrorFieldsAsync()).Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/macros", new { name = "Does nothing" })).StatusCode);

        // Ivo is not in Support: assigning him on a Support ticket is refused, and the reply must not land alone.
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Atomic {desk.Suffix}", teamId: desk.SupportTeamId);
        var macro = await CreateAsync(desk.Admin, new
        {
            name = $"Hand to Ivo {desk.Suffix}",
            shared = true,
            teamId = desk.SupportTeamId,
            assignee = desk.InfraAgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            reply = "Internal: over to Ivo",
            replyVisibility = "internal",
        });
        var refused = await desk.AgentInSupport.PostAsync($"/api/v1/tickets/{number}/macros/{Id(macro)}", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var messages = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
        Assert.DoesNotContain(messages, m => m!["body"]!.GetValue<string>() == "Internal: over to Ivo");
    }

    private static int Id(JsonObject o) => o["id"]!.GetValue<int>();

    private static async Task<JsonObject> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/macros", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
