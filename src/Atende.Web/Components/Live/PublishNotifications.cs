using System.Text.Json;
using Atende.Notifications;
using Atende.Persistence;

namespace Atende.Web.Components.Live;

/// <summary>Rings the open bells of the agents who just got notifications (this node's screens; pushing twice is harmless).</summary>
public sealed class PublishNotifications(NotificationFeed feed) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "live-notifications";

    public bool Handles(string type) => type == NotificationsCreated.Type;

    public Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        if (JsonSerializer.Deserialize<NotificationsCreated>(message.Payload, Json) is { } created)
        {
            feed.Publish(created.AgentIds.ToList());
        }
        return Task.CompletedTask;
    }
}
