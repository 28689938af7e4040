using System.Globalization;
using Atende.Sla;

namespace Atende.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private const string SaoPaulo = "America/Sao_Paulo";
    private const string NewYork = "America/New_York";
    private const string Berlin = "Europe/Berlin";

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static BusinessCalendar EightToSix(string zone, params HolidayDate[] holidays) =>
        new(Zone(zone), Weekdays.Select(d => new WorkingPeriod(d, 8 * 60, 18 * 60)), holidays);

    private static DateTime Utc(string value) =>
        DateTime.SpecifyKind(DateTime.Parse(value, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static DateTime Local(string zone, string value) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(value, CultureInfo.InvariantCulture), Zone(zone));

    [Fact]
    public void Two_working_hours_from_friday_evening_fall_due_on_monday_morning()
    {
        var due = EightToSix(SaoPaulo).AddWorkingTime(Local(SaoPaulo, "2026-11-27 17:00"), TimeSpan.FromHours(2));
        Assert.Equal(Utc("2026-11-30 12:00"), due); // 09:00 in São Paulo (UTC-3)
    }

    [Fact]
    public void The_clock_starts_at_opening_time_for_a_request_made_before_it()
    {
        var due = EightToSix(SaoPaulo).AddWorkingTime(Local(SaoPaulo, "2026-11-30 06:10"), TimeSpan.FromMinutes(30));
        Assert.Equal(Local(SaoPaulo, "2026-11-30 08:30"), due);
    }

    [Fact]
    public void A_yearly_holiday_is_skipped_whatever_year_it_was_entered_for()
    {
        var calendar = EightToSix(SaoPaulo, new HolidayDate(new DateOnly(2020, 12, 25), Yearly: true));
        var due = calendar.AddWorkingTime(Local(SaoPaulo, "2026-12-24 17:00"), TimeSpan.FromHours(2));
        Assert.Equal(Local(SaoPaulo, "2026-12-28 09:00"), due); // Christmas 2026 is a Friday
    }

    [Fact]
    public void A_one_off_holiday_counts_only_in_its_own_year()
    {
        var start = Local(SaoPaulo, "2026-11-27 17:00");
        var thisYear = EightToSix(SaoPaulo, new HolidayDate(new DateOnly(2026, 11, 30), Yearly: false));
        var lastYear = EightToSix(SaoPaulo, new HolidayDate(new DateOnly(2025, 11, 30), Yearly: false));
        Assert.Equal(Local(SaoPaulo, "2026-12-01 09:00"), thisYear.AddWorkingTime(start, TimeSpan.FromHours(2)));
        Assert.Equal(Local(SaoPaulo, "2026-11-30 09:00"), lastYear.AddWorkingTime(start, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_target_spanning_weeks_ends_exactly_at_a_closing_time()
    {
        // 50 working hours a week: 120 hours are two weeks and two days.
        var due = EightToSix(SaoPaulo).AddWorkingTime(Local(SaoPaulo, "2026-11-30 08:00"), TimeSpan.FromHours(120));
        Assert.Equal(Local(SaoPaulo, "2026-12-15 18:00"), due);
    }

    [Fact]
    public void Working_time_between_two_instants_leaves_out_nights_and_weekends()
    {
        var calendar = EightToSix(SaoPaulo);
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(Local(SaoPaulo, "2026-11-27 17:00"), Local(SaoPaulo, "2026-11-30 09:00")));
        Assert.Equal(TimeSpan.FromHours(50), calendar.WorkingTimeBetween(Local(SaoPaulo, "2026-11-29 12:00"), Local(SaoPaulo, "2026-12-06 12:00")));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Local(SaoPaulo, "2026-11-30 09:00"), Local(SaoPaulo, "2026-11-30 08:00")));
    }

    [Theory]
    [InlineData(NewYork, "2026-03-08 04:00")]  // clocks spring forward at 02:00 local
    [InlineData(NewYork, "2026-11-01 03:00")]  // and fall back at 02:00 local
    [InlineData(Berlin, "2026-03-28 22:00")]
    [InlineData(Berlin, "2026-10-24 22:00")]
    [InlineData(SaoPaulo, "2018-11-03 20:00")] // Brazil's last DST: began at midnight...
    [InlineData(SaoPaulo, "2019-02-16 20:00")] // ...and ended at midnight
    public void Around_a_clock_change_a_24_7_calendar_counts_real_elapsed_time(string zone, string startUtc)
    {
        var calendar = BusinessCalendar.AlwaysOpen(Zone(zone));
        var start = Utc(startUtc);
        foreach (var hours in new[] { 1, 3, 5, 30 })
        {
            Assert.Equal(start.AddHours(hours), calendar.AddWorkingTime(start, TimeSpan.FromHours(hours)));
            Assert.Equal(TimeSpan.FromHours(hours), calendar.WorkingTimeBetween(start, start.AddHours(hours)));
        }
    }

    [Fact]
    public void Office_hours_keep_their_local_times_across_a_dst_weekend()
    {
        // Friday 17:00 EST is 22:00Z; Monday 09:00 is EDT (UTC-4) after the change.
        var due = EightToSix(NewYork).AddWorkingTime(Utc("2026-03-06 22:00"), TimeSpan.FromHours(2));
        Assert.Equal(Utc("2026-03-09 13:00"), due);
    }

    [Fact]
    public void A_night_shift_on_the_night_clocks_fall_back_lasts_one_hour_longer()
    {
        var calendar = new BusinessCalendar(Zone(Berlin), [new WorkingPeriod(DayOfWeek.Saturday, 22 * 60, 6 * 60)], []);
        // Saturday 22:00 CEST (20:00Z) to Sunday 06:00 CET (05:00Z).
        Assert.Equal(TimeSpan.FromHours(9), calendar.WorkingTimeBetween(Utc("2026-10-24 12:00"), Utc("2026-10-25 12:00")));
        Assert.Equal(Utc("2026-10-25 05:00"), calendar.AddWorkingTime(Utc("2026-10-24 12:00"), TimeSpan.FromHours(9)));
    }

    [Fact]
    public void The_hour_skipped_when_clocks_spring_forward_is_not_working_time()
    {
        var calendar = new BusinessCalendar(Zone(NewYork), [new WorkingPeriod(DayOfWeek.Sunday, 0, 6 * 60)], []);
        Assert.Equal(TimeSpan.FromHours(5), calendar.WorkingTimeBetween(Utc("2026-03-08 00:00"), Utc("2026-03-09 00:00")));
    }

    [Fact]
    public void A_working_day_that_starts_at_a_skipped_midnight_begins_when_the_clock_reads_one()
    {
        // São Paulo, 2018-11-04: midnight did not happen, clocks went from 23:59:59 to 01:00 (UTC-2 afterwards).
        var sunday = new BusinessCalendar(Zone(SaoPaulo), [new WorkingPeriod(DayOfWeek.Sunday, 0, WorkingPeriod.MinutesPerDay)], []);
        Assert.Equal(TimeSpan.FromHours(23), sunday.WorkingTimeBetween(Utc("2018-11-03 12:00"), Utc("2018-11-05 12:00")));
        Assert.Equal(Utc("2018-11-04 03:00"), sunday.AddWorkingTime(Utc("2018-11-03 12:00"), TimeSpan.FromMinutes(1))?.AddMinutes(-1));

        var due = EightToSix(SaoPaulo).AddWorkingTime(Utc("2018-11-03 15:00"), TimeSpan.FromHours(1));
        Assert.Equal(Utc("2018-11-05 11:00"), due); // Monday 09:00 at UTC-2
    }

    [Fact]
    public void Overlapping_periods_count_once()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc,
            [new WorkingPeriod(DayOfWeek.Monday, 22 * 60, 6 * 60), new WorkingPeriod(DayOfWeek.Tuesday, 0, 8 * 60)], []);
        // 2026-11-30 is a Monday: working time is Monday 22:00 to Tuesday 08:00.
        Assert.Equal(TimeSpan.FromHours(10), calendar.WorkingTimeBetween(Utc("2026-11-30 20:00"), Utc("2026-12-01 10:00")));
        Assert.Equal(Utc("2026-12-01 07:00"), calendar.AddWorkingTime(Utc("2026-11-30 20:00"), TimeSpan.FromHours(9)));
    }

    [Fact]
    public void A_night_shift_belongs_to_the_day_it_starts_on()
    {
        // Tuesday 2026-12-01 is a holiday: Monday's shift still runs into it, Tuesday's does not start.
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc,
            [new WorkingPeriod(DayOfWeek.Monday, 22 * 60, 6 * 60), new WorkingPeriod(DayOfWeek.Tuesday, 22 * 60, 6 * 60)],
            [new HolidayDate(new DateOnly(2026, 12, 1), Yearly: false)]);
        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingTimeBetween(Utc("2026-11-30 00:00"), Utc("2026-12-03 00:00")));
        Assert.True(calendar.IsOpen(Utc("2026-12-01 05:59")));
        Assert.False(calendar.IsOpen(Utc("2026-12-01 23:00")));
    }

    [Fact]
    public void A_request_made_during_a_night_shift_that_began_yesterday_is_counted_from_now()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, [new WorkingPeriod(DayOfWeek.Monday, 22 * 60, 6 * 60)], []);
        Assert.Equal(Utc("2026-12-01 04:00"), calendar.AddWorkingTime(Utc("2026-12-01 03:00"), TimeSpan.FromHours(1)));
        Assert.Equal(Utc("2026-12-07 23:00"), calendar.AddWorkingTime(Utc("2026-12-01 03:00"), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Is_open_follows_the_schedule_and_holidays()
    {
        var calendar = EightToSix(SaoPaulo, new HolidayDate(new DateOnly(2026, 12, 25), Yearly: true));
        Assert.True(calendar.IsOpen(Local(SaoPaulo, "2026-11-30 08:00")));
        Assert.False(calendar.IsOpen(Local(SaoPaulo, "2026-11-30 18:00")));
        Assert.False(calendar.IsOpen(Local(SaoPaulo, "2026-11-29 12:00")));
        Assert.False(calendar.IsOpen(Local(SaoPaulo, "2026-12-25 12:00")));
    }

    [Fact]
    public void A_calendar_that_never_opens_has_no_due_time()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, [], []);
        Assert.Null(calendar.AddWorkingTime(Utc("2026-11-30 00:00"), TimeSpan.FromMinutes(1)));
        Assert.Equal(Utc("2026-11-30 00:00"), calendar.AddWorkingTime(Utc("2026-11-30 00:00"), TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(-1, 60, false)]
    [InlineData(60, 1441, false)]
    [InlineData(1440, 60, false)]
    [InlineData(0, 1440, true)]
    [InlineData(22 * 60, 6 * 60, true)]
    public void A_working_period_must_lie_within_a_day(int start, int end, bool valid)
    {
        var errors = new ValidationErrors();
        new WorkingPeriod(DayOfWeek.Monday, start, end).Validate("week.monday", errors);
        Assert.Equal(valid, !errors.Any);
    }
}
