using Atende.Reporting;

namespace Atende.Tests.Reporting;

public sealed class BacklogTrendTests
{
    private static readonly DateTime Day1 = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The ends of days 1 to <paramref name="days"/> (midnight after each).</summary>
    private static DateTime[] Ends(int days) => Enumerable.Range(1, days).Select(d => Day1.AddDays(d)).ToArray();

    private static DateTime At(int day, int hour) => Day1.AddDays(day - 1).AddHours(hour);

    [Fact]
    public void A_ticket_resolved_on_day_2_and_reopened_on_day_4_is_open_at_the_end_of_days_1_4_and_5()
    {
        var ticket = new TicketLife(At(1, 10), [new DoneSpan(At(2, 10), At(4, 10))]);
        Assert.Equal([1, 0, 0, 1, 1], BacklogTrend.OpenAt(Ends(5), [ticket]));
        Assert.Equal([true, false, false, true, true], Ends(5).Select(ticket.IsOpenAt));
    }

    [Fact]
    public void A_ticket_counts_from_its_creation_until_its_resolve()
    {
        var resolved = new TicketLife(At(2, 9), [new DoneSpan(At(4, 9), null)]);
        var open = new TicketLife(At(3, 23), []);
        Assert.Equal([0, 1, 2, 1, 1], BacklogTrend.OpenAt(Ends(5), [resolved, open]));
    }

    [Fact]
    public void Open_at_an_instant_means_just_before_it()
    {
        var midnight = Day1.AddDays(1);
        // Created at midnight: not yet open at the end of day 1. Resolved at midnight: still open at the end of day 1.
        Assert.False(new TicketLife(midnight, []).IsOpenAt(midnight));
        Assert.True(new TicketLife(At(1, 5), [new DoneSpan(midnight, null)]).IsOpenAt(midnight));
        // Reopened at midnight: still done at the end of day 1.
        Assert.False(new TicketLife(At(1, 5), [new DoneSpan(At(1, 6), midnight)]).IsOpenAt(midnight));
        Assert.Equal([0, 1], BacklogTrend.OpenAt(Ends(2), [new TicketLife(midnight, [])]));
        Assert.Equal([1, 0], BacklogTrend.OpenAt(Ends(2), [new TicketLife(At(1, 5), [new DoneSpan(midnight, null)])]));
        Assert.Equal([0, 1], BacklogTrend.OpenAt(Ends(2), [new TicketLife(At(1, 5), [new DoneSpan(At(1, 6), midnight)])]));
    }

    [Fact]
    public void Resolved_and_reopened_within_one_day_it_is_open_at_both_ends()
    {
        var ticket = new TicketLife(At(1, 8), [new DoneSpan(At(2, 9), At(2, 11)), new DoneSpan(At(3, 12), null)]);
        Assert.Equal([1, 1, 0, 0], BacklogTrend.OpenAt(Ends(4), [ticket]));
    }

    [Fact]
    public void The_count_by_stretches_equals_asking_each_ticket_at_each_instant()
    {
        var random = new Random(7);
        var instants = Enumerable.Range(1, 40).Select(i => Day1.AddHours(i * 6)).ToArray();
        var tickets = Enumerable.Range(0, 500).Select(_ =>
        {
            var created = Day1.AddHours(random.Next(0, 240));
            var spans = new List<DoneSpan>();
            var at = created;
            while (random.Next(3) > 0)
            {
                var resolved = at.AddHours(random.Next(0, 48));
                DateTime? reopened = random.Next(2) == 0 ? resolved.AddHours(random.Next(0, 48)) : null;
                spans.Add(new DoneSpan(resolved, reopened));
                if (reopened is not { } r)
                {
                    break;
                }
                at = r;
            }
            return new TicketLife(created, spans);
        }).ToList();
        var expected = instants.Select(i => tickets.Count(t => t.IsOpenAt(i))).ToArray();
        Assert.Equal(expected, BacklogTrend.OpenAt(instants, tickets));
    }

    [Fact]
    public void Instants_must_be_in_order() =>
        Assert.Throws<ArgumentException>(() => BacklogTrend.OpenAt([Day1.AddDays(2), Day1.AddDays(1)], []));

    [Theory]
    [InlineData(0, "lt1d")]
    [InlineData(23 * 60 + 59, "lt1d")]
    [InlineData(24 * 60, "1to3d")]
    [InlineData(3 * 24 * 60 - 1, "1to3d")]
    [InlineData(3 * 24 * 60, "3to7d")]
    [InlineData(7 * 24 * 60 - 1, "3to7d")]
    [InlineData(7 * 24 * 60, "gt7d")]
    [InlineData(400 * 24 * 60, "gt7d")]
    public void Backlog_ages_fall_in_four_buckets_each_starting_at_its_lower_edge(int minutes, string key) =>
        Assert.Equal(key, BacklogReport.AgeKey(TimeSpan.FromMinutes(minutes)));
}
