using Atende.Reporting;

namespace Atende.Tests.Reporting;

public sealed class DurationStatsTests
{
    [Fact]
    public void No_durations_give_a_count_of_zero_and_no_figures_rather_than_zeros() =>
        Assert.Equal(new DurationStats(0, null, null, null), DurationStats.Of([]));

    [Fact]
    public void One_duration_is_its_own_median_p90_and_average() =>
        Assert.Equal(new DurationStats(1, 42, 42, 42), DurationStats.Of([42]));

    [Fact]
    public void Percentiles_are_the_nearest_rank_so_always_a_value_that_occurred()
    {
        // Ten values: the median is the 5th (not 5.5), the p90 the 9th.
        Assert.Equal(new DurationStats(10, 5, 9, 5.5), DurationStats.Of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]));
        // Four values, unsorted: rank ceil(2) = 2nd for the median, ceil(3.6) = 4th for the p90.
        Assert.Equal(new DurationStats(4, 2, 4, 2.5), DurationStats.Of([4, 1, 3, 2]));
        // Three values: the middle one; the p90 is the largest.
        Assert.Equal(new DurationStats(3, 60, 480, 190), DurationStats.Of([480, 30, 60]));
        // Twenty values: the p90 is the 18th.
        Assert.Equal(18, DurationStats.Of(Enumerable.Range(1, 20).Select(i => (double)i)).P90);
    }

    [Fact]
    public void Figures_are_rounded_to_a_tenth_of_a_minute() =>
        Assert.Equal(new DurationStats(2, 10, 20.4, 15.2), DurationStats.Of([10.04, 20.36]));
}
