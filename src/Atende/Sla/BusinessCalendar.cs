namespace Atende.Sla;

/// <summary>
/// Working time of a <c>BusinessHours</c> calendar: a weekly schedule in one time zone, minus holidays. It answers
/// the two questions an SLA asks — "when is N working minutes after this instant?" and "how much working time lies
/// between these instants?" — on real UTC instants, so DST days are as long as they really are.
/// </summary>
/// <remarks>
/// A period belongs to the local date it starts on: a night shift that starts the evening before a holiday runs in
/// full, one that would start on the holiday does not. Local times that do not exist (the hour skipped when clocks
/// spring forward) move to the end of the gap; ambiguous ones (the hour repeated when they fall back) take the first
/// occurrence. Periods that overlap (a night shift running into the next morning's period) count once.
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>A calendar without a single working minute in this span would make a target never fall due.</summary>
    private const int MaxDaysSearched = 3 * 366;

    private readonly TimeZoneInfo _zone;
    private readonly WorkingPeriod[][] _byDay = new WorkingPeriod[7][];
    private readonly HolidayDate[] _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<WorkingPeriod> week, IEnumerable<HolidayDate> holidays)
    {
        _zone = zone;
        var periods = week.ToList();
        for (var day = 0; day < 7; day++)
        {
            _byDay[day] = periods.Where(p => (int)p.Day == day).OrderBy(p => p.StartMinute).ToArray();
        }
        _holidays = holidays.ToArray();
    }

    /// <summary>Open every minute of every day (a "24/7" calendar): working time is elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen(TimeZoneInfo zone) =>
        new(zone, Enum.GetValues<DayOfWeek>().Select(d => new WorkingPeriod(d, 0, WorkingPeriod.MinutesPerDay)), []);

    public TimeZoneInfo TimeZone => _zone;

    /// <summary>
    /// The instant <paramref name="duration"/> of working time after <paramref name="startUtc"/>; null when the
    /// calendar has no working time left within three years (an empty schedule).
    /// </summary>
    public DateTime? AddWorkingTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        startUtc = AsUtc(startUtc);
        if (duration == TimeSpan.Zero)
        {
            return startUtc;
        }
        var remaining = duration;
        foreach (var (start, end) in IntervalsFrom(startUtc))
        {
            var available = end - start;
            if (remaining <= available)
            {
                return start + remaining;
            }
            remaining -= available;
        }
        return null;
    }

    /// <summary>Working time between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        fromUtc = AsUtc(fromUtc);
        toUtc = AsUtc(toUtc);
        var total = TimeSpan.Zero;
        if (toUtc <= fromUtc)
        {
            return total;
        }
        foreach (var (start, end) in IntervalsFrom(fromUtc))
        {
            if (start >= toUtc)
            {
                break;
            }
            total += (end < toUtc ? end : toUtc) - start;
        }
        return total;
    }

    public bool IsOpen(DateTime utc)
    {
        utc = AsUtc(utc);
        foreach (var (start, _) in IntervalsFrom(utc))
        {
            return start == utc;
        }
        return false;
    }

    /// <summary>
    /// Working intervals in UTC, in order, merged where they overlap, clipped so none starts before
    /// <paramref name="fromUtc"/>. Lazy: callers stop as soon as they have their answer.
    /// </summary>
    private IEnumerable<(DateTime Start, DateTime End)> IntervalsFrom(DateTime fromUtc)
    {
        // The day before, for a period that started yesterday evening and is still running.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, _zone)).AddDays(-1);
        (DateTime Start, DateTime End)? pending = null;
        var today = new List<(DateTime Start, DateTime End)>(4);
        for (var searched = 0; searched <= MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            today.Clear();
            if (!_holidays.Any(h => h.Covers(day)))
            {
                foreach (var period in _byDay[(int)day.DayOfWeek])
                {
                    var start = ToUtc(day, period.StartMinute);
                    var end = ToUtc(period.CrossesMidnight ? day.AddDays(1) : day, period.EndMinute);
                    if (end > fromUtc && end > start)
                    {
                        today.Add((start < fromUtc ? fromUtc : start, end));
                    }
                }
            }
            // Within a day, periods are sorted by start; every period of a later day starts after all of today's start.
            foreach (var interval in today)
            {
                if (pending is { } open && interval.Start <= open.End)
                {
                    pending = (open.Start, interval.End > open.End ? interval.End : open.End);
                }
                else
                {
                    if (pending is { } done)
                    {
                        yield return done;
                    }
                    pending = interval;
                }
            }
            // Nothing starting later can merge with the pending interval once a whole day past its end has been read.
            if (pending is { } finished && ToUtc(day.AddDays(1), 0) >= finished.End)
            {
                yield return finished;
                pending = null;
            }
        }
        if (pending is { } last)
        {
            yield return last;
        }
    }

    /// <summary>A local date and minute of this calendar's zone as a UTC instant (see the remarks on DST).</summary>
    private DateTime ToUtc(DateOnly day, int minute)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minute);
        if (_zone.IsInvalidTime(local))
        {
            // Inside the skipped hour: the first minute that exists comes after the gap.
            do
            {
                local = local.AddMinutes(1);
            }
            while (_zone.IsInvalidTime(local));
            return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
        }
        if (_zone.IsAmbiguousTime(local))
        {
            var offset = _zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
