using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Views;

public sealed class SavedViewsApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static async Task<int> CreateViewAsync(HttpClient agent, object body)
    {
        var response = await agent.PostAsJsonAsync("/api/v1/views", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    private static IReadOnlyList<int> Ids(JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList();

    [Fact]
    public async Task A_personal_view_is_the_owners_and_a_shared_view_reaches_its_team_read_only()
    {
        var desk = await Desk.BuildAsync(factory);
        // Ivo joins Support too, so he is a member of the team Sam shares with.
        var joined = await desk.Admin.PatchAsJsonAsync($"/api/v1/teams/{desk.SupportTeamId}", new { memberIds = new[] { desk.SupportAgentId, desk.InfraAgentId } });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        var personal = await CreateViewAsync(desk.AgentInSupport, new { name = "My printers", filter = new { tag = new[] { "printer" } } });
        var shared = await CreateViewAsync(desk.AgentInSupport, new { name = "Support urgent", filter = new { priority = new[] { "urgent" } }, sort = "-createdAt", teamId = desk.SupportTeamId });

        var sams = await desk.AgentInSupport.GetJsonAsync("/api/v1/views");
        Assert.Equal([personal, shared], Ids(sams));
        Assert.True(sams["items"]![1]!["canEdit"]!.GetValue<bool>());
        Assert.Equal(desk.SupportTeamId, sams["items"]![1]!["team"]!["id"]!.GetValue<int>());

        var ivos = await desk.AgentInInfra.GetJsonAsync("/api/v1/views");
        Assert.Equal([shared], Ids(ivos));
        Assert.False(ivos["items"]![0]!["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.GetAsync($"/api/v1/views/{personal}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInInfra.PatchAsJsonAsync($"/api/v1/views/{shared}", new { name = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInInfra.DeleteAsync($"/api/v1/views/{shared}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentWithoutTeam.GetAsync($"/api/v1/views/{shared}")).StatusCode);

        // Admins see and change every view.
        Assert.Contains(personal, Ids(await desk.Admin.GetJsonAsync("/api/v1/views?limit=200")));
        var renamed = await desk.Admin.PatchAsJsonAsync($"/api/v1/views/{shared}", new { name = "Support: urgent" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Support: urgent", (await renamed.JsonAsync())["name"]!.GetValue<string>());

        // The owner makes it personal again: the team no longer sees it.
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/views/{shared}", new { teamId = (int?)null })).StatusCode);
        Assert.Empty(Ids(await desk.AgentInInfra.GetJsonAsync("/api/v1/views")));
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/views/{shared}")).StatusCode);
        Assert.Equal([personal], Ids(await desk.AgentInSupport.GetJsonAsync("/api/v1/views")));
    }

    [Fact]
    public async Task Customers_cannot_use_views()
    {
        var desk = await Desk.BuildAsync(factory);
        var view = await CreateViewAsync(desk.AgentInSupport, new { name = "Open", filter = new { statusCategory = new[] { "open" } } });

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/views")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/views", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/views/{view}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/views/counts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/views/my-open/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/views")).StatusCode);
    }

    [Fact]
    public async Task A_view_with_a_bad_filter_sort_or_team_is_refused_naming_each_field()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/views", new
        {
            name = "",
            filter = new { status = new[] { "no-such-status" }, priority = new[] { "whenever" }, assignee = "someone" },
            sort = "color",
            teamId = desk.InfraTeamId,
        });
        var fields = await response.ErrorFieldsAsync();
        Assert.Equal(["filter.assignee", "filter.priority", "filter.status", "name", "sort", "teamId"], fields.Order());
    }

    [Fact]
    public async Task A_saved_view_lists_the_tickets_its_filter_matches_in_its_sort()
    {
        var desk = await Desk.BuildAsync(factory);
        var first = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Printer one", desk.SupportTeamId, extra: new { tags = new[] { "printer" } });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Not a printer", desk.SupportTeamId);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Printer two", desk.SupportTeamId, extra: new { tags = new[] { "printer" } });
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Infra printer", desk.InfraTeamId, extra: new { tags = new[] { "printer" } });

        var view = await CreateViewAsync(desk.AgentInSupport, new { name = "Printers", filter = new { tag = new[] { "printer" }, team = desk.SupportTeamId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, sort = "createdAt" });

        Assert.Equal([first, second], (await desk.AgentInSupport.GetJsonAsync($"/api/v1/views/{view}/tickets")).Numbers());
        Assert.Equal([second, first], (await desk.AgentInSupport.GetJsonAsync($"/api/v1/views/{view}/tickets?sort=-createdAt")).Numbers());
        var page = await desk.AgentInSupport.GetJsonAsync($"/api/v1/views/{view}/tickets?limit=1");
        Assert.Equal([first], page.Numbers());
        Assert.Equal([second], (await desk.AgentInSupport.GetJsonAsync($"/api/v1/views/{view}/tickets?limit=1&cursor={page["nextCursor"]}")).Numbers());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInSupport.GetAsync("/api/v1/views/no-such-view/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.GetAsync($"/api/v1/views/{view}/tickets")).StatusCode);
    }
}
