using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Notifications;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Notifications;

/// <summary>The bell: who hears about what, once, and only about tickets they can see.</summary>
public sealed class NotificationsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Fact]
    public async Task A_mention_notifies_the_named_agent_who_can_see_the_ticket_and_nobody_else()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        var support = await HandleAsync(desk.AgentInSupport);
        var infra = await HandleAsync(desk.AgentInInfra);

        // Infra cannot see a Support ticket: naming them must not leak its subject into their bell.
        var note = await desk.Admin.PostAsJsonAsync($"/api/v1/tickets/{number}/messages",
            new { body = $"@{support} can you call the customer? (cc @{infra}, mail ana@{support}.example)", visibility = "internal" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        // Sam hears of the new ticket in his team, then of the mention.
        var mine = await WaitForNotificationsAsync(desk.AgentInSupport, 2);
        var mention = Assert.Single(mine, n => n!["kind"]!.GetValue<string>() == "mention");
        Assert.Equal(number, mention!["ticketNumber"]!.GetValue<int>());
        Assert.Equal("Printer on floor 3 is jammed", mention["ticketSubject"]!.GetValue<string>());
        await WaitForOutboxAsync();
        Assert.Empty(await ItemsAsync(desk.AgentInInfra));
        Assert.Empty(await ItemsAsync(desk.Admin));
    }

    [Fact]
    public async Task An_assignment_by_someone_else_notifies_the_assignee_and_a_self_assignment_does_not()
    {
        var desk = await Desk.BuildAsync(factory);
        var byAdmin = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        var byHimself = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "VPN drops every hour", teamId: desk.SupportTeamId);

        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{byAdmin}", new { assigneeId = desk.SupportAgentId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PatchAsJsonAsync($"/api/v1/tickets/{byHimself}", new { assigneeId = desk.SupportAgentId })).StatusCode);

        await WaitForOutboxAsync();
        // Both tickets were new in Sam's team (a "newTicket" each); only the admin's assignment is an "assigned".
        var items = await ItemsAsync(desk.AgentInSupport);
        Assert.Equal(2, items.Count(n => n!["kind"]!.GetValue<string>() == "newTicket"));
        var only = Assert.Single(items, n => n!["kind"]!.GetValue<string>() == "assigned");
        Assert.Equal("assigned", only!["kind"]!.GetValue<string>());
        Assert.Equal(byAdmin, only["ticketNumber"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_customer_reply_on_a_watched_ticket_notifies_the_watcher_and_marking_read_clears_the_bell()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await Desk.OpenOwnAsync(desk.Ana);
        Assert.Equal(HttpStatusCode.OK, (await desk.AgentInSupport.PostAsync($"/api/v1/tickets/{number}/watchers", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await desk.Ana.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Any news?" })).StatusCode);

        var items = await WaitForNotificationsAsync(desk.AgentInSupport, 1);
        Assert.Equal("reply", items[0]!["kind"]!.GetValue<string>());
        Assert.Equal(1, (await desk.AgentInSupport.GetJsonAsync("/api/v1/me/notifications/unread-count"))["unread"]!.GetValue<int>());

        // Someone else's ids are ignored, never touched.
        var id = items[0]!["id"]!.GetValue<int>();
        var foreign = await (await desk.AgentInInfra.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids = new[] { id } })).JsonAsync();
        Assert.Equal(0, foreign["marked"]!.GetValue<int>());
        Assert.Equal(1, (await desk.AgentInSupport.GetJsonAsync("/api/v1/me/notifications/unread-count"))["unread"]!.GetValue<int>());

        var marked = await (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/me/notifications/read", new { all = true })).JsonAsync();
        Assert.Equal(1, marked["marked"]!.GetValue<int>());
        Assert.Equal(0, (await desk.AgentInSupport.GetJsonAsync("/api/v1/me/notifications/unread-count"))["unread"]!.GetValue<int>());
        Assert.Empty((await desk.AgentInSupport.GetJsonAsync("/api/v1/me/notifications?unread=true"))["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/me/notifications/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/me/notifications")).StatusCode);
    }

    [Fact]
    public async Task Handling_the_same_event_twice_notifies_once()
    {
        var desk = await Desk.BuildAsync(factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, teamId: desk.SupportTeamId);
        await desk.Admin.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { assigneeId = desk.SupportAgentId });
        await WaitForNotificationsAsync(desk.AgentInSupport, 2);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
        var notification = await db.Notifications.SingleAsync(n => n.TicketId == number && n.Kind == NotificationKind.Assigned);
        var message = await db.Outbox.SingleAsync(m => m.Id == notification.OutboxMessageId);
        var handler = factory.Services.GetServices<IOutboxHandler>().OfType<NotifyAgents>().Single();
        await handler.HandleAsync(message, db, CancellationToken.None);

        Assert.Equal(1, await factory.CreateDb().Notifications.CountAsync(n => n.TicketId == number && n.Kind == NotificationKind.Assigned));
        Assert.Equal(1, await factory.CreateDb().OutboundEmails.CountAsync(e => e.TicketId == number && e.Kind == "agent.assigned"));
    }

    private static async Task<string> HandleAsync(HttpClient agent)
    {
        var email = (await agent.GetJsonAsync("/api/v1/me"))["email"]!.GetValue<string>();
        return email[..email.IndexOf('@', StringComparison.Ordinal)];
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient agent) =>
        (await agent.GetJsonAsync("/api/v1/me/notifications"))["items"]!.AsArray();

    /// <summary>Notifications come from the outbox, a moment after the change: wait for them, up to 15 s.</summary>
    private static async Task<JsonArray> WaitForNotificationsAsync(HttpClient agent, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = await ItemsAsync(agent);
            if (items.Count >= count || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.True(items.Count >= count, $"Expected {count} notifications, got {items.Count}: {items.ToJsonString()}");
                return items;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until every outbox event is handled, so "no notification" means none will come.</summary>
    private async Task WaitForOutboxAsync()
    {
        var clock = Stopwatch.StartNew();
        while (await factory.CreateDb().Outbox.AnyAsync(m => m.ProcessedAt == null) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
    }
}
