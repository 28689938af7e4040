using System.Text.Json;
using System.Text.Json.Serialization;
using Atende.Accounts;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Webhooks;

/// <summary>
/// Turns ticket events into one delivery per active webhook subscribed to the event. The body carries the ticket as
/// the API shows it at the time the handler runs (a webhook is a notification, not a snapshot of the exact change).
/// Runs in the outbox handler's transaction, so each event queues its deliveries exactly once.
/// </summary>
public sealed class QueueTicketWebhooks(TimeProvider clock) : IOutboxHandler
{
    /// <summary>The same JSON shape as the API: camelCase names and enum values.</summary>
    public static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public string Name => "webhooks.ticket-events";

    public bool Handles(string type) => Webhook.SubscribableEvents.Contains(type, StringComparer.Ordinal);

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, EventJson);
        if (change is null)
        {
            return;
        }
        var webhooks = (await db.Webhooks.AsNoTracking().Where(w => w.Active).ToListAsync(ct))
            .Where(w => w.IsSubscribedTo(message.Type))
            .ToList();
        if (webhooks.Count == 0)
        {
            return;
        }
        TicketView? ticket;
        try
        {
            ticket = await new GetTicket(db, clock).HandleAsync(change.TicketNumber, Caller.System, ct);
        }
        catch (NotFoundException)
        {
            ticket = null;
        }
        var body = JsonSerializer.Serialize(new TicketWebhookBody(message.Type, change.TicketNumber, change.At, ticket), BodyJson);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var webhook in webhooks)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery(webhook.Id, null, change.TicketNumber, webhook.Url, null, message.Type, body, now));
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>What a subscription receives for a ticket event.</summary>
public sealed record TicketWebhookBody(string Event, int TicketNumber, DateTime OccurredAt, TicketView? Ticket);

/// <summary>Turns a rule's <see cref="WebhookRequest"/> into a delivery; the secret stays protected until the send.</summary>
public sealed class QueueRequestedWebhook(TimeProvider clock) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "webhooks.requested";

    public bool Handles(string type) => type == WebhookRequest.MessageType;

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<WebhookRequest>(message.Payload, Json);
        if (request is null)
        {
            return;
        }
        db.WebhookDeliveries.Add(new WebhookDelivery(null, request.RuleId, request.TicketNumber, request.Url, request.ProtectedSecret,
            WebhookDelivery.Truncate(request.Event, WebhookDelivery.EventMaxLength), request.BodyJson, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }
}
