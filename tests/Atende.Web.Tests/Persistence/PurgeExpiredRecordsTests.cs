using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Automation;
using Atende.Email;
using Atende.Persistence;
using Atende.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Persistence;

/// <summary>
/// Retention on the real database: what is past its time goes (a handled outbox event with its handler marks, a
/// finished webhook delivery with its attempts, an old rule firing, an old idempotency key, a sent email), and what
/// is recent or still pending stays, however old. The class owns its database, so it can count every table.
/// </summary>
public sealed class PurgeExpiredRecordsTests : IAsyncLifetime
{
    private readonly AtendeFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Expired_bookkeeping_goes_and_recent_or_pending_rows_stay()
    {
        var desk = await Desk.BuildAsync(_factory);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, "Retention");
        var rule = await desk.Admin.PostAsJsonAsync("/api/v1/automation-rules", new
        {
            name = $"Retention {desk.Suffix}",
            trigger = new { @event = "ticket.created" },
            conditions = new { all = Array.Empty<object>() },
            actions = new[] { new { type = "addTag", value = "kept" } },
        });
        var ruleId = (await rule.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        var purge = _factory.Services.GetRequiredService<PurgeExpiredRecords>();
        await purge.PurgeOnceAsync(default); // whatever the setup left is judged by today: nothing is old yet

        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var old = now.AddDays(-40);
        var recent = now.AddDays(-1);
        long oldEvent, recentEvent, pendingEvent;
        await using (var db = _factory.CreateDb())
        {
            var events = new[] { Event(old, processed: true), Event(recent, processed: true), Event(old, processed: false) };
            db.Outbox.AddRange(events);
            await db.SaveChangesAsync();
            (oldEvent, recentEvent, pendingEvent) = (events[0].Id, events[1].Id, events[2].Id);
            db.OutboxHandled.AddRange(
                new OutboxHandled { MessageId = oldEvent, Handler = "test", At = old },
                new OutboxHandled { MessageId = recentEvent, Handler = "test", At = recent });

            var delivered = new WebhookDelivery(null, ruleId, number, "https://hooks.example/a", null, "ticket.created", "{}", old);
            delivered.Succeeded(200, old);
            var queued = new WebhookDelivery(null, ruleId, number, "https://hooks.example/b", null, "ticket.created", "{}", old);
            db.WebhookDeliveries.AddRange(delivered, queued);
            await db.SaveChangesAsync();
            db.WebhookAttempts.Add(new WebhookAttempt(delivered.Id, old, 12, 200, "ok", null));

            db.RuleFirings.AddRange(
                new RuleFiring(ruleId, number, "ticket.created", oldEvent, 0, RuleFiringOutcome.Fired, "old", old),
                new RuleFiring(ruleId, number, "ticket.created", recentEvent, 0, RuleFiringOutcome.Fired, "recent", recent));

            db.IdempotencyRecords.AddRange(
                new IdempotencyRecord { AccountId = 1, Key = "old", Endpoint = "POST /tickets", CreatedAt = old },
                new IdempotencyRecord { AccountId = 1, Key = "recent", Endpoint = "POST /tickets", CreatedAt = recent });

            var sent = new OutboundEmail("test", "a@client.example", null, "en", "Sent long ago", "x", null, number, old);
            sent.MarkSent(old);
            var unsent = new OutboundEmail("test", "b@client.example", null, "en", "Never sent", "x", null, number, old);
            db.OutboundEmails.AddRange(sent, unsent);
            await db.SaveChangesAsync();
        }

        // One of each: event, delivery, firing, key, email (handler marks and attempts go with them, uncounted).
        Assert.Equal(5, await purge.PurgeOnceAsync(default));
        await using (var db = _factory.CreateDb())
        {
            var events = await db.Outbox.Where(m => m.Id == oldEvent || m.Id == recentEvent || m.Id == pendingEvent).Select(m => m.Id).ToListAsync();
            Assert.Equal([recentEvent, pendingEvent], events.Order());
            Assert.Equal([recentEvent], await db.OutboxHandled.Where(h => h.Handler == "test").Select(h => h.MessageId).ToListAsync());
            Assert.Equal(["https://hooks.example/b"], await db.WebhookDeliveries.Select(d => d.Url).ToListAsync());
            Assert.Equal(0, await db.WebhookAttempts.CountAsync());
            Assert.Equal(["recent"], await db.RuleFirings.Where(f => f.Detail == "old" || f.Detail == "recent").Select(f => f.Detail).ToListAsync());
            Assert.Equal(["recent"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
            Assert.Equal(["Never sent"], await db.OutboundEmails.Where(e => e.Kind == "test").Select(e => e.Subject).ToListAsync());
        }
        Assert.Equal(0, await purge.PurgeOnceAsync(default));
    }

    private static OutboxMessage Event(DateTime at, bool processed) => new()
    {
        Type = "test.retention",
        Payload = "{}",
        CreatedAt = at,
        AvailableAt = processed ? at : at.AddYears(100), // never claimed by the running dispatcher
        ProcessedAt = processed ? at : null,
    };
}
