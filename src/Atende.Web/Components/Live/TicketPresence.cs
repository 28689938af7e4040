using System.Collections.Concurrent;

namespace Atende.Web.Components.Live;

/// <summary>
/// Which agents have which ticket open on this node, by circuit (one agent in two tabs counts once).
/// Joining and leaving tell the other viewers of the same ticket at once.
/// </summary>
public sealed class TicketPresence
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, Visit>> _tickets = new();

    public IDisposable Join(int number, string circuit, int agentId, string name, Func<Task> onChange)
    {
        var visits = _tickets.GetOrAdd(number, _ => new ConcurrentDictionary<string, Visit>());
        visits[circuit] = new Visit(agentId, name, onChange);
        Notify(number, circuit);
        return new Leave(() =>
        {
            if (_tickets.TryGetValue(number, out var current) && current.TryRemove(circuit, out _))
            {
                Notify(number, circuit);
            }
        });
    }

    /// <summary>Names of the agents other than this one who have the ticket open.</summary>
    public IReadOnlyList<string> OthersThan(int number, int agentId) =>
        _tickets.TryGetValue(number, out var visits)
            ? visits.Values.Where(v => v.AgentId != agentId).Select(v => v.Name).Distinct().Order(StringComparer.CurrentCulture).ToList()
            : [];

    private void Notify(int number, string exceptCircuit)
    {
        if (!_tickets.TryGetValue(number, out var visits))
        {
            return;
        }
        foreach (var (circuit, visit) in visits)
        {
            if (circuit != exceptCircuit)
            {
                _ = visit.OnChange();
            }
        }
    }

    private sealed record Visit(int AgentId, string Name, Func<Task> OnChange);

    private sealed class Leave(Action leave) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                leave();
            }
        }
    }
}
