using Atende.Agents;

namespace Atende.Tests.Agents;

public sealed class AssignmentStrategiesTests
{
    private static AssignmentCandidate C(int id, int open = 0, bool skilled = false) => new(id, open, skilled);

    /// <summary>Routes <paramref name="tickets"/> tickets one after the other, as the database part does.</summary>
    private static Dictionary<int, int> Route(AssignmentStrategy strategy, int tickets, int[] agents, int? cap = null, Dictionary<int, int>? start = null)
    {
        var open = agents.ToDictionary(a => a, a => start?.GetValueOrDefault(a) ?? 0);
        int? cursor = null;
        for (var i = 0; i < tickets; i++)
        {
            var picked = strategy.Pick(agents.Select(a => C(a, open[a])).ToList(), cursor, cap);
            if (picked is not { } id)
            {
                break;
            }
            open[id]++;
            cursor = id;
        }
        return open;
    }

    [Fact]
    public void A_manual_team_chooses_nobody()
    {
        Assert.Null(AssignmentStrategy.Manual.Pick([C(1), C(2)], null, null));
    }

    [Fact]
    public void Nobody_is_chosen_when_there_are_no_candidates()
    {
        Assert.Null(AssignmentStrategy.RoundRobin.Pick([], null, null));
        Assert.Null(AssignmentStrategy.LeastOpen.Pick([], 3, null));
    }

    [Fact]
    public void Round_robin_gives_the_turn_to_the_next_agent_after_the_last_one_and_wraps()
    {
        var team = new[] { C(3), C(7), C(9) };
        Assert.Equal(3, AssignmentStrategy.RoundRobin.Pick(team, null, null));
        Assert.Equal(7, AssignmentStrategy.RoundRobin.Pick(team, 3, null));
        Assert.Equal(9, AssignmentStrategy.RoundRobin.Pick(team, 7, null));
        Assert.Equal(3, AssignmentStrategy.RoundRobin.Pick(team, 9, null));
        // The last agent left the team (or stepped away): the turn goes to whoever follows them.
        Assert.Equal(9, AssignmentStrategy.RoundRobin.Pick(team, 8, null));
    }

    [Fact]
    public void Round_robin_ignores_loads()
    {
        Assert.Equal(2, AssignmentStrategy.RoundRobin.Pick([C(1, 0), C(2, 50)], 1, null));
    }

    [Fact]
    public void Round_robin_spreads_tickets_evenly()
    {
        var loads = Route(AssignmentStrategy.RoundRobin, 1000, [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.All(loads.Values, n => Assert.Equal(125, n));
    }

    [Fact]
    public void Least_open_picks_the_agent_with_fewest_open_tickets()
    {
        Assert.Equal(2, AssignmentStrategy.LeastOpen.Pick([C(1, 5), C(2, 1), C(3, 4)], null, null));
    }

    [Fact]
    public void Least_open_breaks_ties_by_turn_so_equal_loads_rotate()
    {
        var team = new[] { C(1, 2), C(2, 2), C(3, 2) };
        Assert.Equal(2, AssignmentStrategy.LeastOpen.Pick(team, 1, null));
        Assert.Equal(3, AssignmentStrategy.LeastOpen.Pick(team, 2, null));
        Assert.Equal(1, AssignmentStrategy.LeastOpen.Pick(team, 3, null));
    }

    [Fact]
    public void Least_open_evens_out_unequal_starting_loads()
    {
        var loads = Route(AssignmentStrategy.LeastOpen, 100, [1, 2, 3, 4], start: new() { [1] = 30, [2] = 0, [3] = 10, [4] = 0 });
        Assert.True(loads.Values.Max() - loads.Values.Min() <= 1, string.Join(",", loads));
        Assert.Equal(140, loads.Values.Sum());
    }

    [Fact]
    public void Load_capped_skips_agents_at_the_cap_and_stops_when_all_are()
    {
        Assert.Equal(3, AssignmentStrategy.LoadCapped.Pick([C(1, 2), C(2, 2), C(3, 1)], 1, 2));
        Assert.Null(AssignmentStrategy.LoadCapped.Pick([C(1, 2), C(2, 3)], null, 2));

        var loads = Route(AssignmentStrategy.LoadCapped, 1000, [1, 2, 3, 4, 5, 6, 7, 8], cap: 40);
        Assert.All(loads.Values, n => Assert.Equal(40, n));
    }

    [Fact]
    public void Skilled_agents_are_preferred_when_any_can_take_the_ticket()
    {
        var team = new[] { C(1), C(2, skilled: true), C(3), C(4, skilled: true) };
        Assert.Equal(2, AssignmentStrategy.RoundRobin.Pick(team, null, null));
        Assert.Equal(4, AssignmentStrategy.RoundRobin.Pick(team, 2, null));
        Assert.Equal(2, AssignmentStrategy.RoundRobin.Pick(team, 4, null));
        Assert.Equal(4, AssignmentStrategy.LeastOpen.Pick([C(1, 0), C(2, 3, true), C(4, 1, true)], null, null));
    }

    [Fact]
    public void Without_a_skilled_agent_who_can_take_it_the_whole_team_is_considered()
    {
        Assert.Equal(1, AssignmentStrategy.RoundRobin.Pick([C(1), C(2)], null, null));
        // The only skilled agent is at the cap: someone else gets it rather than nobody.
        Assert.Equal(1, AssignmentStrategy.LoadCapped.Pick([C(1, 0), C(2, 5, true)], null, 5));
    }
}
