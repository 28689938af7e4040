namespace Atende.Sla;

/// <summary>
/// One stretch of working time in a week, in the calendar's local time: it starts on <see cref="Day"/> at
/// <see cref="StartMinute"/> (minutes after midnight) and ends at <see cref="EndMinute"/>. An end at or before the
/// start runs past midnight into the next day (a night shift 22:00–06:00); 0–1440 is the whole day.
/// </summary>
public readonly record struct WorkingPeriod(DayOfWeek Day, int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public bool CrossesMidnight => EndMinute <= StartMinute;

    /// <summary>How long the period lasts on the wall clock (a DST change on that night is not counted here).</summary>
    public int LengthMinutes => CrossesMidnight ? MinutesPerDay - StartMinute + EndMinute : EndMinute - StartMinute;

    public void Validate(string field, ValidationErrors errors)
    {
        if (StartMinute is < 0 or >= MinutesPerDay || EndMinute is < 0 or > MinutesPerDay)
        {
            errors.Add(field, "times must be between 00:00 and 24:00.");
        }
        else if (StartMinute == 0 && EndMinute == 0)
        {
            errors.Add(field, "a period from 00:00 to 00:00 is ambiguous; write 00:00–24:00 for the whole day.");
        }
    }
}

/// <summary>A day off: on that local date no working period starts. Yearly ones repeat on the same month and day.</summary>
public readonly record struct HolidayDate(DateOnly Date, bool Yearly)
{
    public bool Covers(DateOnly day) =>
        Yearly ? day.Month == Date.Month && day.Day == Date.Day : day == Date;
}
