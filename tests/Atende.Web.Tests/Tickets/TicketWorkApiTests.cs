using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Tickets;

/// <summary>What an agent does on the ticket page besides editing fields: timers, reply-and-set-status, mentions.</summary>
public sealed class TicketWorkApiTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Stopping_a_timer_logs_the_minutes_the_clock_ran_and_counts_them_on_the_ticket()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        var timerUrl = $"/api/v1/tickets/{number}/timer";

        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.GetAsync(timerUrl)).StatusCode);
        var started = await (await desk.AgentInSupport.PostAsJsonAsync(timerUrl, new { billable = false, note = "Remote session" })).JsonAsync();
        var startedAt = started["startedAt"]!.GetValue<DateTime>();
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, startedAt);

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        // Started again from another device: the clock keeps running from the first start.
        var again = await (await desk.AgentInSupport.PostAsync(timerUrl, null)).JsonAsync();
        Assert.Equal(startedAt, again["startedAt"]!.GetValue<DateTime>());
        Assert.Equal(600, again["elapsedSeconds"]!.GetValue<long>());

        factory.Clock.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(20)));
        var stop = await desk.AgentInSupport.PostAsync($"{timerUrl}/stop", null);
        Assert.Equal(HttpStatusCode.Created, stop.StatusCode);
        var entry = await stop.JsonAsync();
        Assert.Equal(25, entry["minutes"]!.GetValue<int>());
        Assert.False(entry["billable"]!.GetValue<bool>());
        Assert.Equal("Remote session", entry["note"]!.GetValue<string>());
        Assert.Equal(desk.SupportAgentId, entry["agent"]!["id"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.GetAsync(timerUrl)).StatusCode);
        Assert.Equal(25, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}"))["timeSpentMinutes"]!.GetValue<int>());
        var entries = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/time-entries");
        Assert.Equal(25, entries["items"]!.AsArray().Single()!["minutes"]!.GetValue<int>());

        // The second stop (the other device) finds no timer and logs nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.AgentInSupport.PostAsync($"{timerUrl}/stop", null)).StatusCode);
        Assert.Single((await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/time-entries"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Timers_are_per_agent_and_a_ticket_the_agent_cannot_see_has_none()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        var timerUrl = $"/api/v1/tickets/{number}/timer";
        await desk.AgentInSupport.PostAsync(timerUrl, null);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await desk.Admin.PostAsync(timerUrl, null);

        Assert.Equal(300, (await desk.AgentInSupport.GetJsonAsync(timerUrl))["elapsedSeconds"]!.GetValue<long>());
        Assert.Equal(0, (await desk.Admin.GetJsonAsync(timerUrl))["elapsedSeconds"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.PostAsync(timerUrl, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.AgentInInfra.GetAsync(timerUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsync(timerUrl, null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(timerUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.GetAsync(timerUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.GetAsync(timerUrl)).StatusCode);
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}/time-entries"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_timer_forgotten_for_more_than_a_day_is_corrected_at_stop_and_keeps_running_until_then()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        var timerUrl = $"/api/v1/tickets/{number}/timer";
        await desk.AgentInSupport.PostAsync(timerUrl, null);
        factory.Clock.Advance(TimeSpan.FromHours(30));

        Assert.Equal(["minutes"], await (await desk.AgentInSupport.PostAsync($"{timerUrl}/stop", null)).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.GetAsync(timerUrl)).StatusCode);

        var corrected = await desk.AgentInSupport.PostAsJsonAsync($"{timerUrl}/stop", new { minutes = 90, billable = true, note = "Migration" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(90, (await corrected.JsonAsync())["minutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Manual_entries_and_the_estimate_go_through_the_existing_endpoints()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        Assert.Equal(HttpStatusCode.Created, (await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/time-entries", new { minutes = 15, billable = false })).StatusCode);
        var ticket = await (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { estimateMinutes = 120 })).JsonAsync();
        Assert.Equal(120, ticket["estimateMinutes"]!.GetValue<int>());
        Assert.Equal(15, ticket["timeSpentMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reply_and_set_status_saves_the_message_and_the_status_together()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);

        var reply = await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = "Please restart the router and tell me.", status = "awaiting_customer" });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var ticket = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal("awaiting_customer", ticket["status"]!["key"]!.GetValue<string>());
        Assert.NotNull(ticket["firstRespondedAt"]);
        var history = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/history");
        Assert.Contains(history["items"]!.AsArray(), h => h!["field"]!.GetValue<string>() == "status" &&
            h["from"]!.GetValue<string>() == "new" && h["to"]!.GetValue<string>() == "awaiting_customer");
        Assert.Equal(2, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task When_either_half_of_reply_and_set_status_is_refused_neither_happens()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        var messagesUrl = $"/api/v1/tickets/{number}/messages";

        var unknownStatus = await desk.AgentInSupport.PostAsJsonAsync(messagesUrl, new { body = "Done.", status = "finished" });
        Assert.Equal(["status"], await unknownStatus.ErrorFieldsAsync());
        // A valid status with a bad attachment: the status must not change on its own.
        var badAttachment = await desk.AgentInSupport.PostAsJsonAsync(messagesUrl, new { body = "Done.", status = "resolved", attachments = new[] { 999999 } });
        Assert.Equal(["attachments[0]"], await badAttachment.ErrorFieldsAsync());
        var customer = await desk.Ana.PostAsJsonAsync(messagesUrl, new { body = "Fixed myself", status = "closed" });
        Assert.Equal(["status"], await customer.ErrorFieldsAsync());

        var ticket = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal("new", ticket["status"]!["key"]!.GetValue<string>());
        Assert.Single((await desk.AgentInSupport.GetJsonAsync(messagesUrl))["items"]!.AsArray());
    }

    [Fact]
    public async Task An_internal_note_can_set_the_status_too()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);
        var note = await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = "Working on it with the vendor.", visibility = "internal", status = "in_progress" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var ticket = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal("in_progress", ticket["status"]!["key"]!.GetValue<string>());
        Assert.Null(ticket["firstRespondedAt"]);
    }

    [Fact]
    public async Task Mention_suggestions_list_active_agents_by_handle_or_name_prefix()
    {
        var desk = await Desk.BuildAsync(factory);

        var byHandle = await desk.AgentInInfra.GetJsonAsync($"/api/v1/agents/mentions?prefix=@sam.{desk.Suffix}");
        var sam = byHandle["items"]!.AsArray().Single()!;
        Assert.Equal("Sam Support", sam["name"]!.GetValue<string>());
        Assert.Equal($"sam.{desk.Suffix}", sam["handle"]!.GetValue<string>());
        Assert.Equal(desk.SupportAgentId, sam["id"]!.GetValue<int>());

        var byName = await desk.AgentInInfra.GetJsonAsync("/api/v1/agents/mentions?prefix=ivo&limit=50");
        Assert.Contains(byName["items"]!.AsArray(), i => i!["handle"]!.GetValue<string>() == $"ivo.{desk.Suffix}");
        Assert.All(byName["items"]!.AsArray(), i => Assert.StartsWith("ivo", i!["name"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));

        await desk.Admin.DeleteAsync($"/api/v1/agents/{desk.SupportAgentId}");
        Assert.Empty((await desk.AgentInInfra.GetJsonAsync($"/api/v1/agents/mentions?prefix=sam.{desk.Suffix}"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/agents/mentions?prefix=sam")).StatusCode);
    }
}
