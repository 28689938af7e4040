using System.Globalization;
using Atende.Sla;

namespace Atende.Tests.Sla;

public sealed class SlaClockTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private static readonly BusinessCalendar Office = new(SaoPaulo,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingPeriod(d, 8 * 60, 18 * 60)), []);

    private static DateTime At(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture), SaoPaulo);

    [Fact]
    public void A_running_clock_falls_due_after_the_target_in_working_time()
    {
        var clock = SlaClock.StartAt(At("2026-11-30 09:00"));
        Assert.Equal(At("2026-11-30 13:00"), clock.DueAt(TimeSpan.FromHours(4), Office));
        Assert.Equal(TimeSpan.FromHours(2), clock.ElapsedAt(At("2026-11-30 11:00"), Office));
    }

    [Fact]
    public void Pausing_keeps_the_time_used_and_resuming_continues_from_it()
    {
        var paused = SlaClock.StartAt(At("2026-11-30 09:00")).Pause(At("2026-11-30 10:00"), Office);
        Assert.True(paused.IsPaused);
        Assert.Null(paused.DueAt(TimeSpan.FromHours(4), Office));
        Assert.Equal(TimeSpan.FromHours(1), paused.ElapsedAt(At("2026-12-10 10:00"), Office));

        var resumed = paused.Resume(At("2026-12-01 09:00"));
        Assert.Equal(At("2026-12-01 12:00"), resumed.DueAt(TimeSpan.FromHours(4), Office));
    }

    [Fact]
    public void Pausing_twice_or_resuming_a_running_clock_changes_nothing()
    {
        var paused = SlaClock.StartAt(At("2026-11-30 09:00")).Pause(At("2026-11-30 10:00"), Office);
        Assert.Equal(paused, paused.Pause(At("2026-11-30 17:00"), Office));
        var running = paused.Resume(At("2026-11-30 11:00"));
        Assert.Equal(running, running.Resume(At("2026-11-30 15:00")));
    }

    [Fact]
    public void A_priority_change_mid_flight_applies_the_new_target_to_the_time_already_used()
    {
        var clock = SlaClock.StartAt(At("2026-11-30 09:00")).Pause(At("2026-11-30 12:00"), Office).Resume(At("2026-11-30 14:00"));
        Assert.Equal(At("2026-12-01 09:00"), clock.DueAt(TimeSpan.FromHours(8), Office)); // Normal: 8 h, 3 used
        Assert.Equal(At("2026-11-30 15:00"), clock.DueAt(TimeSpan.FromHours(4), Office)); // raised to High: 4 h
        Assert.Equal(At("2026-11-30 14:00"), clock.DueAt(TimeSpan.FromHours(2), Office)); // Urgent: already over
    }
}
