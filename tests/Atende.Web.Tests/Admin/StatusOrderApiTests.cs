using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Admin;

/// <summary>PUT /api/v1/statuses/order, on a database of its own: reordering moves every status.</summary>
public sealed class StatusOrderApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static IReadOnlyList<string> Keys(JsonObject page) => page["items"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()).ToList();

    private static async Task<IReadOnlyList<string>> CurrentOrderAsync(HttpClient client) => Keys(await client.GetJsonAsync("/api/v1/statuses"));

    [Fact]
    public async Task An_admin_puts_the_workflow_in_a_new_order_that_everyone_reads_and_a_new_status_goes_last()
    {
        var desk = await Desk.BuildAsync(factory);
        var before = await CurrentOrderAsync(desk.Admin);
        var wanted = before.Reverse().ToList();

        var response = await desk.Admin.PutAsJsonAsync("/api/v1/statuses/order", new { keys = wanted });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        Assert.Equal(wanted, Keys(page));
        Assert.Equal(Enumerable.Range(1, wanted.Count).Select(i => i * 10), page["items"]!.AsArray().Select(s => s!["position"]!.GetValue<int>()));
        Assert.Equal(wanted, await CurrentOrderAsync(desk.Ana));
        Assert.Equal(wanted, await CurrentOrderAsync(desk.AgentInSupport));

        // Colors and categories are not touched by a reorder.
        var resolved = await desk.Admin.GetJsonAsync("/api/v1/statuses/resolved");
        Assert.Equal("#388e3c", resolved["color"]!.GetValue<string>());
        Assert.Equal("resolved", resolved["category"]!.GetValue<string>());

        var key = $"parts_{desk.Suffix}";
        var created = await desk.Admin.PostAsJsonAsync("/api/v1/statuses", new { key, name = "Waiting for parts", category = "pending", color = "#00AA00" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(key, (await CurrentOrderAsync(desk.Admin))[^1]);

        await desk.Admin.PutAsJsonAsync("/api/v1/statuses/order", new { keys = before.Append(key) });
        Assert.Equal(before.Append(key), await CurrentOrderAsync(desk.Admin));
    }

    [Fact]
    public async Task Only_admins_reorder_agents_and_customers_get_403_and_anonymous_callers_401()
    {
        var desk = await Desk.BuildAsync(factory);
        var before = await CurrentOrderAsync(desk.Admin);
        var body = new { keys = before.Reverse() };
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PutAsJsonAsync("/api/v1/statuses/order", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PutAsJsonAsync("/api/v1/statuses/order", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.PutAsJsonAsync("/api/v1/statuses/order", body)).StatusCode);
        Assert.Equal(before, await CurrentOrderAsync(desk.Admin));
    }

    [Fact]
    public async Task A_list_that_misses_repeats_or_invents_a_status_is_a_400_naming_it_and_changes_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        var before = await CurrentOrderAsync(desk.Admin);
        var cases = new (object Body, string Field)[]
        {
            (new { keys = before.Skip(1) }, "keys"),
            (new { keys = before.Append(before[0]) }, $"keys[{before.Count}]"),
            (new { keys = before.Append("nope") }, $"keys[{before.Count}]"),
            (new { keys = new string?[] { null }.Concat(before) }, "keys[0]"),
            (new { keys = (string[]?)null }, "keys"),
            (new { }, "keys"),
            (new { keys = before, extra = 1 }, "extra"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await desk.Admin.PutAsJsonAsync("/api/v1/statuses/order", body);
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        Assert.Equal(before, await CurrentOrderAsync(desk.Admin));
    }
}
