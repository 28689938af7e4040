using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Replies;

public sealed class CannedResponsesApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task An_agent_sees_shared_responses_and_their_own_but_never_a_colleagues_personal_ones()
    {
        var desk = await Desk.BuildAsync(factory);
        var shared = await CreateAsync(desk.Admin, $"Shared {desk.Suffix}", "Thanks for writing.", shared: true);
        var sams = await CreateAsync(desk.AgentInSupport, $"Sam's {desk.Suffix}", "Sam's words.");
        var ivos = await CreateAsync(desk.AgentInInfra, $"Ivo's {desk.Suffix}", "Ivo's words.");

        Assert.True(shared["shared"]!.GetValue<bool>());
        Assert.False(sams["shared"]!.GetValue<bool>());
        var samSees = await TitlesAsync(desk.AgentInSupport, $"?q={desk.Suffix}");
        Assert.Equal([$"Sam's {desk.Suffix}", $"Shared {desk.Suffix}"], samSees);
        Assert.Equal([$"Shared {desk.Suffix}"], await TitlesAsync(desk.AgentInSupport, $"?q={desk.Suffix}&scope=shared"));
        Assert.Equal([$"Sam's {desk.Suffix}"], await TitlesAsync(desk.AgentInSupport, $"?q={desk.Suffix}&scope=personal"));
        // Admins too: personal means personal.
        Assert.Equal([$"Shared {desk.Suffix}"], await TitlesAsync(desk.Admin, $"?q={desk.Suffix}"));

        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"/api/v1/canned-responses/{Id(ivos)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/canned-responses/{Id(ivos)}", new { title = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.DeleteAsync($"/api/v1/canned-responses/{Id(ivos)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/canned-responses")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_create_or_change_shared_responses_and_only_owners_change_personal_ones()
    {
        var desk = await Desk.BuildAsync(factory);
        var refused = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/canned-responses", new { title = "Team answer", body = "Hello", shared = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var shared = await CreateAsync(desk.Admin, $"Greeting {desk.Suffix}", "Hello!", shared: true);
        var asAgent = await (await desk.AgentInSupport.GetAsync($"/api/v1/canned-responses/{Id(shared)}")).JsonAsync();
        Assert.False(asAgent["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/canned-responses/{Id(shared)}", new { body = "Changed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.DeleteAsync($"/api/v1/canned-responses/{Id(shared)}")).StatusCode);

        var edited = await desk.Admin.PatchAsJsonAsync($"/api/v1/canned-responses/{Id(shared)}", new { body = "Hello, {{requester.name}}!" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var view = await edited.JsonAsync();
        Assert.Equal($"Greeting {desk.Suffix}", view["title"]!.GetValue<string>());
        Assert.Equal("Hello, {{requester.name}}!", view["body"]!.GetValue<string>());

        var mine = await CreateAsync(desk.AgentInSupport, $"Mine {desk.Suffix}", "Mine");
        Assert.True(mine["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/canned-responses/{Id(mine)}", new { title = $"Still mine {desk.Suffix}" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/canned-responses/{Id(mine)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"/api/v1/canned-responses/{Id(mine)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/canned-responses/{Id(shared)}")).StatusCode);
    }

    [Fact]
    public async Task Rendering_fills_the_placeholders_with_the_tickets_values_and_the_callers_name()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, subject: "VPN drops", teamId: desk.SupportTeamId);
        var response = await CreateAsync(desk.Admin, $"Ack {desk.Suffix}",
            "Hi {{requester.name}}, about #{{ticket.number}} (\"{{ ticket.subject }}\"): on it.\n\n— {{agent.name}}", shared: true);

        var rendered = await desk.AgentInSupport.GetJsonAsync($"/api/v1/canned-responses/{Id(response)}/render?ticket={number}");

        Assert.Equal($"Hi Ana Souza, about #{number} (\"VPN drops\"): on it.\n\n— Sam Support", rendered["body"]!.GetValue<string>());
        Assert.Contains("Sam Support", rendered["bodyHtml"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rendering_for_a_ticket_the_agent_cannot_see_is_not_found()
    {
        var desk = await Desk.BuildAsync(factory);
        var infraTicket = await desk.OpenAsync(desk.AgentInInfra, desk.CarlaEmail, teamId: desk.InfraTeamId);
        var response = await CreateAsync(desk.AgentInSupport, $"Mine {desk.Suffix}", "Hi {{requester.name}}");

        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync($"/api/v1/canned-responses/{Id(response)}/render?ticket={infraTicket}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.GetAsync($"/api/v1/canned-responses/{Id(response)}/render?ticket={infraTicket}")).StatusCode);
        Assert.Contains("ticket", await (await desk.AgentInSupport.GetAsync($"/api/v1/canned-responses/{Id(response)}/render")).ErrorFieldsAsync());
    }

    [Fact]
    public async Task Unknown_placeholders_missing_fields_and_unsafe_html_are_refused_naming_the_field()
    {
        var desk = await Desk.BuildAsync(factory);

        var typo = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/canned-responses", new { title = "Typo", body = "Hi {{requester.nmae}}" });
        Assert.Equal(["body"], await typo.ErrorFieldsAsync());
        Assert.Contains("{{requester.nmae}}", (await typo.Content.ReadAsStringAsync()).Replace("\\u0022", "\""));

        var empty = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/canned-responses", new { title = " ", body = "" });
        Assert.Equal(["body", "title"], (await empty.ErrorFieldsAsync()).Order());

        var script = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/canned-responses", new { title = "X", body = "<script>alert(1)</script>" });
        Assert.Equal(["body"], await script.ErrorFieldsAsync());

        var markupTitle = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/canned-responses", new { title = "<b>x</b>", body = "ok" });
        Assert.Equal(["title"], await markupTitle.ErrorFieldsAsync());

        var badScope = await desk.AgentInSupport.GetAsync("/api/v1/canned-responses?scope=everyone");
        Assert.Equal(["scope"], await badScope.ErrorFieldsAsync());
    }

    [Fact]
    public async Task The_list_pages_by_title_without_skipping_or_repeating()
    {
        var desk = await Desk.BuildAsync(factory);
        foreach (var title in new[] { "Delta", "Alpha", "Charlie", "Bravo", "Echo" })
        {
            await CreateAsync(desk.AgentInSupport, $"{title} {desk.Suffix}", "text");
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await desk.AgentInSupport.GetJsonAsync($"/api/v1/canned-responses?scope=personal&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(new[] { "Alpha", "Bravo", "Charlie", "Delta", "Echo" }.Select(t => $"{t} {desk.Suffix}"), seen);
    }

    private static async Task<JsonObject> CreateAsync(HttpClient client, string title, string body, bool shared = false)
    {
        var response = await client.PostAsJsonAsync("/api/v1/canned-responses", new { title, body, shared });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<List<string>> TitlesAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync("/api/v1/canned-responses" + query))["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToList();

    private static int Id(JsonObject view) => view["id"]!.GetValue<int>();
}
