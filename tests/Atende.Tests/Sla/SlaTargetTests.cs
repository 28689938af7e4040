using System.Globalization;
using Atende.Sla;

namespace Atende.Tests.Sla;

public sealed class SlaTargetTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private static readonly BusinessCalendar Office = new(SaoPaulo,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingPeriod(d, 8 * 60, 18 * 60)), []);

    private static DateTime At(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture), SaoPaulo);

    [Fact]
    public void A_target_met_in_time_records_the_working_minutes_it_took_and_no_breach()
    {
        var target = new SlaTarget(1, SlaTargetKind.FirstResponse, 0, 1, 60, SlaClock.StartAt(At("2026-11-27 20:00")));
        target.Recompute(Office);
        Assert.Equal(At("2026-11-30 09:00"), target.DueAt);

        target.Achieve(At("2026-11-30 08:45"), Office);
        Assert.False(target.IsOpen);
        Assert.Equal(45, target.BusinessMinutes);
        Assert.Null(target.BreachedAt);
        Assert.True(target.Clock.IsPaused);
    }

    [Fact]
    public void A_target_met_late_counts_as_breached_at_its_due_time_even_before_the_breach_timer_fired()
    {
        var target = new SlaTarget(1, SlaTargetKind.Resolution, 0, 1, 60, SlaClock.StartAt(At("2026-11-30 09:00")));
        target.Recompute(Office);
        target.Achieve(At("2026-11-30 11:00"), Office);
        Assert.Equal(120, target.BusinessMinutes);
        Assert.Equal(At("2026-11-30 10:00"), target.BreachedAt);
    }

    [Fact]
    public void A_paused_target_has_no_due_time_and_a_reopened_one_runs_on_from_what_it_used()
    {
        var target = new SlaTarget(1, SlaTargetKind.Resolution, 0, 1, 240, SlaClock.StartAt(At("2026-11-30 09:00")));
        target.Pause(At("2026-11-30 10:00"), Office);
        target.Recompute(Office);
        Assert.Null(target.DueAt);

        target.Resume(At("2026-11-30 17:00"));
        target.Recompute(Office);
        // 60 used; 180 left from Monday 17:00: 60 on Monday, 120 on Tuesday from 08:00.
        Assert.Equal(At("2026-12-01 10:00"), target.DueAt);

        target.Achieve(At("2026-11-30 17:30"), Office);
        Assert.Equal(90, target.BusinessMinutes);
        target.Reopen(At("2026-12-01 08:00"));
        Assert.True(target.IsOpen);
        Assert.Null(target.BusinessMinutes);
        target.Recompute(Office);
        Assert.Equal(At("2026-12-01 10:30"), target.DueAt);
    }

    [Fact]
    public void A_priority_change_moves_the_goal_but_keeps_the_time_used()
    {
        var target = new SlaTarget(1, SlaTargetKind.Resolution, 0, 1, 600, SlaClock.StartAt(At("2026-11-30 08:00")));
        target.Pause(At("2026-11-30 12:00"), Office);
        target.Resume(At("2026-11-30 12:00"));
        target.Retarget(1, 240);
        target.Recompute(Office);
        Assert.Equal(At("2026-11-30 12:00"), target.DueAt);
        Assert.Equal(240, target.TargetMinutes);
    }

    [Fact]
    public void Timer_keys_name_the_kind()
    {
        Assert.Equal(SlaTargetKind.NextResponse, SlaTarget.KindOf("nextResponse"));
        Assert.Null(SlaTarget.KindOf("rule:12"));
    }
}
