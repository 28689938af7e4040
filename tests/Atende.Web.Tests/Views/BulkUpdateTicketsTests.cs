using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Views;

public sealed class BulkUpdateTicketsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static Dictionary<int, JsonNode> Outcomes(JsonObject result) =>
        result["results"]!.AsArray().ToDictionary(r => r!["number"]!.GetValue<int>(), r => r!);

    [Fact]
    public async Task A_bulk_change_applies_to_each_ticket_and_reports_the_ones_refused()
    {
        var desk = await Desk.BuildAsync(factory);
        var one = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "One", desk.SupportTeamId, extra: new { tags = new[] { "printer" } });
        var two = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Two", desk.SupportTeamId);
        var infra = await desk.OpenAsync(desk.Admin, desk.CarlaEmail, "Not Sam's", desk.InfraTeamId);

        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets/bulk", new
        {
            numbers = new[] { one, infra, two },
            assigneeId = desk.SupportAgentId,
            status = "in_progress",
            priority = "high",
            addTag = "Floor-3",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        var outcomes = Outcomes(result);
        Assert.True(outcomes[one]["ok"]!.GetValue<bool>());
        Assert.True(outcomes[two]["ok"]!.GetValue<bool>());
        Assert.False(outcomes[infra]["ok"]!.GetValue<bool>());
        Assert.Contains("not found", outcomes[infra]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, result["succeeded"]!.GetValue<int>());
        Assert.Equal(1, result["failed"]!.GetValue<int>());

        var ticket = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{one}");
        Assert.Equal(desk.SupportAgentId, ticket["assignee"]!["id"]!.GetValue<int>());
        Assert.Equal("in_progress", ticket["status"]!["key"]!.GetValue<string>());
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
        Assert.Equal(["floor-3", "printer"], ticket["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Equal("new", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{infra}"))["status"]!["key"]!.GetValue<string>());
        // Each ticket's history says who changed what, as for a single change.
        var history = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{two}/history");
        Assert.Contains(history["items"]!.AsArray(), h => h!["field"]!.GetValue<string>() == "priority");
    }

    [Fact]
    public async Task The_rules_of_a_single_change_hold_for_each_ticket()
    {
        var desk = await Desk.BuildAsync(factory);
        var support = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Support's", desk.SupportTeamId);
        var noTeam = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Nobody's");

        // Ivo is not in Support: assigning him fails on the Support ticket only.
        var result = await (await desk.Admin.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { support, noTeam }, assigneeId = desk.InfraAgentId })).JsonAsync();
        var outcomes = Outcomes(result);
        Assert.False(outcomes[support]["ok"]!.GetValue<bool>());
        Assert.Contains("not a member", outcomes[support]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(outcomes[noTeam]["ok"]!.GetValue<bool>());

        var badStatus = await (await desk.Admin.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { support }, status = "nope" })).JsonAsync();
        Assert.StartsWith("status:", Outcomes(badStatus)[support]["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_merge_folds_tickets_into_one_target()
    {
        var desk = await Desk.BuildAsync(factory);
        var target = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Printer jammed", desk.SupportTeamId);
        var dupA = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Printer jammed again", desk.SupportTeamId);
        var dupB = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Printer still jammed", desk.SupportTeamId);

        var result = await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { target, dupA, dupB }, mergeInto = target })).JsonAsync();
        Assert.Equal([dupA, dupB], Outcomes(result).Keys);
        Assert.Equal(2, result["succeeded"]!.GetValue<int>());
        Assert.Equal(target, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{dupA}"))["mergedInto"]!.GetValue<int>());
        Assert.Equal("closed", (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{dupB}"))["status"]!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_bulk_requests_are_refused_whole()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Any", desk.SupportTeamId);

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { number }, priority = "low" })).StatusCode);
        Assert.Equal(["numbers"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = Enumerable.Range(1, 101), priority = "low" })).ErrorFieldsAsync());
        Assert.Equal(["body"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { number } })).ErrorFieldsAsync());
        Assert.Equal(["mergeInto"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { number }, mergeInto = 1, priority = "low" })).ErrorFieldsAsync());
        Assert.Equal(["addTag"], await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets/bulk", new { numbers = new[] { number }, addTag = "two words" })).ErrorFieldsAsync());
    }
}
