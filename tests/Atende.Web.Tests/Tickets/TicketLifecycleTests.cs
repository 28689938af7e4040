using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Atende.Web.Tests.Tickets;

public sealed class TicketLifecycleTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task An_agent_opens_a_ticket_for_a_new_requester_who_is_created_and_placed_in_the_domain_organization()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.AgentInSupport.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "VPN drops every 10 minutes",
            description = "Since Monday the **VPN** disconnects.",
            requester = new { email = $"new.{desk.Suffix}@client.example", name = "Nova Pessoa" },
            priority = "high",
            tags = new[] { "VPN", "network" },
            teamId = desk.SupportTeamId,
            assigneeId = desk.SupportAgentId,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.JsonAsync();
        var number = ticket["number"]!.GetValue<int>();
        Assert.Equal($"/api/v1/tickets/{number}", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("new", ticket["status"]!["key"]!.GetValue<string>());
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
        Assert.Equal("incident", ticket["type"]!["key"]!.GetValue<string>());
        Assert.Equal("api", ticket["channel"]!.GetValue<string>());
        Assert.Equal("Nova Pessoa", ticket["requester"]!["name"]!.GetValue<string>());
        Assert.Equal(["network", "vpn"], ticket["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(desk.SupportAgentId, ticket["assignee"]!["id"]!.GetValue<int>());
        Assert.Null(ticket["firstRespondedAt"]);

        var messages = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/messages");
        var first = messages["items"]!.AsArray().Single()!;
        Assert.Equal("public", first["visibility"]!.GetValue<string>());
        Assert.Equal("customer", first["author"]!["type"]!.GetValue<string>());
        Assert.Contains("<strong>VPN</strong>", first["bodyHtml"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolving_stamps_resolvedAt_reopening_clears_it_and_every_change_is_in_the_history()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, teamId: desk.SupportTeamId);

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var resolved = await (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "resolved", priority = "urgent" })).JsonAsync();
        Assert.Equal("resolved", resolved["status"]!["category"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, resolved["resolvedAt"]!.GetValue<DateTime>());

        var reopened = await (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "in_progress" })).JsonAsync();
        Assert.Null(reopened["resolvedAt"]);

        var history = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{number}/history");
        var changes = history["items"]!.AsArray().Select(h => (h!["field"]!.GetValue<string>(), h["from"]?.GetValue<string>(), h["to"]?.GetValue<string>())).ToList();
        Assert.Contains(("status", "new", "resolved"), changes);
        Assert.Contains(("priority", "normal", "urgent"), changes);
        Assert.Contains(("status", "resolved", "in_progress"), changes);
        Assert.Contains(changes, c => c.Item1 == "resolvedAt" && c.Item3 is null);
        Assert.All(history["items"]!.AsArray(), h => Assert.Equal("Sam Support", h!["actor"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_first_public_reply_by_an_agent_stamps_firstRespondedAt_but_notes_and_customer_replies_do_not()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);

        await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Any news?" });
        await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Looking into it", visibility = "internal" });
        Assert.Null((await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["firstRespondedAt"]);

        factory.Clock.Advance(TimeSpan.FromMinutes(12));
        var reply = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Reset your password here." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var stamped = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["firstRespondedAt"]!.GetValue<DateTime>();
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stamped);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Did it work?" });
        Assert.Equal(stamped, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["firstRespondedAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_with_412_and_nothing_changes()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        var read = await desk.Admin.GetAsync($"/api/v1/tickets/{number}");
        var etag = read.Headers.ETag!.Tag;

        var first = await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "high" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);

        var stale = await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "low" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("high", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_Idempotency_Key_returns_the_first_answer_and_creates_nothing()
    {
        var desk = await Desk.BuildAsync(factory);
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
            {
                Content = JsonContent.Create(new { subject = "Duplicate-safe", description = "Once only", requester = new { email = desk.AnaEmail } }),
            };
            request.Headers.Add("Idempotency-Key", "key-" + desk.Suffix);
            return await desk.Admin.SendAsync(request);
        }

        var before = await desk.CountTicketsAsync();
        var first = await Send();
        var second = await Send();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await first.JsonAsync())["number"]!.GetValue<int>(), (await second.JsonAsync())["number"]!.GetValue<int>());
        Assert.Equal(before + 1, await desk.CountTicketsAsync());
    }

    [Fact]
    public async Task Merging_closes_the_duplicate_links_both_and_refuses_to_merge_twice()
    {
        var desk = await Desk.BuildAsync(factory);
        var keep = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Outlook crashes");
        var duplicate = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Outlook keeps crashing");

        var merged = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = keep });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var source = await merged.JsonAsync();
        Assert.Equal("closed", source["status"]!["category"]!.GetValue<string>());
        Assert.Equal(keep, source["mergedInto"]!.GetValue<int>());
        Assert.Contains(source["links"]!.AsArray(), l => l!["kind"]!.GetValue<string>() == "duplicates" && l["number"]!.GetValue<int>() == keep);
        var target = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{keep}");
        Assert.Contains(target["links"]!.AsArray(), l => l!["kind"]!.GetValue<string>() == "duplicated_by" && l["number"]!.GetValue<int>() == duplicate);
        var notes = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{keep}/messages");
        Assert.Contains(notes["items"]!.AsArray(), m => m!["visibility"]!.GetValue<string>() == "internal" && m["body"]!.GetValue<string>().Contains($"#{duplicate}"));

        var again = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{duplicate}/merge", new { into = keep });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var self = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{keep}/merge", new { into = keep });
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
    }

    [Fact]
    public async Task Links_watchers_and_time_entries_round_trip()
    {
        var desk = await Desk.BuildAsync(factory);
        var parent = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Office move", desk.SupportTeamId);
        var child = await desk.OpenAsync(desk.AgentInSupport, desk.AnaEmail, "Move printers", desk.SupportTeamId);

        var linked = await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{parent}/links", new { number = child, kind = "parent" });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var childView = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{child}");
        Assert.Equal("child", childView["links"]![0]!["kind"]!.GetValue<string>());
        var unlink = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tickets/{parent}/links") { Content = JsonContent.Create(new { number = child }) };
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.SendAsync(unlink)).StatusCode);
        Assert.Empty((await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{child}"))["links"]!.AsArray());

        var watched = await (await desk.AgentInSupport.PostAsync($"/api/v1/tickets/{parent}/watchers", null)).JsonAsync();
        Assert.Equal(desk.SupportAgentId, watched["watchers"]![0]!["id"]!.GetValue<int>());
        var unwatch = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tickets/{parent}/watchers") { Content = JsonContent.Create(new { agentId = desk.SupportAgentId }) };
        Assert.Equal(HttpStatusCode.NoContent, (await desk.AgentInSupport.SendAsync(unwatch)).StatusCode);
        Assert.Empty((await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{parent}"))["watchers"]!.AsArray());

        var logged = await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{parent}/time-entries", new { minutes = 35, note = "On site", billable = true });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await desk.AgentInSupport.PostAsJsonAsync($"/api/v1/tickets/{parent}/time-entries", new { minutes = 10, billable = false });
        var entries = await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{parent}/time-entries");
        Assert.Equal([35, 10], entries["items"]!.AsArray().Select(e => e!["minutes"]!.GetValue<int>()));
        Assert.Equal(45, (await desk.AgentInSupport.GetJsonAsync($"/api/v1/tickets/{parent}"))["timeSpentMinutes"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync($"/api/v1/tickets/{parent}/time-entries")).StatusCode);
    }

    [Fact]
    public async Task A_customer_closes_and_reopens_their_own_ticket_but_cannot_change_anything_else()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);

        var priority = await desk.Ana.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "urgent" });
        Assert.Contains("priority", await priority.ErrorFieldsAsync());
        var progress = await desk.Ana.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "in_progress" });
        Assert.Contains("status", await progress.ErrorFieldsAsync());

        var closed = await desk.Ana.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "closed" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var reopened = await desk.Ana.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "new" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Null((await reopened.JsonAsync())["resolvedAt"]);

        // Bruno shares Ana's organization: he can read her ticket, but closing it is the requester's call.
        var byBruno = await desk.Bruno.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "closed" });
        Assert.Contains("status", await byBruno.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Simultaneous_replies_and_updates_on_one_ticket_all_succeed()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        var replies = Enumerable.Range(0, 8).Select(i => desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = $"Reply {i}" }));
        var updates = Enumerable.Range(0, 4).Select(i => desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = i % 2 == 0 ? "high" : "low" }));
        var responses = await Task.WhenAll(replies.Concat(updates));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
        var messages = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}/messages");
        Assert.Equal(9, messages["items"]!.AsArray().Count);
    }
}
