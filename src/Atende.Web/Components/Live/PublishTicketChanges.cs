using System.Text.Json;
using Atende.Persistence;
using Atende.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Atende.Web.Components.Live;

/// <summary>
/// Tells the open screens of this node that a ticket changed, once the change is committed.
/// Pushing twice on a retry is harmless (screens reload), so it needs no bookkeeping of its own.
/// </summary>
public sealed class PublishTicketChanges(TicketFeed feed) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "live-updates";

    public bool Handles(string type) => type.StartsWith("ticket.", StringComparison.Ordinal)
        || type.StartsWith("message.", StringComparison.Ordinal)
        || type.StartsWith("note.", StringComparison.Ordinal);

    public async Task HandleAsync(OutboxMessage message, AtendeDb db, CancellationToken ct)
    {
        var change = JsonSerializer.Deserialize<TicketEvent>(message.Payload, Json);
        if (change is null)
        {
            return;
        }
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == change.TicketNumber)
            .Select(t => new { t.TeamId, t.AssigneeId })
            .FirstOrDefaultAsync(ct);
        feed.Publish(new TicketChange(change.TicketNumber, change.Type, change.ActorAgentId, ticket?.TeamId, ticket?.AssigneeId));
    }
}
