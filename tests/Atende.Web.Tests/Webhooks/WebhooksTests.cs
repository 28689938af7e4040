using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atende.Persistence;
using Atende.Web.Tests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Webhooks.Tests;

public sealed class WebhooksTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private const string Secret = "s3cret-for-tests";

    [Fact]
    public async Task A_ticket_event_is_posted_to_the_subscribed_url_signed_with_the_secret()
    {
        var desk = await Desk.BuildAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = await CreateAsync(desk, receiver.Url, ["ticket.created"]);
        Assert.True(webhook["hasSecret"]!.GetValue<bool>());
        Assert.Null(webhook["secret"]);

        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Webhook {desk.Suffix}");
        var received = await ReceiveAsync(receiver, number);

        // The receiver's check: HMAC-SHA256 of the exact body bytes with the shared secret, lowercase hex.
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), received.Body));
        Assert.Equal(expected, received.Headers["X-Atende-Signature"]);
        Assert.Equal("ticket.created", received.Headers["X-Atende-Event"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"]);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("ticket.created", body["event"]!.GetValue<string>());
        Assert.Equal(number, body["ticketNumber"]!.GetValue<int>());
        Assert.Equal($"Webhook {desk.Suffix}", body["ticket"]!["subject"]!.GetValue<string>());
        Assert.Equal("new", body["ticket"]!["status"]!["key"]!.GetValue<string>());

        var log = await DeliveriesAsync(desk, Id(webhook));
        var delivery = log.Single(d => d!["ticketNumber"]!.GetValue<int>() == number)!;
        Assert.Equal(received.Headers["X-Atende-Delivery"], delivery["id"]!.ToString());
        Assert.Equal("delivered", delivery["state"]!.GetValue<string>());
        var attempt = Assert.Single(delivery["log"]!.AsArray())!;
        Assert.Equal(200, attempt["statusCode"]!.GetValue<int>());
        Assert.Equal("ok", attempt["responseSnippet"]!.GetValue<string>());
        await desk.Admin.DeleteAsync($"/api/v1/webhooks/{Id(webhook)}");
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_the_backoff_and_both_attempts_are_logged()
    {
        var desk = await Desk.BuildAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith(500);
        var webhook = await CreateAsync(desk, receiver.Url, ["ticket.created"]);
        var number = await desk.OpenAsync(desk.Admin, desk.AnaEmail, $"Retry {desk.Suffix}");

        await ReceiveAsync(receiver, number);
        var pending = await WaitForAsync(desk, Id(webhook), number, d => d["log"]!.AsArray().Count == 1);
        Assert.Equal("pending", pending["state"]!.GetValue<string>());
        Assert.Equal(500, pending["lastStatusCode"]!.GetValue<int>());
        var next = pending["nextAttemptAt"]!.GetValue<DateTime>();
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), next, TimeSpan.FromSeconds(5));

        // Not before the backoff is over...
        await factory.Services.GetRequiredService<WebhookSender>().DeliverOnceAsync(default);
        Assert.Single(receiver.Requests, r => TicketOf(r) == number);
        // ...and then once more.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var delivered = await WaitForAsync(desk, Id(webhook), number, d => d["state"]!.GetValue<string>() == "delivered");
        var log = delivered["log"]!.AsArray();
        Assert.Equal([500, 200], log.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal("HTTP 500", log[0]!["error"]!.GetValue<string>());
        Assert.StartsWith("boom", log[0]!["responseSnippet"]!.GetValue<string>());
        Assert.Equal(2, receiver.Requests.Count(r => TicketOf(r) == number));
        Assert.Single(receiver.Requests.Select(r => r.Headers["X-Atende-Delivery"]).Distinct());

        // An admin can send it again: same delivery id, so the receiver can tell it is a repeat.
        var redeliver = await desk.Admin.PostAsync($"/api/v1/webhooks/{Id(webhook)}/deliveries/{delivered["id"]}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await WaitForAsync(desk, Id(webhook), number, d => d["log"]!.AsArray().Count == 3 && d["state"]!.GetValue<string>() == "delivered");
        await desk.Admin.DeleteAsync($"/api/v1/webhooks/{Id(webhook)}");
    }

    [Fact]
    public async Task A_rules_webhook_request_becomes_a_signed_delivery()
    {
        var desk = await Desk.BuildAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var protection = factory.Services.GetRequiredService<IDataProtectionProvider>();
        var body = $$"""{"hello":"rule {{desk.Suffix}}","ticketNumber":-7}""";
        await using (var db = factory.CreateDb())
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Outbox.Add(new OutboxMessage
            {
                Type = WebhookRequest.MessageType,
                Payload = JsonSerializer.Serialize(new WebhookRequest(receiver.Url, WebhookRequest.ProtectSecret(protection, "rule-secret"), "rule.fired", body, 42, null)),
                CreatedAt = now,
                AvailableAt = now,
            });
            await db.SaveChangesAsync();
        }
        var received = await ReceiveAsync(receiver, -7);
        Assert.Equal(body, Encoding.UTF8.GetString(received.Body));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("rule-secret"u8.ToArray(), received.Body)), received.Headers["X-Atende-Signature"]);
        Assert.Equal("rule.fired", received.Headers["X-Atende-Event"]);
        await using var check = factory.CreateDb();
        var delivery = await check.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.RuleId == 42);
        Assert.NotNull(delivery.DeliveredAt);
        Assert.DoesNotContain("rule-secret", delivery.ProtectedSecret, StringComparison.Ordinal);
        var log = (await desk.Admin.GetJsonAsync("/api/v1/webhooks/rule-deliveries?ruleId=42"))["items"]!.AsArray();
        Assert.Equal("delivered", Assert.Single(log)!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.GetAsync("/api/v1/webhooks/rule-deliveries?ruleId=42")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_webhooks_urls_must_be_http_and_the_secret_is_write_only()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.GetAsync("/api/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/webhooks",
            new { name = "x", url = "https://example.com/hook", events = new[] { "ticket.created" } })).StatusCode);

        var ftp = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "x", url = "ftp://example.com/hook", events = new[] { "ticket.created" } });
        Assert.Equal(HttpStatusCode.BadRequest, ftp.StatusCode);
        Assert.Contains("url", await ftp.ErrorFieldsAsync());
        var unknown = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "x", url = "https://example.com/hook", events = new[] { "ticket.exploded" } });
        Assert.Contains("events", await unknown.ErrorFieldsAsync());

        var created = await CreateAsync(desk, "https://example.com/hook", ["ticket.created", "ticket.updated"]);
        var raw = await desk.Admin.GetStringAsync($"/api/v1/webhooks/{Id(created)}");
        Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", raw, StringComparison.Ordinal);
        var cleared = await (await desk.Admin.PatchAsJsonAsync($"/api/v1/webhooks/{Id(created)}", new { secret = (string?)null, active = false })).JsonAsync();
        Assert.False(cleared["hasSecret"]!.GetValue<bool>());
        Assert.False(cleared["active"]!.GetValue<bool>());
        Assert.Equal(["ticket.created", "ticket.updated"], cleared["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/webhooks/{Id(created)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/webhooks/{Id(created)}")).StatusCode);
    }

    private static int Id(JsonObject o) => o["id"]!.GetValue<int>();

    private static int? TicketOf(WebhookReceiver.Received r) =>
        JsonNode.Parse(r.Body)?["ticketNumber"]?.GetValue<int>();

    private static async Task<JsonObject> CreateAsync(Desk desk, string url, string[] events)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks", new { name = $"Hook {desk.Suffix}", url, events, secret = Secret });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonArray> DeliveriesAsync(Desk desk, int webhookId) =>
        (await desk.Admin.GetJsonAsync($"/api/v1/webhooks/{webhookId}/deliveries"))["items"]!.AsArray();

    /// <summary>Runs the outbox and the sender (the background loops run too) until the receiver has a request about the ticket.</summary>
    private async Task<WebhookReceiver.Received> ReceiveAsync(WebhookReceiver receiver, int ticketNumber)
    {
        for (var i = 0; i < 100; i++)
        {
            await PumpAsync();
            if (receiver.Requests.FirstOrDefault(r => TicketOf(r) == ticketNumber) is { } received)
            {
                return received;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No webhook for ticket {ticketNumber}.");
    }

    private async Task<JsonObject> WaitForAsync(Desk desk, int webhookId, int ticketNumber, Func<JsonObject, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            await PumpAsync();
            if ((await DeliveriesAsync(desk, webhookId)).FirstOrDefault(d => d!["ticketNumber"]!.GetValue<int>() == ticketNumber) is JsonObject d && done(d))
            {
                return d;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The delivery for ticket {ticketNumber} did not reach the expected state.");
    }

    private async Task PumpAsync()
    {
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        await factory.Services.GetRequiredService<WebhookSender>().DeliverOnceAsync(default);
    }
}
