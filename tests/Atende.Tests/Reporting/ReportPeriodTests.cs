using Atende.Reporting;

namespace Atende.Tests.Reporting;

public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Days_are_every_day_of_the_period_in_order_with_short_labels()
    {
        var period = new ReportPeriod(new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 2), TimeZoneInfo.Utc);
        Assert.Equal(
            [("2026-10-30", "30 Oct"), ("2026-10-31", "31 Oct"), ("2026-11-01", "1 Nov"), ("2026-11-02", "2 Nov")],
            period.Buckets(ReportGrouping.Day));
        Assert.Equal(4, period.Days);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-02")] // Monday
    [InlineData("2026-11-04", "2026-11-02")]
    [InlineData("2026-11-08", "2026-11-02")] // Sunday ends the week, it does not start it
    [InlineData("2026-11-09", "2026-11-09")]
    [InlineData("2027-01-01", "2026-12-28")] // a week across the new year keeps its Monday
    public void A_week_starts_on_Monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), ReportPeriod.WeekStart(DateOnly.Parse(day)));

    [Fact]
    public void Weeks_and_months_cover_the_period_from_the_bucket_its_first_day_falls_in()
    {
        // Wednesday 4 Nov to Tuesday 17 Nov: three weeks, the first starting before the period.
        var weeks = new ReportPeriod(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 17), TimeZoneInfo.Utc).Buckets(ReportGrouping.Week);
        Assert.Equal([("2026-11-02", "2 Nov"), ("2026-11-09", "9 Nov"), ("2026-11-16", "16 Nov")], weeks);
        var months = new ReportPeriod(new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1), TimeZoneInfo.Utc).Buckets(ReportGrouping.Month);
        Assert.Equal([("2026-01", "Jan 2026"), ("2026-02", "Feb 2026"), ("2026-03", "Mar 2026")], months);
    }

    [Fact]
    public void An_instant_falls_in_the_bucket_of_the_viewers_day()
    {
        var period = new ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), SaoPaulo);
        // 02:30 UTC on Monday 2 Nov is 23:30 on Sunday 1 Nov in São Paulo: still the week of 26 Oct.
        Assert.Equal("2026-11-01", period.KeyOf(Utc(2026, 11, 2, 2, 30), ReportGrouping.Day));
        Assert.Equal("2026-10-26", period.KeyOf(Utc(2026, 11, 2, 2, 30), ReportGrouping.Week));
        Assert.Equal("2026-11-02", period.KeyOf(Utc(2026, 11, 2, 3, 0), ReportGrouping.Day));
        Assert.Equal("2026-10", period.KeyOf(Utc(2026, 11, 1, 2, 59), ReportGrouping.Month));
        Assert.Equal(Utc(2026, 11, 1, 3, 0), period.StartUtc);
        Assert.Equal(Utc(2026, 12, 1, 3, 0), period.EndUtc);
        Assert.True(period.Contains(Utc(2026, 11, 1, 3, 0)));
        Assert.False(period.Contains(Utc(2026, 12, 1, 3, 0)));
        Assert.False(period.Contains(Utc(2026, 11, 1, 2, 59)));
    }

    [Fact]
    public void Sao_Paulo_skipped_midnight_when_summer_time_began_in_2018_so_that_day_starts_at_1_and_lasts_23_hours()
    {
        var sunday = new ReportPeriod(new DateOnly(2018, 11, 4), new DateOnly(2018, 11, 4), SaoPaulo);
        Assert.Equal(Utc(2018, 11, 4, 3, 0), sunday.StartUtc); // 01:00 -02:00
        Assert.Equal(Utc(2018, 11, 5, 2, 0), sunday.EndUtc);   // 00:00 -02:00
        var saturday = new ReportPeriod(new DateOnly(2018, 11, 3), new DateOnly(2018, 11, 3), SaoPaulo);
        Assert.Equal(TimeSpan.FromHours(24), saturday.EndUtc - saturday.StartUtc);
        Assert.Equal(sunday.StartUtc, saturday.EndUtc);
        Assert.Equal("2018-11-03", sunday.KeyOf(Utc(2018, 11, 4, 2, 59), ReportGrouping.Day));
        Assert.Equal("2018-11-04", sunday.KeyOf(Utc(2018, 11, 4, 3, 0), ReportGrouping.Day));

        // Summer time ended at midnight on 17 Feb 2019: clocks went back to 23:00, so 16 Feb lasted 25 hours.
        var longDay = new ReportPeriod(new DateOnly(2019, 2, 16), new DateOnly(2019, 2, 16), SaoPaulo);
        Assert.Equal(Utc(2019, 2, 16, 2, 0), longDay.StartUtc);
        Assert.Equal(TimeSpan.FromHours(25), longDay.EndUtc - longDay.StartUtc);
    }

    [Fact]
    public void Berlin_days_last_23_and_25_hours_when_the_clocks_change()
    {
        var spring = new ReportPeriod(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), Berlin);
        Assert.Equal(Utc(2026, 3, 28, 23, 0), spring.StartUtc);
        Assert.Equal(TimeSpan.FromHours(23), spring.EndUtc - spring.StartUtc);
        var autumn = new ReportPeriod(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), Berlin);
        Assert.Equal(Utc(2026, 10, 24, 22, 0), autumn.StartUtc);
        Assert.Equal(TimeSpan.FromHours(25), autumn.EndUtc - autumn.StartUtc);
        // 23:30 UTC on 25 Oct is already 26 Oct in Berlin (UTC+1 again).
        Assert.Equal("2026-10-26", autumn.KeyOf(Utc(2026, 10, 25, 23, 30), ReportGrouping.Day));
        Assert.Equal("2026-10-25", autumn.KeyOf(Utc(2026, 10, 25, 22, 59), ReportGrouping.Day));
    }

    [Fact]
    public void The_previous_period_is_as_many_days_just_before()
    {
        var week = new ReportPeriod(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 16), Berlin);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 9), Berlin), week.Previous());
        Assert.Equal(week.StartUtc, week.Previous().EndUtc);
        var march = new ReportPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Berlin).Previous();
        Assert.Equal((new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 28), 31), (march.From, march.To, march.Days));
        var day = new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), SaoPaulo).Previous();
        Assert.Equal((new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31)), (day.From, day.To));
    }

    [Fact]
    public void Only_time_groupings_have_bucket_keys() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.KeyOf(new DateOnly(2026, 1, 1), ReportGrouping.Team));
}
