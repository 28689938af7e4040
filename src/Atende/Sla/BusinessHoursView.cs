using System.Globalization;
using System.Text.Json;

namespace Atende.Sla;

public sealed record HolidayView(DateOnly Date, string Name, bool Yearly);

/// <summary>
/// A calendar as API.md shows it: <c>week</c> maps a day name to its periods, each ["08:00", "18:00"]
/// (an end at or before the start runs past midnight; "24:00" ends at midnight).
/// </summary>
public sealed record BusinessHoursView(
    int Id,
    string Name,
    string TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Week,
    IReadOnlyList<HolidayView> Holidays,
    int PolicyCount)
{
    public static BusinessHoursView Of(BusinessHours hours, int policyCount) => new(
        hours.Id, hours.Name, hours.TimeZone, WeekText.Format(hours.Week),
        hours.Holidays.OrderBy(h => h.Date).Select(h => new HolidayView(h.Date, h.Name, h.Yearly)).ToList(),
        policyCount);
}

/// <summary>A holiday as the API takes it.</summary>
public sealed record HolidayInput(DateOnly? Date, string? Name, bool Yearly);

/// <summary>Reads and writes the API's week shape; errors are placed, e.g. <c>week.monday[0]</c>.</summary>
public static class WeekText
{
    public const int MaxPeriodsPerDay = 6;
    public const int MaxHolidays = HolidayCalendarFile.MaxHolidays;

    public static string DayName(DayOfWeek day) => JsonNamingPolicy.CamelCase.ConvertName(day.ToString());

    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Format(IReadOnlyList<WorkingPeriod> week)
    {
        var result = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>();
        // Monday first, as people write a week.
        foreach (var day in Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7))
        {
            result[DayName(day)] = week.Where(p => p.Day == day).OrderBy(p => p.StartMinute)
                .Select(p => (IReadOnlyList<string>)[Time(p.StartMinute), Time(p.EndMinute)]).ToList();
        }
        return result;
    }

    public static string Time(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    public static IReadOnlyList<WorkingPeriod> Parse(
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>? week, ValidationErrors errors, string path = "week")
    {
        var periods = new List<WorkingPeriod>();
        if (week is null)
        {
            errors.Add(path, "is required: { \"monday\": [[\"08:00\", \"18:00\"]], ... }.");
            return periods;
        }
        foreach (var (name, list) in week)
        {
            var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d => DayName(d!.Value) == name);
            if (day is null)
            {
                errors.Add($"{path}.{name}", "is not a day: monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
                continue;
            }
            if (list is null)
            {
                continue;
            }
            if (list.Count > MaxPeriodsPerDay)
            {
                errors.Add($"{path}.{name}", $"may hold at most {MaxPeriodsPerDay} periods.");
                continue;
            }
            for (var i = 0; i < list.Count; i++)
            {
                var field = $"{path}.{name}[{i}]";
                if (list[i] is not { Count: 2 } pair || Minute(pair[0]) is not { } start || Minute(pair[1]) is not { } end)
                {
                    errors.Add(field, "must be a pair of times [\"08:00\", \"18:00\"].");
                    continue;
                }
                var period = new WorkingPeriod(day.Value, start, end);
                period.Validate(field, errors);
                periods.Add(period);
            }
        }
        return periods;
    }

    public static IReadOnlyList<(HolidayDate Date, string Name)> ParseHolidays(IReadOnlyList<HolidayInput?>? holidays, ValidationErrors errors, string path = "holidays")
    {
        var result = new List<(HolidayDate, string)>();
        if (holidays is null)
        {
            return result;
        }
        if (holidays.Count > MaxHolidays)
        {
            errors.Add(path, $"may hold at most {MaxHolidays} holidays.");
            return result;
        }
        for (var i = 0; i < holidays.Count; i++)
        {
            if (holidays[i] is not { } holiday)
            {
                errors.Add($"{path}[{i}]", "must not be null.");
                continue;
            }
            if (holiday.Date is not { } date)
            {
                errors.Add($"{path}[{i}].date", "is required (2026-12-25).");
                continue;
            }
            var name = errors.Text($"{path}[{i}].name", holiday.Name, Holiday.NameMaxLength) ?? "";
            result.Add((new HolidayDate(date, holiday.Yearly), name));
        }
        return result;
    }

    /// <summary>"HH:mm" as minutes after midnight; "24:00" is the end of the day.</summary>
    public static int? Minute(string? text)
    {
        if (text is null || text.Length != 5 || text[2] != ':' ||
            !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ||
            !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return null;
        }
        return hours is >= 0 and <= 24 && minutes is >= 0 and < 60 && (hours < 24 || minutes == 0) ? hours * 60 + minutes : null;
    }
}
