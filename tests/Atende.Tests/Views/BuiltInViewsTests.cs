using Atende.Views;

namespace Atende.Tests.Views;

public sealed class BuiltInViewsTests
{
    private static readonly DateTime Now = new(2026, 11, 3, 1, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Today_is_the_agents_day_in_their_time_zone()
    {
        // 01:30 UTC on the 3rd is still 22:30 on the 2nd in São Paulo (UTC-3).
        var (start, end) = BuiltInViews.Today(Now, BuiltInViews.Zone("America/Sao_Paulo"));
        Assert.Equal(new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 11, 3, 3, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void An_unknown_time_zone_means_UTC()
    {
        Assert.Equal(TimeZoneInfo.Utc, BuiltInViews.Zone("Mars/Olympus_Mons"));
        Assert.Equal(TimeZoneInfo.Utc, BuiltInViews.Zone(null));
        Assert.Equal((Now.Date, Now.Date.AddDays(1)), BuiltInViews.Today(Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_day_that_starts_in_a_daylight_saving_gap_starts_when_the_clocks_resume()
    {
        // Chile (America/Santiago) moved its clocks from 00:00 to 01:00 on 2026-09-06: that day has no midnight.
        var (start, end) = BuiltInViews.Today(new DateTime(2026, 9, 6, 15, 0, 0, DateTimeKind.Utc), BuiltInViews.Zone("America/Santiago"));
        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(TimeSpan.FromHours(23), end - start);
    }

    [Fact]
    public void Every_built_in_view_has_a_distinct_url_key_and_a_filter()
    {
        Assert.Equal(7, BuiltInViews.All.Select(v => v.Key).Distinct().Count());
        Assert.All(BuiltInViews.All, v => Assert.NotNull(v.Filter(Now, TimeZoneInfo.Utc)));
        Assert.Equal(Now.AddDays(-7), BuiltInViews.Find(BuiltInViews.RecentlySolved)!.Filter(Now, TimeZoneInfo.Utc).ResolvedFrom);
        Assert.Null(BuiltInViews.Find("42"));
    }
}
