using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Admin;

/// <summary>
/// The form builder's two ways to change a form: PATCH with the whole field list (add, remove, required, options, order)
/// and PUT .../form-fields/order with the keys alone.
/// </summary>
public sealed class FormFieldOrderApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static readonly object[] Form =
    [
        new { key = "computerNumber", label = "Computer number", type = "text", required = true },
        new { key = "os", label = "Operating system", type = "dropdown", options = new[] { "Windows", "Linux" } },
        new { key = "floor", label = "Floor", type = "number", help = "Where you sit" },
    ];

    private static IReadOnlyList<string> FieldKeys(JsonObject type) => type["formFields"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()).ToList();

    private static async Task<string> CreateTypeAsync(Desk desk)
    {
        var key = $"hardware_{desk.Suffix}";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key, name = "Hardware", formFields = Form });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return key;
    }

    [Fact]
    public async Task An_admin_reorders_the_fields_by_key_and_nothing_else_about_them_changes()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateTypeAsync(desk);
        var before = await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}");

        var response = await desk.Admin.PutAsJsonAsync($"/api/v1/request-types/{key}/form-fields/order", new { keys = new[] { "floor", "computerNumber", "os" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["floor", "computerNumber", "os"], FieldKeys(await response.JsonAsync()));

        var after = await desk.Ana.GetJsonAsync($"/api/v1/request-types/{key}");
        Assert.Equal(["floor", "computerNumber", "os"], FieldKeys(after));
        Assert.Equal([10, 20, 30], after["formFields"]!.AsArray().Select(f => f!["position"]!.GetValue<int>()));
        foreach (var field in before["formFields"]!.AsArray())
        {
            var moved = after["formFields"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == field!["key"]!.GetValue<string>())!.DeepClone().AsObject();
            var original = field!.DeepClone().AsObject();
            moved.Remove("position");
            original.Remove("position");
            Assert.True(JsonNode.DeepEquals(original, moved), $"{original} became {moved}");
        }

        // The new order is the order a ticket's form is checked and shown in; the required field still is.
        var ticket = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Screen flickers", description = "Since Monday.", type = key,
            requester = new { email = desk.AnaEmail }, fields = new { floor = 3 },
        });
        Assert.Equal(["fields.computerNumber"], await ticket.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_reorder_that_misses_repeats_or_invents_a_field_is_a_400_and_only_admins_may_reorder()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateTypeAsync(desk);
        var url = $"/api/v1/request-types/{key}/form-fields/order";
        var cases = new (object Body, string Field)[]
        {
            (new { keys = new[] { "floor", "os" } }, "keys"),
            (new { keys = new[] { "floor", "os", "computerNumber", "os" } }, "keys[3]"),
            (new { keys = new[] { "floor", "os", "computerNumber", "ComputerNumber" } }, "keys[3]"),
            (new { keys = (string[]?)null }, "keys"),
        };
        foreach (var (body, field) in cases)
        {
            Assert.Contains(field, await (await desk.Admin.PutAsJsonAsync(url, body)).ErrorFieldsAsync());
        }
        var good = new { keys = new[] { "os", "floor", "computerNumber" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PutAsJsonAsync(url, good)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PutAsJsonAsync(url, good)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.PutAsJsonAsync("/api/v1/request-types/nope/form-fields/order", good)).StatusCode);
        Assert.Equal(["computerNumber", "os", "floor"], FieldKeys(await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}")));
    }

    [Fact]
    public async Task The_whole_field_list_in_a_patch_adds_removes_and_reorders_fields_and_changes_required_and_options()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateTypeAsync(desk);

        // What the form builder sends: every field in the new order, positions by place.
        var changed = await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new
        {
            formFields = new object[]
            {
                new { key = "os", label = "Operating system", type = "dropdown", required = true, options = new[] { "Windows", "Linux", "macOS" }, position = 10 },
                new { key = "asset", label = "Asset tag", type = "text", position = 20 },
                new { key = "computerNumber", label = "Computer number", type = "text", required = false, position = 30 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var type = await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}");
        Assert.Equal(["os", "asset", "computerNumber"], FieldKeys(type));
        var fields = type["formFields"]!.AsArray();
        Assert.True(fields[0]!["required"]!.GetValue<bool>());
        Assert.Equal(["Windows", "Linux", "macOS"], fields[0]!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.False(fields[2]!["required"]!.GetValue<bool>());

        var ticket = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "New laptop", description = "Please.", type = key,
            requester = new { email = desk.AnaEmail }, fields = new { os = "macOS", asset = "A-1" },
        });
        Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
        var opened = await ticket.JsonAsync();
        Assert.Equal("macOS", opened["fields"]!["os"]!.GetValue<string>());
        Assert.Equal("A-1", opened["fields"]!["asset"]!.GetValue<string>());
    }
}
