using System.Collections.Immutable;

namespace Atende.Web.Components.Live;

/// <summary>Something happened to a ticket; open screens decide whether it concerns them.</summary>
public sealed record TicketChange(int Number, string Event, int? ActorAgentId, int? TeamId, int? AssigneeId);

/// <summary>
/// In-process fan-out of ticket changes to the circuits of this node. It is fed by
/// <see cref="PublishTicketChanges"/> from the outbox, so only committed changes are shown.
/// A subscriber that throws or is slow never holds up the others.
/// </summary>
public sealed class TicketFeed(ILogger<TicketFeed> logger)
{
    private ImmutableList<Func<TicketChange, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<TicketChange, Task> onChange)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onChange));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(onChange)));
    }

    public void Publish(TicketChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            _ = DeliverAsync(subscriber, change);
        }
    }

    private async Task DeliverAsync(Func<TicketChange, Task> subscriber, TicketChange change)
    {
        try
        {
            await subscriber(change);
        }
        catch (Exception e)
        {
            LogSubscriberFailed(logger, change.Number, e);
        }
    }

    private static void LogSubscriberFailed(ILogger logger, int number, Exception e) =>
        logger.LogWarning(e, "A screen failed to take the change of ticket #{Number}", number);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
