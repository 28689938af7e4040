using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Catalog;

/// <summary>
/// /api/v1/request-types and the forms tickets fill in. The tests of this class share one database, so none of them
/// changes the default type ("incident", which has no form): tickets opened without a type keep working for all.
/// The default is tested in <see cref="RequestTypeDefaultTests"/>, on a database of its own.
/// </summary>
public sealed class RequestTypesApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    /// <summary>A form with one field of most kinds; computerNumber and os are required.</summary>
    private static readonly object[] HardwareForm =
    [
        new { key = "computerNumber", label = "Computer number", type = "text", required = true },
        new { key = "os", label = "Operating system", type = "dropdown", required = true, options = new[] { "Windows", "Linux" } },
        new { key = "floor", label = "Floor", type = "number" },
        new { key = "since", label = "Since", type = "date" },
        new { key = "contact", label = "Contact", type = "email" },
        new { key = "apps", label = "Affected apps", type = "multiSelect", options = new[] { "mail", "vpn", "erp" } },
        new { key = "urgent", label = "Blocks my work", type = "checkbox" },
        new { key = "notes", label = "Notes", type = "longText" },
    ];

    [Fact]
    public async Task Customers_see_only_active_types_and_an_inactive_one_is_404_for_them_while_staff_see_all()
    {
        var desk = await Desk.BuildAsync(factory);
        var active = await CreateAsync(desk, "active", HardwareForm);
        var inactive = $"retired_{desk.Suffix}";
        var created = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = inactive, name = "Retired", active = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False((await created.JsonAsync())["active"]!.GetValue<bool>());

        var portal = await desk.Ana.GetJsonAsync("/api/v1/request-types");
        Assert.Contains(active, Keys(portal));
        Assert.Contains("incident", Keys(portal));
        Assert.DoesNotContain(inactive, Keys(portal));
        Assert.All(portal["items"]!.AsArray(), t => Assert.True(t!["active"]!.GetValue<bool>()));
        Assert.DoesNotContain(inactive, Keys(await desk.Ana.GetJsonAsync("/api/v1/request-types?active=false")));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Ana.GetAsync($"/api/v1/request-types/{inactive}")).StatusCode);
        var form = await desk.Carla.GetJsonAsync($"/api/v1/request-types/{active}");
        Assert.Equal(["computerNumber", "os", "floor", "since", "contact", "apps", "urgent", "notes"], FieldKeys(form));

        var staff = await desk.AgentInSupport.GetJsonAsync("/api/v1/request-types");
        Assert.Contains(active, Keys(staff));
        Assert.Contains(inactive, Keys(staff));
        var onlyInactive = await desk.AgentInSupport.GetJsonAsync("/api/v1/request-types?active=false");
        Assert.Contains(inactive, Keys(onlyInactive));
        Assert.DoesNotContain(active, Keys(onlyInactive));
        Assert.False((await desk.AgentInSupport.GetJsonAsync($"/api/v1/request-types/{inactive}"))["active"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.Anonymous.GetAsync("/api/v1/request-types")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync("/api/v1/request-types/nope")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_change_request_types_customers_and_agents_get_403()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "locked", []);
        foreach (var client in new[] { desk.Ana, desk.AgentInSupport })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/request-types", new { key = $"sneaky_{desk.Suffix}", name = "Sneaky" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { name = "Hijacked" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/request-types/{key}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/request-types/sneaky_{desk.Suffix}")).StatusCode);
        Assert.Equal("Type locked", (await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_adds_a_type_with_its_form_which_goes_last_with_fields_in_submitted_order()
    {
        var desk = await Desk.BuildAsync(factory);
        var last = (await desk.Admin.GetJsonAsync("/api/v1/request-types"))["items"]!.AsArray().Max(t => t!["position"]!.GetValue<int>());
        var key = $"hardware_{desk.Suffix}";

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new
        {
            key,
            name = "Hardware",
            description = "A device is broken.",
            category = "Support",
            icon = "computer",
            formFields = new object[]
            {
                new { key = "serial", label = "Serial number", type = "text", required = true, help = "On the sticker." },
                new { key = "kind", label = "Kind", type = "dropdown", options = new[] { " Laptop ", "Desktop" } },
                new { key = "extras", label = "Extras", type = "multiSelect", options = new[] { "dock", "mouse" }, position = 5 },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/request-types/{key}", response.Headers.Location!.ToString());
        var type = await response.JsonAsync();
        Assert.Equal("Hardware", type["name"]!.GetValue<string>());
        Assert.Equal("computer", type["icon"]!.GetValue<string>());
        Assert.Equal(last + 10, type["position"]!.GetValue<int>());
        Assert.True(type["active"]!.GetValue<bool>());
        Assert.False(type["isDefault"]!.GetValue<bool>());
        Assert.Equal(["extras", "serial", "kind"], FieldKeys(type));
        var fields = type["formFields"]!.AsArray();
        Assert.Equal([5, 10, 20], fields.Select(f => f!["position"]!.GetValue<int>()));
        Assert.Equal("multiSelect", fields[0]!["type"]!.GetValue<string>());
        Assert.True(fields[1]!["required"]!.GetValue<bool>());
        Assert.Equal("On the sticker.", fields[1]!["help"]!.GetValue<string>());
        Assert.False(fields[2]!["required"]!.GetValue<bool>());
        Assert.Equal(["Laptop", "Desktop"], fields[2]!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Empty(fields[1]!["options"]!.AsArray());

        Assert.Equal(type.ToJsonString(), (await desk.Ana.GetJsonAsync($"/api/v1/request-types/{key}")).ToJsonString());
        Assert.Equal(["key"], await (await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key, name = "Again" })).ErrorFieldsAsync());
        Assert.Equal(["key"], await (await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = "incident", name = "Again" })).ErrorFieldsAsync());
    }

    /// <summary>A form (the value of formFields) and the field its 400 must name, for both POST and PATCH.</summary>
    public static TheoryData<string, string> BadForms => new()
    {
        { """[{"key": "", "label": "x", "type": "text"}]""", "formFields[0].key" },
        { """[{"label": "x", "type": "text"}]""", "formFields[0].key" },
        { """[{"key": "9lives", "label": "x", "type": "text"}]""", "formFields[0].key" },
        { """[{"key": "two words", "label": "x", "type": "text"}]""", "formFields[0].key" },
        { """[{"key": "serial", "label": "x", "type": "text"}, {"key": "Serial", "label": "y", "type": "text"}]""", "formFields[1].key" },
        { """[{"key": "a", "label": "", "type": "text"}]""", "formFields[0].label" },
        { """[{"key": "a", "label": "x"}]""", "formFields[0].type" },
        { """[{"key": "a", "label": "x", "type": "colour"}]""", "formFields[0].type" },
        { """[{"key": "a", "label": "x", "type": 4}]""", "formFields[0].type" },
        { """[{"key": "a", "label": "x", "type": "text"}, {"key": "b", "label": "y", "type": "dropdown"}]""", "formFields[1].options" },
        { """[{"key": "a", "label": "x", "type": "multiSelect", "options": []}]""", "formFields[0].options" },
        { """[{"key": "a", "label": "x", "type": "text", "options": ["one"]}]""", "formFields[0].options" },
        { """[{"key": "a", "label": "x", "type": "dropdown", "options": ["one", "one"]}]""", "formFields[0].options[1]" },
        { """[{"key": "a", "label": "x", "type": "dropdown", "options": ["one", ""]}]""", "formFields[0].options[1]" },
        { """[{"key": "a", "label": "x", "type": "text", "position": -1}]""", "formFields[0].position" },
        { """[{"key": "a", "label": "x", "type": "text", "x": 1}]""", "formFields[0].x" },
        { """[{"key": "a", "label": "x", "type": "text"}, null]""", "formFields[1]" },
        { """{"key": "a"}""", "formFields" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_on_create_is_a_400_naming_the_field_by_its_place_and_nothing_is_stored(string form, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        var key = $"bad_{desk.Suffix}";
        var response = await desk.Admin.PostRawAsync("/api/v1/request-types", $$"""{"key": "{{key}}", "name": "Bad form", "formFields": {{form}}}""");
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/request-types/{key}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_on_patch_is_a_400_naming_the_field_by_its_place_and_the_form_stays(string form, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "kept", HardwareForm);
        var before = (await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}")).ToJsonString();
        var response = await desk.Admin.PatchAsync($"/api/v1/request-types/{key}",
            new StringContent($$"""{"name": "Changed", "formFields": {{form}}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal([field], await response.ErrorFieldsAsync());
        Assert.Equal(before, (await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}")).ToJsonString());
    }

    public static TheoryData<string, string> BadTypes => new()
    {
        { """{"key": "Hardware", "name": "x"}""", "key" },
        { """{"name": "x"}""", "key" },
        { """{"key": "no_name"}""", "name" },
        { """{"key": "bad_icon", "name": "x", "icon": "<svg onload=alert(1)>"}""", "icon" },
        { """{"key": "bad_icon", "name": "x", "icon": "https://evil.example/i.png"}""", "icon" },
        { """{"key": "bad_position", "name": "x", "position": "first"}""", "position" },
        { """{"key": "bad_active", "name": "x", "active": "yes"}""", "active" },
        { """{"key": "unknown", "name": "x", "fields": []}""", "fields" },
    };

    [Theory]
    [MemberData(nameof(BadTypes))]
    public async Task A_bad_request_type_is_a_400_naming_the_field(string json, string field)
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Contains(field, await (await desk.Admin.PostRawAsync("/api/v1/request-types", json)).ErrorFieldsAsync());
    }

    [Fact]
    public async Task Patch_replaces_the_form_by_key_and_answers_with_fields_ordered_by_position()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = await CreateAsync(desk, "replaced",
        [
            new { key = "a", label = "A", type = "text" },
            new { key = "b", label = "B", type = "dropdown", options = new[] { "x", "y" } },
            new { key = "c", label = "C", type = "number" },
        ]);

        var response = await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new
        {
            formFields = new object[]
            {
                new { key = "b", label = "B2", type = "dropdown", options = new[] { "y", "z" }, required = true, position = 30 },
                new { key = "d", label = "D", type = "date", position = 20 },
                new { key = "c", label = "C2", type = "number", position = 5 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var type = await response.JsonAsync();
        Assert.Equal(["c", "d", "b"], FieldKeys(type));
        Assert.Equal([5, 20, 30], type["formFields"]!.AsArray().Select(f => f!["position"]!.GetValue<int>()));
        var b = type["formFields"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "b")!;
        Assert.Equal("B2", b["label"]!.GetValue<string>());
        Assert.True(b["required"]!.GetValue<bool>());
        Assert.Equal(["y", "z"], b["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(type.ToJsonString(), (await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}")).ToJsonString());

        // Without formFields the form stays as it is.
        var renamed = await (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { name = "Renamed", description = (string?)null })).JsonAsync();
        Assert.Equal("Renamed", renamed["name"]!.GetValue<string>());
        Assert.Null(renamed["description"]);
        Assert.Equal(["c", "d", "b"], FieldKeys(renamed));

        Assert.Equal(["key"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { key = $"other_{desk.Suffix}" })).ErrorFieldsAsync());

        var emptied = await (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { formFields = Array.Empty<object>() })).JsonAsync();
        Assert.Empty(emptied["formFields"]!.AsArray());
        Assert.Empty((await desk.Ana.GetJsonAsync($"/api/v1/request-types/{key}"))["formFields"]!.AsArray());
    }

    [Fact]
    public async Task A_type_in_use_cannot_be_deleted_only_deactivated_and_an_unused_one_is_deleted_with_its_form()
    {
        var desk = await Desk.BuildAsync(factory);
        var used = await CreateAsync(desk, "used", []);
        var unused = await CreateAsync(desk, "unused", HardwareForm);
        await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new { type = used });

        var refused = await desk.Admin.DeleteAsync($"/api/v1/request-types/{used}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("used by 1 ticket", (await refused.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync($"/api/v1/request-types/{used}")).StatusCode);

        var deactivated = await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{used}", new { active = false });
        Assert.False((await deactivated.JsonAsync())["active"]!.GetValue<bool>());
        Assert.DoesNotContain(used, Keys(await desk.Ana.GetJsonAsync("/api/v1/request-types")));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync($"/api/v1/request-types/{used}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/request-types/{unused}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/request-types/{unused}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync($"/api/v1/request-types/{unused}")).StatusCode);
        // The key is free again, and the new type starts with an empty form.
        var again = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = unused, name = "Unused again" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Empty((await again.JsonAsync())["formFields"]!.AsArray());
    }

    public static TheoryData<string, string[]> BadFieldValues => new()
    {
        { """{}""", ["fields.computerNumber", "fields.os"] },
        { """{"computerNumber": "   ", "os": "Linux"}""", ["fields.computerNumber"] },
        { """{"computerNumber": null, "os": "Linux"}""", ["fields.computerNumber"] },
        { """{"computerNumber": 42, "os": "Linux"}""", ["fields.computerNumber"] },
        { """{"computerNumber": "<b>PC</b>", "os": "Linux"}""", ["fields.computerNumber"] },
        { """{"computerNumber": "PC\u0000-1", "os": "Linux"}""", ["fields.computerNumber"] },
        { """{"computerNumber": "PC-1", "os": "Mac"}""", ["fields.os"] },
        { """{"computerNumber": "PC-1", "os": "linux"}""", ["fields.os"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "floor": "three"}""", ["fields.floor"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "floor": 1e400}""", ["fields.floor"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "since": "2026-02-30"}""", ["fields.since"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "since": "02/11/2026"}""", ["fields.since"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "contact": "not an email"}""", ["fields.contact"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "contact": "Ana <ana@client.example>"}""", ["fields.contact"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "apps": ["mail", "fax"]}""", ["fields.apps"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "apps": "mail"}""", ["fields.apps"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "urgent": "yes"}""", ["fields.urgent"] },
        { """{"computerNumber": "PC-1", "os": "Linux", "colour": "red"}""", ["fields.colour"] },
    };

    [Theory]
    [MemberData(nameof(BadFieldValues))]
    public async Task A_ticket_with_bad_or_missing_form_values_is_a_400_on_each_field_and_nothing_is_stored(string fields, string[] expected)
    {
        var desk = await Desk.BuildAsync(factory);
        var type = await CreateAsync(desk, "hardware", HardwareForm);
        var before = await desk.CountTicketsAsync();

        var response = await desk.AgentInSupport.PostRawAsync("/api/v1/tickets", $$"""
            {"subject": "Laptop broken", "description": "It does not start.", "requester": {"email": "{{desk.AnaEmail}}"},
             "type": "{{type}}", "fields": {{fields}}}
            """);
        Assert.Equal(expected, (await response.ErrorFieldsAsync()).Order());
        Assert.Equal(before, await desk.CountTicketsAsync());
    }

    [Fact]
    public async Task A_ticket_with_valid_form_values_stores_them_normalized()
    {
        var desk = await Desk.BuildAsync(factory);
        var type = await CreateAsync(desk, "hardware", HardwareForm);

        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Laptop broken",
            description = "It does not start.",
            requester = new { email = desk.AnaEmail },
            teamId = desk.SupportTeamId,
            type,
            fields = JsonNode.Parse("""
                {"computerNumber": "  PC-0042 ", "os": "Linux", "floor": 3.50, "since": "2026-11-02", "contact": "Ana.Souza@Client.Example",
                 "apps": ["vpn", "mail", "vpn"], "urgent": false, "notes": ""}
                """),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.JsonAsync())["number"]!.GetValue<int>();

        var ticket = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal(type, ticket["type"]!["key"]!.GetValue<string>());
        var fields = ticket["fields"]!.AsObject();
        Assert.Equal(["apps", "computerNumber", "contact", "floor", "os", "since", "urgent"], fields.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal("PC-0042", fields["computerNumber"]!.GetValue<string>());
        Assert.Equal("Linux", fields["os"]!.GetValue<string>());
        Assert.Equal(3.5m, fields["floor"]!.GetValue<decimal>());
        Assert.Equal("2026-11-02", fields["since"]!.GetValue<string>());
        Assert.Equal("ana.souza@client.example", fields["contact"]!.GetValue<string>());
        Assert.Equal(["vpn", "mail"], fields["apps"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.False(fields["urgent"]!.GetValue<bool>());
        Assert.False(fields.ContainsKey("notes"));
        // The customer sees the values of their own request too.
        Assert.Equal("PC-0042", (await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}"))["fields"]!["computerNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ticket_of_an_inactive_type_is_a_400_on_type_for_agents_and_customers()
    {
        var desk = await Desk.BuildAsync(factory);
        var type = await CreateAsync(desk, "retired", []);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{type}", new { active = false })).StatusCode);
        var before = await desk.CountTicketsAsync();

        var byAgent = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", description = "y", requester = new { email = desk.AnaEmail }, type });
        Assert.Equal(["type"], await byAgent.ErrorFieldsAsync());
        var byCustomer = await desk.Ana.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", description = "y", type });
        Assert.Equal(["type"], await byCustomer.ErrorFieldsAsync());
        Assert.Equal(before, await desk.CountTicketsAsync());

        // Reactivated, it takes tickets again.
        await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{type}", new { active = true });
        Assert.Equal(HttpStatusCode.Created, (await desk.Ana.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", description = "y", type })).StatusCode);
    }

    [Fact]
    public async Task Changing_a_tickets_type_drops_the_values_the_new_form_lacks_and_checks_its_required_fields()
    {
        var desk = await Desk.BuildAsync(factory);
        var hardware = await CreateAsync(desk, "hardware", HardwareForm);
        var workplace = await CreateAsync(desk, "workplace",
        [
            new { key = "os", label = "Operating system", type = "dropdown", options = new[] { "Windows", "Linux" } },
            new { key = "room", label = "Room", type = "text", required = true },
        ]);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, extra: new
        {
            type = hardware,
            fields = new { computerNumber = "PC-0042", os = "Linux", floor = 3 },
        });

        var missing = await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { type = workplace });
        Assert.Equal(["fields.room"], await missing.ErrorFieldsAsync());
        var unchanged = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal(hardware, unchanged["type"]!["key"]!.GetValue<string>());
        Assert.Equal("PC-0042", unchanged["fields"]!["computerNumber"]!.GetValue<string>());

        var changed = await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { type = workplace, fields = new { room = "3.14" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal(workplace, ticket["type"]!["key"]!.GetValue<string>());
        var fields = ticket["fields"]!.AsObject();
        Assert.Equal(["os", "room"], fields.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Linux", fields["os"]!.GetValue<string>());
        Assert.Equal("3.14", fields["room"]!.GetValue<string>());

        // Back to the first type: the dropped values do not come back, so its required computerNumber is missing.
        Assert.Equal(["fields.computerNumber"], await (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { type = hardware })).ErrorFieldsAsync());
    }

    private static IReadOnlyList<string> Keys(JsonObject page) =>
        page["items"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()).ToList();

    private static IReadOnlyList<string> FieldKeys(JsonObject type) =>
        type["formFields"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()).ToList();

    private static async Task<string> CreateAsync(Desk desk, string name, object[] form)
    {
        var key = $"{name}_{desk.Suffix}";
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key, name = $"Type {name}", formFields = form });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return key;
    }
}

/// <summary>
/// Which request type is the default. This class has a database of its own because its tests move the default away
/// from "incident"; each test makes its own type the default first, so they do not depend on one another's order.
/// </summary>
public sealed class RequestTypeDefaultTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Making_a_type_the_default_clears_the_others_and_tickets_without_a_type_get_it()
    {
        var desk = await Desk.BuildAsync(factory);
        var first = $"first_{desk.Suffix}";
        var created = await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = first, name = "First", isDefault = true });
        Assert.True((await created.JsonAsync())["isDefault"]!.GetValue<bool>());
        Assert.Equal([first], await DefaultsAsync(desk.Admin));
        Assert.False((await desk.Admin.GetJsonAsync("/api/v1/request-types/incident"))["isDefault"]!.GetValue<bool>());
        var number = await Desk.OpenOwnAsync(desk.Ana);
        Assert.Equal(first, (await desk.Ana.GetJsonAsync($"/api/v1/tickets/{number}"))["type"]!["key"]!.GetValue<string>());

        var second = $"second_{desk.Suffix}";
        await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = second, name = "Second" });
        var patched = await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{second}", new { isDefault = true });
        Assert.True((await patched.JsonAsync())["isDefault"]!.GetValue<bool>());
        Assert.Equal([second], await DefaultsAsync(desk.Admin));
        Assert.Equal([second], await DefaultsAsync(desk.Ana));
        number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        Assert.Equal(second, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["type"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_default_cannot_be_unset_deactivated_or_deleted_and_an_inactive_type_cannot_become_it()
    {
        var desk = await Desk.BuildAsync(factory);
        var key = $"main_{desk.Suffix}";
        await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key, name = "Main", isDefault = true });

        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { isDefault = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{key}", new { active = false, name = "Renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync($"/api/v1/request-types/{key}")).StatusCode);
        var kept = await desk.Admin.GetJsonAsync($"/api/v1/request-types/{key}");
        Assert.True(kept["isDefault"]!.GetValue<bool>());
        Assert.True(kept["active"]!.GetValue<bool>());
        Assert.Equal("Main", kept["name"]!.GetValue<string>());
        Assert.Equal([key], await DefaultsAsync(desk.Admin));

        var inactive = $"inactive_{desk.Suffix}";
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = inactive, name = "Inactive", active = false, isDefault = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/request-types/{inactive}")).StatusCode);
        await desk.Admin.PostAsJsonAsync("/api/v1/request-types", new { key = inactive, name = "Inactive", active = false });
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{inactive}", new { isDefault = true })).StatusCode);
        Assert.Equal([key], await DefaultsAsync(desk.Admin));

        // Activating it in the same request is enough.
        var promoted = await desk.Admin.PatchAsJsonAsync($"/api/v1/request-types/{inactive}", new { isDefault = true, active = true });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal([inactive], await DefaultsAsync(desk.Admin));
        // No longer the default, the old one may go.
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/request-types/{key}")).StatusCode);
    }

    private static async Task<IReadOnlyList<string>> DefaultsAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/request-types"))["items"]!.AsArray()
            .Where(t => t!["isDefault"]!.GetValue<bool>()).Select(t => t!["key"]!.GetValue<string>()).ToList();
}
