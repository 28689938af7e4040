using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Automation;
using Atende.Persistence;
using Atende.Tickets;
using Atende.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Automation;

/// <summary>
/// Rules through HTTP and the real outbox: each trigger fires and its effects land as the rule, conditions hold or
/// not, stop processing, loop protection, webhooks with a protected secret, notifications. Rules are global, so every
/// rule here names its desk's organization: desks of other tests in the same database are never touched.
/// </summary>
public sealed class AutomationRulesTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task Urgent_from_the_organization_moves_to_the_team_tags_and_notifies_it_and_the_history_names_the_rule()
    {
        var desk = await Desk.BuildAsync(factory);
        var rule = await CreateAsync(desk, new
        {
            name = $"Urgent Acme to Infra {desk.Suffix}",
            trigger = new { @event = "ticket.created" },
            conditions = new
            {
                all = new object[]
                {
                    new { field = "priority", @operator = "is", value = "urgent" },
                    new { any = new object[] { new { field = "organization", @operator = "is", value = desk.AcmeId }, new { field = "tags", @operator = "contains", value = "vip" } } },
                },
            },
            actions = new object[]
            {
                new { type = "set", field = "team", value = desk.InfraTeamId },
                new { type = "addTag", value = "escalated" },
                new { type = "notify", to = "team" },
            },
        });

        var matching = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Server room is flooding", extra: new { priority = "urgent" });
        var normal = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Mouse is slow", extra: new { priority = "normal" });
        await WaitForOutboxAsync();

        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{matching}");
        Assert.Equal(desk.InfraTeamId, ticket["team"]!["id"]!.GetValue<int>());
        Assert.Contains("escalated", ticket["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var history = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{matching}/history"))["items"]!.AsArray();
        var teamChange = history.Single(h => h!["field"]!.GetValue<string>() == "team");
        Assert.Equal(rule, teamChange!["ruleId"]!.GetValue<int>());
        Assert.Equal("rule", teamChange["actor"]!["type"]!.GetValue<string>());
        Assert.Equal($"Urgent Acme to Infra {desk.Suffix}", teamChange["actor"]!["name"]!.GetValue<string>());

        var bell = (await desk.AgentInInfra.GetJsonAsync("/api/v1/me/notifications"))["items"]!.AsArray();
        Assert.Contains(bell, n => n!["ticketNumber"]!.GetValue<int>() == matching && n["kind"]!.GetValue<string>() == "rule");

        Assert.Null((await desk.Admin.GetJsonAsync($"/api/v1/tickets/{normal}"))["team"]);
        var firings = (await desk.Admin.GetJsonAsync($"/api/v1/automation-rules/{rule}/firings"))["items"]!.AsArray();
        var firing = Assert.Single(firings);
        Assert.Equal(matching, firing!["ticketNumber"]!.GetValue<int>());
        Assert.Equal("fired", firing["outcome"]!.GetValue<string>());

        var test = await (await desk.Admin.PostAsJsonAsync($"/api/v1/automation-rules/{rule}/test", new { ticketNumber = normal })).JsonAsync();
        Assert.False(test["wouldFire"]!.GetValue<bool>());
        Assert.Contains("priority is \"urgent\", but it is \"normal\"", test["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var yes = await (await desk.Admin.PostAsJsonAsync($"/api/v1/automation-rules/{rule}/test", new { ticketNumber = matching })).JsonAsync();
        Assert.True(yes["wouldFire"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Replies_notes_and_field_changes_each_trigger_their_rules()
    {
        var desk = await Desk.BuildAsync(factory);
        var acme = new { field = "organization", @operator = "is", value = desk.AcmeId };
        await CreateAsync(desk, Rule($"customer {desk.Suffix}", new { @event = "message.fromCustomer" }, acme, new { type = "addTag", value = "customer-replied" }));
        await CreateAsync(desk, Rule($"agent {desk.Suffix}", new { @event = "message.fromAgent" }, acme, new { type = "addTag", value = "agent-replied" }));
        await CreateAsync(desk, Rule($"note {desk.Suffix}", new { @event = "note.added" }, acme, new { type = "addWatcher", agentId = desk.SupportAgentId }));
        await CreateAsync(desk, Rule($"status {desk.Suffix}", new { @event = "ticket.updated", field = "status" }, acme, new { type = "set", field = "priority", value = "high" }));
        await CreateAsync(desk, Rule($"email {desk.Suffix}", new { @event = "ticket.created" }, acme, new { type = "email", template = "acknowledge" }));

        var number = await Desk.OpenOwnAsync(desk.Ana);
        Assert.Equal(HttpStatusCode.Created, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Any news?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Looking at it.", visibility = "public" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Call them.", visibility = "internal" })).StatusCode);
        // A subject change is an update, but not of the status: that rule must stay quiet until the status moves.
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { subject = "Portal login fails" })).StatusCode);
        await WaitForOutboxAsync();
        Assert.Equal("normal", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["priority"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "awaiting_customer" })).StatusCode);
        await WaitForOutboxAsync();

        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}");
        var tags = ticket["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("customer-replied", tags);
        Assert.Contains("agent-replied", tags);
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
        await using var db = factory.CreateDb();
        Assert.True(await db.TicketWatchers.AnyAsync(w => w.TicketId == number && w.AgentId == desk.SupportAgentId));
        var mail = await db.OutboundEmails.SingleAsync(m => m.TicketId == number && m.Kind == "rule.acknowledge");
        Assert.Equal(desk.AnaEmail, mail.To);
        Assert.Equal("rule.acknowledge", mail.Kind);
        Assert.Contains("Recebemos", mail.Subject, StringComparison.Ordinal); // Ana reads Portuguese
    }

    [Fact]
    public async Task A_rule_that_stops_processing_keeps_later_rules_from_running()
    {
        var desk = await Desk.BuildAsync(factory);
        var acme = new { field = "organization", @operator = "is", value = desk.AcmeId };
        var first = await CreateAsync(desk, Rule($"first {desk.Suffix}", new { @event = "ticket.created" }, acme, new { type = "addTag", value = "first" }, stop: true));
        var second = await CreateAsync(desk, Rule($"second {desk.Suffix}", new { @event = "ticket.created" }, acme, new { type = "addTag", value = "second" }));

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await WaitForOutboxAsync();
        var tags = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("first", tags);
        Assert.DoesNotContain("second", tags);
        Assert.Empty((await desk.Admin.GetJsonAsync($"/api/v1/automation-rules/{second}/firings"))["items"]!.AsArray());
        Assert.Single((await desk.Admin.GetJsonAsync($"/api/v1/automation-rules/{first}/firings"))["items"]!.AsArray());

        // Disabled, the first rule no longer stops the second.
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/automation-rules/{first}", new { enabled = false })).StatusCode);
        var next = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Another one");
        await WaitForOutboxAsync();
        tags = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{next}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Equal(["second"], tags);
    }

    [Fact]
    public async Task Two_rules_undoing_each_other_stop_at_the_depth_cap_and_the_stop_is_logged()
    {
        var desk = await Desk.BuildAsync(factory);
        object Priority(string value) => new { all = new object[] { new { field = "organization", @operator = "is", value = desk.AcmeId }, new { field = "priority", @operator = "is", value } } };
        var up = await CreateAsync(desk, Rule($"up {desk.Suffix}", new { @event = "ticket.updated", field = "priority" }, Priority("high"), new { type = "set", field = "priority", value = "urgent" }));
        var down = await CreateAsync(desk, Rule($"down {desk.Suffix}", new { @event = "ticket.updated", field = "priority" }, Priority("urgent"), new { type = "set", field = "priority", value = "high" }));

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "high" })).StatusCode);
        await WaitForOutboxAsync();

        await using var db = factory.CreateDb();
        var firings = await db.RuleFirings.Where(f => f.TicketId == number).OrderBy(f => f.Id).ToListAsync();
        var log = string.Join("\n", firings.Select(f => $"{f.RuleId} {f.Depth} {f.OutboxMessageId} {f.Outcome} {f.Detail}"));
        // Each rule sees the other's change (within an event and in the next one), never its own; the chain ends at the cap.
        Assert.True(firings.Count is >= 6 and <= 2 * RunAutomationRules.MaxDepth + 1, log);
        Assert.All(firings.SkipLast(1), f => Assert.Equal(RuleFiringOutcome.Fired, f.Outcome));
        Assert.Equal(RuleFiringOutcome.LoopStopped, firings[^1].Outcome);
        Assert.Equal(RunAutomationRules.MaxDepth, firings[^1].Depth);
        Assert.Equal(firings.Select(f => f.RuleId).Distinct().Order(), new[] { up, down }.Order());
        Assert.All(firings.Zip(firings.Skip(1)), pair => Assert.True(pair.Second.Depth - pair.First.Depth <= 1, log));
        var stopped = (await desk.Admin.GetJsonAsync($"/api/v1/automation-rules/{firings[^1].RuleId}/firings"))["items"]!.AsArray();
        Assert.Equal("loopStopped", stopped[0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_action_queues_a_request_with_the_secret_protected_and_the_api_never_returns_it()
    {
        var desk = await Desk.BuildAsync(factory);
        const string secret = "s3cret-for-the-receiver";
        var rule = await CreateAsync(desk, Rule($"hook {desk.Suffix}", new { @event = "ticket.created" },
            new { field = "organization", @operator = "is", value = desk.AcmeId },
            new { type = "webhook", url = "https://example.test/hook", secret }));

        var read = await desk.Admin.GetStringAsync($"/api/v1/automation-rules/{rule}");
        Assert.DoesNotContain(secret, read, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(read)!["actions"]![0]!["hasSecret"]!.GetValue<bool>());
        Assert.DoesNotContain(secret, await desk.Admin.GetStringAsync("/api/v1/automation-rules"), StringComparison.Ordinal);
        // Saving the actions again without the secret keeps it.
        var patched = await desk.Admin.PatchAsJsonAsync($"/api/v1/automation-rules/{rule}", new { actions = new object[] { new { type = "webhook", url = "https://example.test/hook" } } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.True((await patched.JsonAsync())["actions"]![0]!["hasSecret"]!.GetValue<bool>());

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await WaitForOutboxAsync();
        await using var db = factory.CreateDb();
        var stored = await db.AutomationRules.SingleAsync(r => r.Id == rule);
        Assert.DoesNotContain(secret, stored.ActionsJson, StringComparison.Ordinal);
        var messages = await db.Outbox.Where(m => m.Type == WebhookRequest.MessageType).ToListAsync();
        var request = messages.Select(m => JsonSerializer.Deserialize<WebhookRequest>(m.Payload)!).Single(r => r.TicketNumber == number);
        Assert.DoesNotContain(secret, messages.Single(m => m.Payload.Contains($"\"TicketNumber\":{number}", StringComparison.Ordinal)).Payload, StringComparison.Ordinal);
        Assert.Equal("https://example.test/hook", request.Url);
        Assert.Equal(rule, request.RuleId);
        Assert.Equal(secret, WebhookRequest.UnprotectSecret(factory.Services.GetRequiredService<IDataProtectionProvider>(), request.ProtectedSecret!));
        Assert.Equal(number, JsonNode.Parse(request.BodyJson)!["ticket"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task Escalate_raises_the_priority_and_notifies_the_team_lead()
    {
        var desk = await Desk.BuildAsync(factory);
        await using (var db = factory.CreateDb())
        {
            var team = await db.Teams.SingleAsync(t => t.Id == desk.SupportTeamId);
            team.SetLead(desk.SupportAgentId);
            await db.SaveChangesAsync();
        }
        await CreateAsync(desk, Rule($"escalate {desk.Suffix}", new { @event = "message.fromCustomer" },
            new { field = "organization", @operator = "is", value = desk.AcmeId }, new { type = "escalate" }));

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        Assert.Equal(HttpStatusCode.Created, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Still broken!" })).StatusCode);
        await WaitForOutboxAsync();

        Assert.Equal("high", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["priority"]!.GetValue<string>());
        var bell = (await desk.AgentInSupport.GetJsonAsync("/api/v1/me/notifications"))["items"]!.AsArray();
        Assert.Contains(bell, n => n!["ticketNumber"]!.GetValue<int>() == number && n["kind"]!.GetValue<string>() == "escalated");
    }

    [Fact]
    public async Task An_idle_ticket_fires_its_time_rule_once_from_the_rules_timer()
    {
        var desk = await Desk.BuildAsync(factory);
        var rule = await CreateAsync(desk, Rule($"idle {desk.Suffix}", new { @event = "time.idle", hours = 4 },
            new { field = "organization", @operator = "is", value = desk.AcmeId }, new { type = "note", body = "Nobody touched this for 4 hours." }));
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await WaitForOutboxAsync();

        await using var db = factory.CreateDb();
        var timer = await db.ScheduledEvents.SingleAsync(e => e.TicketId == number && e.Key == $"rule:{rule}");
        Assert.Equal(TicketEvents.TimeIdle, timer.Type);
        var created = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["updatedAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.Equal(created.AddHours(4), timer.DueAt, TimeSpan.FromSeconds(1));

        // The scheduler (the SLA module's) turns a due timer into this event; here it is written by hand at the due time.
        var fired = new TicketEvent(TicketEvents.TimeIdle, number, null, null, [$"rule:{rule}"], null, timer.DueAt);
        db.ScheduledEvents.Remove(timer);
        db.Outbox.Add(new OutboxMessage { Type = fired.Type, Payload = JsonSerializer.Serialize(fired), CreatedAt = timer.DueAt, AvailableAt = factory.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        await WaitForOutboxAsync();

        var history = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
        // Not due yet (the clock has not moved): the fired event is a hint and the rule re-checks the ticket.
        Assert.DoesNotContain(history, m => m!["body"]!.GetValue<string>().StartsWith("Nobody touched", StringComparison.Ordinal));

        factory.Clock.Advance(TimeSpan.FromHours(5));
        await using var again = factory.CreateDb();
        again.Outbox.Add(new OutboxMessage { Type = fired.Type, Payload = JsonSerializer.Serialize(fired), CreatedAt = timer.DueAt, AvailableAt = factory.Clock.GetUtcNow().UtcDateTime });
        await again.SaveChangesAsync();
        await WaitForOutboxAsync();
        var messages = (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}/messages"))["items"]!.AsArray();
        Assert.Single(messages, m => m!["body"]!.GetValue<string>() == "Nobody touched this for 4 hours.");
        // Its own note does not restart its own timer: it fires once per quiet spell.
        Assert.False(await factory.CreateDb().ScheduledEvents.AnyAsync(e => e.TicketId == number && e.Key == $"rule:{rule}"));
    }

    [Fact]
    public async Task Sla_events_from_the_scheduler_run_their_rules_and_other_events_do_not()
    {
        var desk = await Desk.BuildAsync(factory);
        var acme = new { field = "organization", @operator = "is", value = desk.AcmeId };
        await CreateAsync(desk, Rule($"breach {desk.Suffix}", new { @event = "sla.breached" }, acme, new { type = "addTag", value = "sla-breached" }));
        await CreateAsync(desk, Rule($"warn {desk.Suffix}", new { @event = "sla.warning", minutes = 30 }, acme, new { type = "notify", to = "team" }));
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        await WaitForOutboxAsync();
        Assert.DoesNotContain("sla-breached", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        // The SLA scheduler writes these when a target is due; here they are written as it would.
        await using (var db = factory.CreateDb())
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            foreach (var type in new[] { TicketEvents.SlaWarning, TicketEvents.SlaBreached })
            {
                var fired = new TicketEvent(type, number, null, null, ["resolution"], null, now);
                db.Outbox.Add(new OutboxMessage { Type = type, Payload = JsonSerializer.Serialize(fired), CreatedAt = now, AvailableAt = now });
            }
            await db.SaveChangesAsync();
        }
        await WaitForOutboxAsync();

        Assert.Contains("sla-breached", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var bell = (await desk.AgentInSupport.GetJsonAsync("/api/v1/me/notifications"))["items"]!.AsArray();
        Assert.Contains(bell, n => n!["ticketNumber"]!.GetValue<int>() == number && n["kind"]!.GetValue<string>() == "rule");
    }

    [Fact]
    public async Task Assign_routes_by_the_rules_strategy_even_in_a_manual_team_and_the_firing_says_to_whom()
    {
        var desk = await Desk.BuildAsync(factory);
        var rule = await CreateAsync(desk, Rule($"assign {desk.Suffix}", new { @event = "ticket.created" },
            new { field = "organization", @operator = "is", value = desk.AcmeId }, new { type = "assign", strategy = "roundRobin" }));
        // The Support team is manual: only the rule's strategy can assign, and Sam is its one available member.
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        await WaitForOutboxAsync();

        var firing = Assert.Single((await desk.Admin.GetJsonAsync($"/api/v1/automation-rules/{rule}/firings"))["items"]!.AsArray());
        Assert.Equal(number, firing!["ticketNumber"]!.GetValue<int>());
        Assert.StartsWith("assigned to Sam Support", firing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(desk.SupportAgentId, (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["assignee"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Custom_field_values_are_checked_against_the_form_when_the_rule_runs()
    {
        var desk = await Desk.BuildAsync(factory);
        var rule = await CreateAsync(desk, Rule($"field {desk.Suffix}", new { @event = "ticket.created" },
            new { field = "organization", @operator = "is", value = desk.AcmeId },
            new { type = "set", field = "fields.no_such_field", value = "x" }, new { type = "addTag", value = "still-runs" }));
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail);
        await WaitForOutboxAsync();

        var firing = Assert.Single((await desk.Admin.GetJsonAsync($"/api/v1/automation-rules/{rule}/firings"))["items"]!.AsArray());
        Assert.Equal("partial", firing!["outcome"]!.GetValue<string>());
        Assert.Contains("skipped", firing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("still-runs", (await desk.Admin.GetJsonAsync($"/api/v1/tickets/{number}"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Rules_are_for_admins_refuse_bad_input_at_its_place_and_can_be_reordered_and_deleted()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.GetAsync("/api/v1/automation-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.PostAsJsonAsync("/api/v1/automation-rules", new { name = "x" })).StatusCode);

        var bad = await desk.Admin.PostAsJsonAsync("/api/v1/automation-rules", new
        {
            name = "",
            trigger = new { @event = "time.idle" },
            conditions = new { all = new object[] { new { field = "priority", @operator = "contains", value = "urgent" } } },
            actions = new object[] { new { type = "set", field = "team", value = 999_999 }, new { type = "notify", to = "everyone" }, new { type = "fly" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync())["errors"]!.AsObject();
        foreach (var place in new[] { "name", "trigger.hours", "conditions.all[0].operator", "actions[0].value", "actions[1].to", "actions[2].type" })
        {
            Assert.True(errors.ContainsKey(place), $"{place} missing in {errors.ToJsonString()}");
        }

        var acme = new { field = "organization", @operator = "is", value = desk.AcmeId };
        var a = await CreateAsync(desk, Rule($"a {desk.Suffix}", new { @event = "ticket.created" }, acme, new { type = "addTag", value = "a" }));
        var b = await CreateAsync(desk, Rule($"b {desk.Suffix}", new { @event = "ticket.created" }, acme, new { type = "addTag", value = "b" }));
        var all = (await desk.Admin.GetJsonAsync("/api/v1/automation-rules"))["items"]!.AsArray().Select(r => r!["id"]!.GetValue<int>()).ToList();
        var reversed = Enumerable.Reverse(all).ToList();
        var reorder = await desk.Admin.PostAsJsonAsync("/api/v1/automation-rules/reorder", new { ids = reversed });
        Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        Assert.Equal(reversed, (await desk.Admin.GetJsonAsync("/api/v1/automation-rules"))["items"]!.AsArray().Select(r => r!["id"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Admin.PostAsJsonAsync("/api/v1/automation-rules/reorder", new { ids = new[] { a } })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/automation-rules/{b}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/automation-rules/{b}")).StatusCode);
    }

    private static object Rule(string name, object trigger, object conditions, object action, bool stop = false) =>
        new { name, trigger, conditions, actions = new[] { action }, stopProcessing = stop };

    private static object Rule(string name, object trigger, object conditions, object action, object second) =>
        new { name, trigger, conditions, actions = new[] { action, second } };

    private static async Task<int> CreateAsync(Desk desk, object rule)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/automation-rules", rule);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<int>();
    }

    /// <summary>Waits until every outbox message is handled (rules' own events included).</summary>
    private async Task WaitForOutboxAsync()
    {
        var clock = Stopwatch.StartNew();
        while (await factory.CreateDb().Outbox.AnyAsync(m => m.ProcessedAt == null))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the outbox did not drain");
            await Task.Delay(50);
        }
    }
}
