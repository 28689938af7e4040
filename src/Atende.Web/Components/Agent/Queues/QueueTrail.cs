namespace Atende.Web.Components.Agent.Queues;

/// <summary>
/// The tickets of the list the agent last looked at (this circuit), in its order, so "next ticket" on a ticket
/// page means the next one of that list — the way an agent works through a queue.
/// </summary>
public sealed class QueueTrail
{
    private IReadOnlyList<int> _numbers = [];

    public void Remember(IReadOnlyList<int> numbers) => _numbers = numbers;

    public int? Next(int current) => Step(current, +1);

    public int? Previous(int current) => Step(current, -1);

    private int? Step(int current, int step)
    {
        var index = _numbers.ToList().IndexOf(current);
        var target = index + step;
        return index >= 0 && target >= 0 && target < _numbers.Count ? _numbers[target] : null;
    }
}
