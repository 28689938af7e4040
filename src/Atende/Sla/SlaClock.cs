namespace Atende.Sla;

/// <summary>
/// The running state of one SLA target (first response, next response or resolution) of a ticket: how much working
/// time it has used up, and since when it is running — or that it is paused (a Pending-category status).
/// Immutable; every change returns the next state, so the stored state and the arithmetic can be tested apart.
/// </summary>
public sealed record SlaClock(TimeSpan Consumed, DateTime? RunningSince)
{
    public static SlaClock StartAt(DateTime utc) => new(TimeSpan.Zero, utc);

    public bool IsPaused => RunningSince is null;

    /// <summary>Working time used up at <paramref name="nowUtc"/>.</summary>
    public TimeSpan ElapsedAt(DateTime nowUtc, BusinessCalendar calendar) =>
        RunningSince is { } since ? Consumed + calendar.WorkingTimeBetween(since, nowUtc) : Consumed;

    /// <summary>Stops the clock, keeping what was used (a pending status: waiting on the customer).</summary>
    public SlaClock Pause(DateTime nowUtc, BusinessCalendar calendar) =>
        IsPaused ? this : new SlaClock(ElapsedAt(nowUtc, calendar), null);

    /// <summary>Starts it again where it stopped (the customer answered, or the ticket was reopened).</summary>
    public SlaClock Resume(DateTime nowUtc) => IsPaused ? this with { RunningSince = nowUtc } : this;

    /// <summary>
    /// When <paramref name="target"/> falls due: null while paused (nothing is due while we wait on the customer)
    /// or when the calendar never opens. A new target after a priority change is just another call: what was used
    /// stays used.
    /// </summary>
    public DateTime? DueAt(TimeSpan target, BusinessCalendar calendar)
    {
        if (RunningSince is not { } since)
        {
            return null;
        }
        var left = target - Consumed;
        // Already over: it fell due in the past, at the moment the consumed time reached the target; "since" is
        // the earliest instant this state knows, and being late is what matters.
        return left <= TimeSpan.Zero ? since : calendar.AddWorkingTime(since, left);
    }
}
