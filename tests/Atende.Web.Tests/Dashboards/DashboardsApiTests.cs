using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Web.Tests.Reporting;

namespace Atende.Web.Tests.Dashboards;

/// <summary>
/// /api/v1/dashboards: who sees and who changes which dashboard, bad widgets answered under their field names, and a
/// widget's data — the viewer's days, the viewer's tickets, "not available" for a report that is not installed. The
/// class owns its database so its clock can be placed at a day boundary.
/// </summary>
public sealed class DashboardsApiTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<JsonObject> CreateAsync(HttpClient agent, object body)
    {
        var response = await agent.PostAsJsonAsync("/api/v1/dashboards", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<int> AddWidgetAsync(HttpClient agent, string dashboardId, object widget)
    {
        var response = await agent.PostAsJsonAsync($"/api/v1/dashboards/{dashboardId}/widgets", widget);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(HttpClient agent) =>
        (await agent.GetFromJsonAsync<JsonArray>("/api/v1/dashboards"))!.Select(d => d!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_personal_dashboard_is_its_owners_and_a_shared_one_is_read_only_for_the_others()
    {
        var desk = await Desk.BuildAsync(_factory);
        var personal = (await CreateAsync(desk.AgentInSupport, new { name = "My corner" }))["id"]!.GetValue<string>();
        Assert.Equal(["manager", "my-work", personal], await IdsAsync(desk.AgentInSupport));
        Assert.DoesNotContain(personal, await IdsAsync(desk.AgentInInfra));
        Assert.DoesNotContain(personal, await IdsAsync(desk.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.GetAsync($"/api/v1/dashboards/{personal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/dashboards/{personal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync($"/api/v1/dashboards/{personal}")).StatusCode);

        // Sharing needs the lead of the team (or an admin).
        var refused = await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/dashboards/{personal}", new { sharing = "team", teamId = desk.SupportTeamId });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/dashboards", new { name = "All", sharing = "everyone" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/teams/{desk.SupportTeamId}",
            new { leadAgentId = desk.SupportAgentId, memberIds = new[] { desk.SupportAgentId, desk.InfraAgentId } })).StatusCode);
        var shared = await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/dashboards/{personal}", new { sharing = "team", teamId = desk.SupportTeamId });
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal("team", (await shared.JsonAsync())["sharing"]!.GetValue<string>());
        var widget = await AddWidgetAsync(desk.AgentInSupport, personal, new { title = "Created", kind = "number", report = "volume" });

        // Ivo (now in Support) reads it; he cannot change it. Nina (no team) does not see it; the admin sees and edits it.
        var ivos = await desk.AgentInInfra.GetJsonAsync($"/api/v1/dashboards/{personal}");
        Assert.False(ivos["canEdit"]!.GetValue<bool>());
        Assert.Equal("Created", ivos["widgets"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInInfra.PatchAsJsonAsync($"/api/v1/dashboards/{personal}", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInInfra.PostAsJsonAsync($"/api/v1/dashboards/{personal}/widgets", new { title = "x", kind = "bar", report = "volume" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInInfra.DeleteAsync($"/api/v1/dashboards/{personal}/widgets/{widget}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInInfra.DeleteAsync($"/api/v1/dashboards/{personal}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInInfra.GetAsync($"/api/v1/dashboards/{personal}/widgets/{widget}/data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentWithoutTeam.GetAsync($"/api/v1/dashboards/{personal}")).StatusCode);
        Assert.True((await desk.Admin.GetJsonAsync($"/api/v1/dashboards/{personal}"))["canEdit"]!.GetValue<bool>());

        // Shared with everyone: Nina reads it too.
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/dashboards/{personal}", new { sharing = "everyone" })).StatusCode);
        Assert.Contains(personal, await IdsAsync(desk.AgentWithoutTeam));
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentWithoutTeam.PatchAsJsonAsync($"/api/v1/dashboards/{personal}", new { name = "Mine" })).StatusCode);

        // A copy is the copier's own, editable.
        var copy = await CreateAsync(desk.AgentWithoutTeam, new { name = "My copy", copyOf = personal });
        Assert.True(copy["canEdit"]!.GetValue<bool>());
        Assert.Equal("personal", copy["sharing"]!.GetValue<string>());
        Assert.Single(copy["widgets"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/dashboards/{personal}")).StatusCode);
        Assert.DoesNotContain(personal, await IdsAsync(desk.AgentWithoutTeam));
    }

    [Fact]
    public async Task Customers_and_strangers_get_no_dashboards()
    {
        var desk = await Desk.BuildAsync(_factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/dashboards")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/dashboards/manager")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/dashboards/manager/widgets/1/data")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/dashboards", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/dashboards")).StatusCode);
    }

    [Fact]
    public async Task Bad_dashboards_and_widgets_are_answered_under_their_field_names()
    {
        var desk = await Desk.BuildAsync(_factory);
        Assert.Equal(["name", "sharing"], await (await desk.Admin.PostAsJsonAsync("/api/v1/dashboards", new { name = "", sharing = "world" })).ErrorFieldsAsync());
        Assert.Equal(["teamId"], await (await desk.Admin.PostAsJsonAsync("/api/v1/dashboards", new { name = "T", sharing = "team" })).ErrorFieldsAsync());
        Assert.Equal(["copyOf"], await (await desk.Admin.PostAsJsonAsync("/api/v1/dashboards", new { name = "T", copyOf = "nope" })).ErrorFieldsAsync());
        var id = (await CreateAsync(desk.Admin, new { name = "Checks" }))["id"]!.GetValue<string>();

        var bad = await desk.Admin.PostAsJsonAsync($"/api/v1/dashboards/{id}/widgets", new
        {
            title = "", kind = "radar", report = "volume", metrics = new[] { "created", "open" }, groupBy = "status", period = "custom",
            priority = "whenever", agent = "someone", width = 13, height = "huge", type = "no-such-type", teamId = 999999,
        });
        Assert.Equal(["title", "kind", "metrics", "groupBy", "from", "to", "teamId", "type", "priority", "agent", "width", "height"],
            await bad.ErrorFieldsAsync());
        Assert.Equal(["report"], await (await desk.Admin.PostAsJsonAsync($"/api/v1/dashboards/{id}/widgets", new { title = "x", kind = "bar", report = "weather" })).ErrorFieldsAsync());
        Assert.Equal(["from"], await (await desk.Admin.PostAsJsonAsync($"/api/v1/dashboards/{id}/widgets",
            new { title = "x", kind = "bar", report = "volume", period = "custom", from = "2026-11-05", to = "2026-11-01" })).ErrorFieldsAsync());

        var widget = await AddWidgetAsync(desk.Admin, id, new { title = "Created", kind = "number", report = "volume" });
        Assert.Equal(["period"], await (await desk.Admin.GetAsync($"/api/v1/dashboards/{id}/widgets/{widget}/data?period=forever")).ErrorFieldsAsync());
        Assert.Equal(["from"], await (await desk.Admin.GetAsync($"/api/v1/dashboards/{id}/widgets/{widget}/data?period=custom&from=yesterday&to=2026-11-01")).ErrorFieldsAsync());
        Assert.Equal(["timeZone"], await (await desk.Admin.GetAsync($"/api/v1/dashboards/{id}/widgets/{widget}/data?timeZone=Mars/Olympus")).ErrorFieldsAsync());
        Assert.Equal(["widgetIds"], await (await desk.Admin.PutAsJsonAsync($"/api/v1/dashboards/{id}/widgets/order", new { widgetIds = new[] { widget, widget } })).ErrorFieldsAsync());
        Assert.Equal(["dashboard"], await (await desk.Admin.PutAsJsonAsync("/api/v1/dashboards/home", new { dashboard = "elsewhere" })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/dashboards/{id}/widgets/999999/data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/dashboards/nowhere")).StatusCode);
    }

    [Fact]
    public async Task Widgets_are_ordered_resized_and_removed_by_the_owner()
    {
        var desk = await Desk.BuildAsync(_factory);
        var id = (await CreateAsync(desk.AgentInSupport, new { name = "Layout" }))["id"]!.GetValue<string>();
        var a = await AddWidgetAsync(desk.AgentInSupport, id, new { title = "A", kind = "number", report = "volume" });
        var b = await AddWidgetAsync(desk.AgentInSupport, id, new { title = "B", kind = "line", report = "volume", metrics = new[] { "created", "resolved" }, groupBy = "day" });
        var c = await AddWidgetAsync(desk.AgentInSupport, id, new { title = "C", kind = "table", report = "agents" });

        var reordered = await desk.AgentInSupport.PutAsJsonAsync($"/api/v1/dashboards/{id}/widgets/order", new { widgetIds = new[] { c, a, b } });
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(["C", "A", "B"], (await reordered.JsonAsync())["widgets"]!.AsArray().Select(w => w!["title"]!.GetValue<string>()));

        var resized = await desk.AgentInSupport.PutAsJsonAsync($"/api/v1/dashboards/{id}/widgets/{b}",
            new { title = "B wide", kind = "bar", report = "volume", metrics = new[] { "created" }, groupBy = "week", width = 12, height = "large", period = "last90" });
        Assert.Equal(HttpStatusCode.OK, resized.StatusCode);
        var details = await desk.AgentInSupport.GetJsonAsync($"/api/v1/dashboards/{id}");
        var wide = details["widgets"]![2]!;
        Assert.Equal(("B wide", "bar", 12, "large", "last90", "week"), (wide["title"]!.GetValue<string>(), wide["kind"]!.GetValue<string>(),
            wide["width"]!.GetValue<int>(), wide["height"]!.GetValue<string>(), wide["period"]!.GetValue<string>(), wide["groupBy"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/dashboards/{id}/widgets/{a}")).StatusCode);
        Assert.Equal([c, b], (await desk.AgentInSupport.GetJsonAsync($"/api/v1/dashboards/{id}"))["widgets"]!.AsArray().Select(w => w!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_widget_counts_the_viewers_days_and_tickets_and_says_when_its_report_is_missing()
    {
        var desk = await Desk.BuildAsync(_factory);
        _factory.MoveTo(new DateTime(2026, 11, 2, 23, 0, 0)); // Mon 2 Nov, 20:00 in São Paulo
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Monday evening", extra: new { assigneeId = desk.SupportAgentId });
        await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Beta's ticket");
        _factory.MoveTo(new DateTime(2026, 11, 3, 2, 30, 0)); // Mon 2 Nov, 23:30 in São Paulo; Tue 3 Nov in UTC
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Monday night");

        var id = (await CreateAsync(desk.Admin, new { name = "Acme" }))["id"]!.GetValue<string>();
        var created = await AddWidgetAsync(desk.Admin, id, new
        {
            title = "Created today", kind = "number", report = "volume", metrics = new[] { "created" }, period = "today",
            organizationId = desk.AcmeId, compare = true,
        });
        var daily = await AddWidgetAsync(desk.Admin, id, new
        {
            title = "Per day", kind = "line", report = "volume", metrics = new[] { "created", "resolved" }, groupBy = "day", period = "last7",
            organizationId = desk.AcmeId,
        });
        var missing = await AddWidgetAsync(desk.Admin, id, new { title = "SLA", kind = "number", report = "self-service", metrics = new[] { "views" } });

        async Task<JsonObject> DataAsync(HttpClient client, string dashboard, int widget, string query = "") =>
            await client.GetJsonAsync($"/api/v1/dashboards/{dashboard}/widgets/{widget}/data?{query}");

        // In São Paulo it is still Monday: both Acme tickets count today, none the day before.
        var saoPaulo = (await DataAsync(desk.Admin, id, created, $"timeZone={ReportCalls.SaoPaulo}"))["result"]!.AsObject();
        Assert.Equal("2026-11-02", saoPaulo["from"]!.GetValue<string>());
        Assert.Equal(2, saoPaulo["totals"]!.AsObject().Metric("created"));
        Assert.Equal(0, saoPaulo["previous"]!.AsObject().Metric("created"));
        // In UTC it is Tuesday: one ticket today, one yesterday.
        var utc = (await DataAsync(desk.Admin, id, created, "timeZone=UTC"))["result"]!.AsObject();
        Assert.Equal("2026-11-03", utc["from"]!.GetValue<string>());
        Assert.Equal(1, utc["totals"]!.AsObject().Metric("created"));
        Assert.Equal(1, utc["previous"]!.AsObject().Metric("created"));

        var week = (await DataAsync(desk.Admin, id, daily, $"timeZone={ReportCalls.SaoPaulo}"))["result"]!.AsObject();
        Assert.Equal("2026-10-27", week["from"]!.GetValue<string>());
        Assert.Equal([0, 0, 0, 0, 0, 0, 2], week.RowsByKey().Values.Select(r => r.Metric("created")));
        // The dashboard's period picker overrides the widget's own period.
        var custom = (await DataAsync(desk.Admin, id, daily, $"timeZone=UTC&period=custom&from=2026-11-02&to=2026-11-03"))["result"]!.AsObject();
        Assert.Equal([1, 1], custom.RowsByKey().Values.Select(r => r.Metric("created")));

        var unavailable = await DataAsync(desk.Admin, id, missing);
        if (!unavailable["available"]!.GetValue<bool>())
        {
            Assert.Equal("report-missing", unavailable["reason"]!.GetValue<string>());
            Assert.Null(unavailable["result"]);
        }

        // "My work" counts the viewer's own queue: Sam has one open ticket, the admin none.
        var myOpen = (await DataAsync(desk.AgentInSupport, "my-work", 1))["result"]!["totals"]!.AsObject();
        Assert.Equal(1, myOpen.Metric("myOpen"));
        Assert.Equal(0, (await DataAsync(desk.Admin, "my-work", 1))["result"]!["totals"]!.AsObject().Metric("myOpen"));

        // One shared dashboard, each viewer's own slice: Sam (Support) does not see Infra's ticket, the admin does.
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Infra's own", teamId: desk.InfraTeamId);
        var shared = (await CreateAsync(desk.Admin, new { name = "For everyone", sharing = "everyone" }))["id"]!.GetValue<string>();
        var everyone = await AddWidgetAsync(desk.Admin, shared, new { title = "Today", kind = "number", report = "volume", period = "today", organizationId = desk.AcmeId });
        async Task<double?> CreatedAsync(HttpClient viewer) =>
            (await DataAsync(viewer, shared, everyone, $"timeZone={ReportCalls.SaoPaulo}"))["result"]!["totals"]!.AsObject().Metric("created");
        Assert.Equal(3, await CreatedAsync(desk.Admin));
        Assert.Equal(2, await CreatedAsync(desk.AgentInSupport));
        Assert.Equal(3, await CreatedAsync(desk.AgentInInfra));
    }

    [Fact]
    public async Task The_home_dashboard_is_the_managers_for_admins_and_leads_and_my_work_otherwise_until_chosen()
    {
        var desk = await Desk.BuildAsync(_factory);
        Assert.Equal("manager", (await desk.Admin.GetJsonAsync("/api/v1/dashboards/home"))["id"]!.GetValue<string>());
        Assert.Equal("my-work", (await desk.AgentInSupport.GetJsonAsync("/api/v1/dashboards/home"))["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/teams/{desk.InfraTeamId}", new { leadAgentId = desk.InfraAgentId })).StatusCode);
        Assert.Equal("manager", (await desk.AgentInInfra.GetJsonAsync("/api/v1/dashboards/home"))["id"]!.GetValue<string>());

        var mine = (await CreateAsync(desk.AgentInSupport, new { name = "Mine", copyOf = "my-work" }))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PutAsJsonAsync("/api/v1/dashboards/home", new { dashboard = mine })).StatusCode);
        var home = await desk.AgentInSupport.GetJsonAsync("/api/v1/dashboards/home");
        Assert.Equal(mine, home["id"]!.GetValue<string>());
        Assert.True(home["home"]!.GetValue<bool>());
        Assert.Equal(6, home["widgets"]!.AsArray().Count);
        // A deleted home falls back to the default.
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.DeleteAsync($"/api/v1/dashboards/{mine}")).StatusCode);
        Assert.Equal("my-work", (await desk.AgentInSupport.GetJsonAsync("/api/v1/dashboards/home"))["id"]!.GetValue<string>());
    }
}
