using System.Text.Json.Nodes;
using Atende.Catalog;

namespace Atende.Tests.Catalog;

public sealed class FormFieldTests
{
    private static RequestType AccessRequest()
    {
        var type = new RequestType("access", "Access", null, null, null, 1);
        type.Fields.Add(new FormField("system", "System", FormFieldType.Dropdown, true, ["SAP", "Jira"], 1, null));
        type.Fields.Add(new FormField("startDate", "Start", FormFieldType.Date, false, [], 2, null));
        type.Fields.Add(new FormField("seats", "Seats", FormFieldType.Number, false, [], 3, null));
        type.Fields.Add(new FormField("notify", "Notify", FormFieldType.Email, false, [], 4, null));
        type.Fields.Add(new FormField("modules", "Modules", FormFieldType.MultiSelect, false, ["FI", "MM"], 5, null));
        type.Fields.Add(new FormField("urgent", "Urgent", FormFieldType.Checkbox, false, [], 6, null));
        return type;
    }

    private static (JsonObject Result, IReadOnlyCollection<string> Errors) Validate(string json, string? current = null)
    {
        var errors = new ValidationErrors();
        var result = AccessRequest().ValidateFields(JsonNode.Parse(json)!.AsObject(), current is null ? null : JsonNode.Parse(current)!.AsObject(), errors);
        try
        {
            errors.ThrowIfAny();
            return (result, []);
        }
        catch (InvalidRequestException e)
        {
            return (result, e.Errors.Keys.ToList());
        }
    }

    [Fact]
    public void Valid_values_are_kept_and_normalized()
    {
        var (result, errors) = Validate("""{"system":"SAP","startDate":"2026-12-01","seats":3,"notify":"Boss@Acme.Example","modules":["FI","FI"],"urgent":true}""");
        Assert.Empty(errors);
        Assert.Equal("""{"system":"SAP","startDate":"2026-12-01","seats":3,"notify":"boss@acme.example","modules":["FI"],"urgent":true}""", result.ToJsonString());
    }

    [Theory]
    [InlineData("""{"startDate":"2026-12-01"}""", "fields.system")]
    [InlineData("""{"system":"Oracle"}""", "fields.system")]
    [InlineData("""{"system":"SAP","startDate":"01/12/2026"}""", "fields.startDate")]
    [InlineData("""{"system":"SAP","seats":"three"}""", "fields.seats")]
    [InlineData("""{"system":"SAP","notify":"not-an-email"}""", "fields.notify")]
    [InlineData("""{"system":"SAP","modules":["FI","HR"]}""", "fields.modules")]
    [InlineData("""{"system":"SAP","urgent":"yes"}""", "fields.urgent")]
    [InlineData("""{"system":"SAP","colour":"red"}""", "fields.colour")]
    public void Invalid_values_missing_required_fields_and_unknown_keys_are_named(string json, string field)
    {
        var (_, errors) = Validate(json);
        Assert.Contains(field, errors);
    }

    [Fact]
    public void On_update_kept_values_satisfy_required_fields()
    {
        var (result, errors) = Validate("""{"seats":5}""", current: """{"system":"Jira","seats":1}""");
        Assert.Empty(errors);
        Assert.Equal("""{"system":"Jira","seats":5}""", result.ToJsonString());
    }
}
