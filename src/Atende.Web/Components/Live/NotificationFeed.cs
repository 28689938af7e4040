using System.Collections.Immutable;

namespace Atende.Web.Components.Live;

/// <summary>
/// In-process fan-out of "these agents have new notifications" to the bells open on this node. Fed by
/// <see cref="PublishNotifications"/> from the outbox after the notifications committed, so a bell that recounts
/// finds them. A subscriber that throws never holds up the others.
/// </summary>
public sealed class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private ImmutableList<(Func<int?> Agent, Func<Task> OnNew)> _subscribers = [];

    /// <summary><paramref name="agent"/> is asked at each publication: a bell may subscribe before its page knows who is signed in.</summary>
    public IDisposable Subscribe(Func<int?> agent, Func<Task> onNew)
    {
        var entry = (agent, onNew);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(entry));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(entry)));
    }

    public void Publish(IReadOnlyCollection<int> agentIds)
    {
        foreach (var (agent, onNew) in _subscribers)
        {
            if (agent() is { } agentId && agentIds.Contains(agentId))
            {
                _ = DeliverAsync(agentId, onNew);
            }
        }
    }

    private async Task DeliverAsync(int agentId, Func<Task> onNew)
    {
        try
        {
            await onNew();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A bell of agent {AgentId} failed to take its new notifications", agentId);
        }
    }

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
