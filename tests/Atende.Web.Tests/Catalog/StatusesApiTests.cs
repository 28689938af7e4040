using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Catalog;

/// <summary>
/// /api/v1/statuses. The tests of this class share one database, so they only change statuses they created, and
/// none of them creates a status of category New or Closed: the default "new" and "closed" stay the only ones.
/// </summary>
public sealed class StatusesApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static readonly string[] DefaultKeys = ["new", "in_progress", "awaiting_customer", "resolved", "closed"];

    [Fact]
    public async Task Everyone_signed_in_including_customers_reads_the_workflow_in_order_and_anonymous_callers_get_401()
    {
        var desk = await Desk.BuildAsync(factory);

        var list = await desk.Ana.GetJsonAsync("/api/v1/statuses");
        var items = list["items"]!.AsArray();
        Assert.Equal(DefaultKeys, items.Select(Key).Where(DefaultKeys.Contains));
        var positions = items.Select(s => s!["position"]!.GetValue<int>()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Null(list["nextCursor"]);

        var fresh = items.Single(s => Key(s) == "new")!;
        Assert.Equal("New", fresh["name"]!.GetValue<string>());
        Assert.Equal("new", fresh["category"]!.GetValue<string>());
        Assert.Equal(10, fresh["position"]!.GetValue<int>());
        Assert.Equal("#1976d2", fresh["color"]!.GetValue<string>());

        var resolved = await desk.Carla.GetJsonAsync("/api/v1/statuses/resolved");
        Assert.Equal("Resolved", resolved["name"]!.GetValue<string>());
        Assert.Equal("resolved", resolved["category"]!.GetValue<string>());
        var awaiting = await desk.AgentWithoutTeam.GetJsonAsync("/api/v1/statuses/awaiting_customer");
        Assert.Equal("pending", awaiting["category"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.GetAsync("/api/v1/statuses/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/statuses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/statuses/new")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_change_statuses_customers_and_agents_get_403_and_anonymous_callers_401()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = $"parts_{desk.Suffix}";
        var body = new { key, name = "Waiting for parts", category = "pending" };

        foreach (var client in new[] { desk.Ana, desk.AgentInSupport })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/statuses", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsJsonAsync("/api/v1/statuses/in_progress", new { name = "Hijacked" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/v1/statuses/awaiting_customer")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PostAsJsonAsync("/api/v1/statuses", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.DeleteAsync("/api/v1/statuses/awaiting_customer")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/statuses/{key}")).StatusCode);
        Assert.Equal("In progress", (await desk.Admin.GetJsonAsync("/api/v1/statuses/in_progress"))["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync("/api/v1/statuses/awaiting_customer")).StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_a_status_that_goes_last_with_its_color_stored_lower_case()
    {
        var desk = await Desk.BuildAsync(factory);
        var last = (await desk.Admin.GetJsonAsync("/api/v1/statuses"))["items"]!.AsArray().Max(s => s!["position"]!.GetValue<int>());

        var key = $"parts_{desk.Suffix}";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key, name = "  Waiting for parts ", category = "pending", color = "#ABCdef" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/statuses/{key}", response.Headers.Location!.ToString());
        var created = await response.JsonAsync();
        Assert.Equal(key, created["key"]!.GetValue<string>());
        Assert.Equal("Waiting for parts", created["name"]!.GetValue<string>());
        Assert.Equal("pending", created["category"]!.GetValue<string>());
        Assert.Equal("#abcdef", created["color"]!.GetValue<string>());
        Assert.Equal(last + 10, created["position"]!.GetValue<int>());

        var placed = await (await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key = $"triage_{desk.Suffix}", name = "Triage", category = "open", position = 15 })).JsonAsync();
        Assert.Equal(15, placed["position"]!.GetValue<int>());
        Assert.Equal("#607d8b", placed["color"]!.GetValue<string>());

        var keys = (await desk.Ana.GetJsonAsync("/api/v1/statuses"))["items"]!.AsArray().Select(Key).ToList();
        Assert.Equal(keys.IndexOf("new") + 1, keys.IndexOf($"triage_{desk.Suffix}"));
        Assert.Equal(keys.Count - 1, keys.IndexOf(key));
    }

    public static TheoryData<string, string> BadStatuses => new()
    {
        { """{"key": "Waiting Parts", "name": "x", "category": "pending"}""", "key" },
        { """{"key": "1st_line", "name": "x", "category": "pending"}""", "key" },
        { """{"key": "", "name": "x", "category": "pending"}""", "key" },
        { """{"name": "x", "category": "pending"}""", "key" },
        { """{"key": "bad_name", "name": "", "category": "pending"}""", "name" },
        { """{"key": "bad_name", "name": "<b>x</b>", "category": "pending"}""", "name" },
        { """{"key": "bad_color", "name": "x", "category": "pending", "color": "red"}""", "color" },
        { """{"key": "bad_color", "name": "x", "category": "pending", "color": "#12345"}""", "color" },
        { """{"key": "bad_color", "name": "x", "category": "pending", "color": "#1234567"}""", "color" },
        { """{"key": "bad_category", "name": "x", "category": "done"}""", "category" },
        { """{"key": "bad_category", "name": "x", "category": 2}""", "category" },
        { """{"key": "bad_category", "name": "x"}""", "category" },
        { """{"key": "bad_position", "name": "x", "category": "open", "position": -1}""", "position" },
        { """{"key": "bad_position", "name": "x", "category": "open", "position": "abc"}""", "position" },
        { """{"key": "unknown_field", "name": "x", "category": "open", "colour": "#ffffff"}""", "colour" },
    };

    [Theory]
    [MemberData(nameof(BadStatuses))]
    public async Task A_bad_status_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        var before = await CountAsync(desk);
        Assert.Contains(field, await (await desk.Admin.PostRawAsync("/api/v1/statuses", json)).ErrorFieldsAsync());
        Assert.Equal(before, await CountAsync(desk));
    }

    [Fact]
    public async Task A_key_already_used_is_a_400_on_key()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = $"parts_{desk.Suffix}";
        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key, name = "Parts", category = "pending" })).StatusCode);
        var before = await CountAsync(desk);

        Assert.Equal(["key"], await (await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key, name = "Parts again", category = "open" })).ErrorFieldsAsync());
        Assert.Equal(["key"], await (await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key = "in_progress", name = "Working", category = "open" })).ErrorFieldsAsync());

        Assert.Equal(before, await CountAsync(desk));
        Assert.Equal("Parts", (await desk.Admin.GetJsonAsync($"/api/v1/statuses/{key}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_changes_name_position_and_color_but_refuses_a_new_key_and_bad_values_naming_the_field()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "open");

        var changed = await desk.Admin.PatchAsJsonAsync($"/api/v1/statuses/{key}", new { name = "On hold", position = 35, color = "#FF0000" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var read = await desk.Ana.GetJsonAsync($"/api/v1/statuses/{key}");
        Assert.Equal("On hold", read["name"]!.GetValue<string>());
        Assert.Equal(35, read["position"]!.GetValue<int>());
        Assert.Equal("#ff0000", read["color"]!.GetValue<string>());
        Assert.Equal("open", read["category"]!.GetValue<string>());

        Assert.Equal(["key"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/statuses/{key}", new { key = $"renamed_{desk.Suffix}", name = "Renamed" })).ErrorFieldsAsync());
        Assert.Equal(["position"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"position": "abc"}""")).ErrorFieldsAsync());
        Assert.Equal(["position"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"position": null}""")).ErrorFieldsAsync());
        Assert.Equal(["category"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"category": null}""")).ErrorFieldsAsync());
        Assert.Equal(["category"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"category": "done"}""")).ErrorFieldsAsync());
        Assert.Equal(["color"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"color": "blue"}""")).ErrorFieldsAsync());
        Assert.Equal(["name"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"name": " "}""")).ErrorFieldsAsync());
        Assert.Equal(["colour"], await (await Patch(desk.Admin, $"/api/v1/statuses/{key}", """{"colour": "#000000"}""")).ErrorFieldsAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/statuses/renamed_{desk.Suffix}")).StatusCode);
        Assert.Equal(read.ToJsonString(), (await desk.Ana.GetJsonAsync($"/api/v1/statuses/{key}")).ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PatchAsJsonAsync("/api/v1/statuses/nope", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Recategorizing_a_status_moves_its_tickets_stamps_resolvedAt_and_makes_their_ETags_stale()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "open");
        var first = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        var second = await desk.OpenAsync(desk.Admin, desk.CarlaEmail);
        var bystander = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        foreach (var number in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = key })).StatusCode);
        }
        var etag = (await desk.Admin.GetAsync($"/api/v1/tickets/{first}")).Headers.ETag!.Tag;
        var bystanderETag = (await desk.Admin.GetAsync($"/api/v1/tickets/{bystander}")).Headers.ETag!.Tag;
        Assert.Equal([first, second], await InCategoryAsync(desk, key, "open"));

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var resolvedAt = factory.Clock.GetUtcNow().UtcDateTime;
        var recategorized = await desk.Admin.PatchAsJsonAsync($"/api/v1/statuses/{key}", new { category = "resolved" });
        Assert.Equal(HttpStatusCode.OK, recategorized.StatusCode);
        Assert.Equal("resolved", (await recategorized.JsonAsync())["category"]!.GetValue<string>());

        Assert.Empty(await InCategoryAsync(desk, key, "open"));
        Assert.Equal([first, second], await InCategoryAsync(desk, key, "resolved"));
        var read = await desk.Admin.GetAsync($"/api/v1/tickets/{first}");
        var ticket = await read.JsonAsync();
        Assert.Equal("resolved", ticket["status"]!["category"]!.GetValue<string>());
        Assert.Equal(key, ticket["status"]!["key"]!.GetValue<string>());
        Assert.Equal(resolvedAt, ticket["resolvedAt"]!.GetValue<DateTime>());
        Assert.NotEqual(etag, read.Headers.ETag!.Tag);
        // A client that cached the ticket before the change must not overwrite it blindly.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{first}", new { priority = "low" }, etag)).StatusCode);
        var bystanderRead = await desk.Admin.GetAsync($"/api/v1/tickets/{bystander}");
        Assert.Equal(bystanderETag, bystanderRead.Headers.ETag!.Tag);
        Assert.Equal("new", (await bystanderRead.JsonAsync())["status"]!["key"]!.GetValue<string>());

        // From one done category to another the first resolution time stays.
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await desk.Admin.PatchAsJsonAsync($"/api/v1/statuses/{key}", new { category = "closed" });
        Assert.Equal([first, second], await InCategoryAsync(desk, key, "closed"));
        Assert.Equal(resolvedAt, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{second}"))["resolvedAt"]!.GetValue<DateTime>());

        etag = (await desk.Admin.GetAsync($"/api/v1/tickets/{second}")).Headers.ETag!.Tag;
        await desk.Admin.PatchAsJsonAsync($"/api/v1/statuses/{key}", new { category = "pending" });
        Assert.Equal([first, second], await InCategoryAsync(desk, key, "pending"));
        var reopened = await desk.Admin.GetAsync($"/api/v1/tickets/{second}");
        var reopenedTicket = await reopened.JsonAsync();
        Assert.Null(reopenedTicket["resolvedAt"]);
        Assert.Equal("pending", reopenedTicket["status"]!["category"]!.GetValue<string>());
        Assert.NotEqual(etag, reopened.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Recategorizing_the_only_New_or_Closed_status_is_409_and_changes_nothing()
    {
        var desk = await Desk.BuildAsync(factory);

        var fresh = await desk.Admin.PatchAsJsonAsync("/api/v1/statuses/new", new { name = "Fresh", category = "open" });
        Assert.Equal(HttpStatusCode.Conflict, fresh.StatusCode);
        Assert.Contains("category New", (await fresh.JsonAsync())["detail"]!.GetValue<string>());
        var closed = await desk.Admin.PatchAsJsonAsync("/api/v1/statuses/closed", new { category = "resolved" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("category Closed", (await closed.JsonAsync())["detail"]!.GetValue<string>());

        var stillNew = await desk.Admin.GetJsonAsync("/api/v1/statuses/new");
        Assert.Equal("New", stillNew["name"]!.GetValue<string>());
        Assert.Equal("new", stillNew["category"]!.GetValue<string>());
        Assert.Equal("closed", (await desk.Admin.GetJsonAsync("/api/v1/statuses/closed"))["category"]!.GetValue<string>());
        // New tickets still have their starting status.
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        Assert.Equal("new", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["status"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_status_in_use_cannot_be_deleted_until_its_tickets_move_elsewhere()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "pending");
        var first = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        var second = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{first}", new { status = key });

        var one = await desk.Admin.DeleteAsync($"/api/v1/statuses/{key}");
        Assert.Equal(HttpStatusCode.Conflict, one.StatusCode);
        Assert.Contains("used by 1 ticket", (await one.JsonAsync())["detail"]!.GetValue<string>());

        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{second}", new { status = key });
        var two = await desk.Admin.DeleteAsync($"/api/v1/statuses/{key}");
        Assert.Equal(HttpStatusCode.Conflict, two.StatusCode);
        Assert.Contains("used by 2 tickets", (await two.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync($"/api/v1/statuses/{key}")).StatusCode);

        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{first}", new { status = "in_progress" });
        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{second}", new { status = "resolved" });
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/statuses/{key}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/statuses/{key}")).StatusCode);
        Assert.DoesNotContain(key, (await desk.Admin.GetJsonAsync("/api/v1/statuses"))["items"]!.AsArray().Select(Key));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync($"/api/v1/statuses/{key}")).StatusCode);
        Assert.Equal("in_progress", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{first}"))["status"]!["key"]!.GetValue<string>());
    }

    private static string Key(JsonNode? status) => status!["key"]!.GetValue<string>();

    private static async Task<int> CountAsync(Desk desk) =>
        (await desk.Admin.GetJsonAsync("/api/v1/statuses"))["items"]!.AsArray().Count;

    private static async Task<string> CreateAsync(Desk desk, string category)
    {
        var key = $"{category}_{desk.Suffix}";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key, name = $"Custom {category}", category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return key;
    }

    private static async Task<IReadOnlyList<int>> InCategoryAsync(Desk desk, string status, string category) =>
        (await desk.Admin.GetJsonAsync($"/api/v1/tickets?status={status}&statusCategory={category}&sort=number")).Numbers();

    private static Task<HttpResponseMessage> Patch(HttpClient client, string url, string json) =>
        client.PatchAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}

/// <summary>
/// Deleting the last status of category New or Closed. This class has its own database where no ticket is ever
/// opened, so the default "new" and "closed" are unused and only the workflow rule can refuse their deletion.
/// One test, because it deletes a default status and nothing else in this database may depend on it.
/// </summary>
public sealed class StatusWorkflowEndsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task The_last_New_and_the_last_Closed_status_cannot_be_deleted_but_a_Closed_one_with_a_sibling_can()
    {
        var desk = await Desk.BuildAsync(factory);

        var lastNew = await desk.Admin.DeleteAsync("/api/v1/statuses/new");
        Assert.Equal(HttpStatusCode.Conflict, lastNew.StatusCode);
        Assert.Contains("category New must remain", (await lastNew.JsonAsync())["detail"]!.GetValue<string>());
        var lastClosed = await desk.Admin.DeleteAsync("/api/v1/statuses/closed");
        Assert.Equal(HttpStatusCode.Conflict, lastClosed.StatusCode);
        Assert.Contains("category Closed must remain", (await lastClosed.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync("/api/v1/statuses/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync("/api/v1/statuses/closed")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key = "archived", name = "Archived", category = "closed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync("/api/v1/statuses/closed")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync("/api/v1/statuses/archived")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PatchAsJsonAsync("/api/v1/statuses/archived", new { category = "resolved" })).StatusCode);
        var closedKeys = (await desk.Admin.GetJsonAsync("/api/v1/statuses"))["items"]!.AsArray()
            .Where(s => s!["category"]!.GetValue<string>() == "closed").Select(s => s!["key"]!.GetValue<string>());
        Assert.Equal(["archived"], closedKeys);
    }
}
