using System.Globalization;
using System.Text;

namespace Atende.Sla;

/// <summary>A holiday read from a file: its date rule and the name it had there.</summary>
public sealed record ImportedHoliday(HolidayDate Date, string Name);

/// <summary>
/// Reads holidays from an iCalendar (.ics) file, such as the public-holiday calendars Google, Outlook or a
/// government publish: each all-day VEVENT becomes a holiday (every day of a multi-day event), an event that
/// repeats yearly (RRULE FREQ=YEARLY) becomes a yearly holiday. Times, time zones and other recurrences are not
/// holidays' business and are ignored rather than guessed at.
/// </summary>
public static class HolidayCalendarFile
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxHolidays = 2000;
    private const int MaxDaysPerEvent = 31;

    public static IReadOnlyList<ImportedHoliday> Parse(string ics, ValidationErrors errors, string field = "file")
    {
        if (Encoding.UTF8.GetByteCount(ics) > MaxBytes)
        {
            errors.Add(field, $"must be at most {MaxBytes / 1024} KB.");
            return [];
        }
        var lines = Unfold(ics);
        if (!lines.Any(l => l.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(field, "is not an iCalendar file (no BEGIN:VCALENDAR).");
            return [];
        }
        var holidays = new List<ImportedHoliday>();
        Dictionary<string, (string Parameters, string Value)>? current = null;
        foreach (var line in lines)
        {
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                current = new(StringComparer.OrdinalIgnoreCase);
            }
            else if (line.Equals("END:VEVENT", StringComparison.OrdinalIgnoreCase) && current is not null)
            {
                AddEvent(current, holidays);
                current = null;
                if (holidays.Count > MaxHolidays)
                {
                    errors.Add(field, $"holds more than {MaxHolidays} holidays.");
                    return [];
                }
            }
            else if (current is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                var head = line[..colon];
                var semicolon = head.IndexOf(';', StringComparison.Ordinal);
                var name = semicolon < 0 ? head : head[..semicolon];
                current.TryAdd(name, (semicolon < 0 ? "" : head[(semicolon + 1)..], line[(colon + 1)..]));
            }
        }
        // The same day listed twice (two calendars merged, a yearly event plus its instances) is one holiday.
        return holidays.GroupBy(h => h.Date).Select(g => g.First()).OrderBy(h => h.Date.Date).ToList();
    }

    private static void AddEvent(Dictionary<string, (string Parameters, string Value)> properties, List<ImportedHoliday> holidays)
    {
        if (!properties.TryGetValue("DTSTART", out var start) || Day(start.Value) is not { } first)
        {
            return;
        }
        // Only all-day events are holidays; a timed meeting in the same calendar is not.
        var allDay = start.Parameters.Contains("VALUE=DATE", StringComparison.OrdinalIgnoreCase) || start.Value.Trim().Length == 8;
        if (!allDay)
        {
            return;
        }
        var last = first;
        if (properties.TryGetValue("DTEND", out var end) && Day(end.Value) is { } endDay && endDay > first)
        {
            // DTEND of an all-day event is exclusive: 25 to 26 December is one day.
            last = endDay.AddDays(-1);
        }
        if (last.DayNumber - first.DayNumber >= MaxDaysPerEvent)
        {
            last = first.AddDays(MaxDaysPerEvent - 1);
        }
        var yearly = properties.TryGetValue("RRULE", out var rule) &&
            rule.Value.Split(';').Any(part => part.Equals("FREQ=YEARLY", StringComparison.OrdinalIgnoreCase));
        var name = properties.TryGetValue("SUMMARY", out var summary) ? Unescape(summary.Value).Trim() : "";
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            holidays.Add(new ImportedHoliday(new HolidayDate(day, yearly), name.Length > 100 ? name[..100] : name));
        }
    }

    private static DateOnly? Day(string value)
    {
        var text = value.Trim();
        return text.Length >= 8 && DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>RFC 5545 §3.1: a line that starts with a space or a tab continues the previous one.</summary>
    private static List<string> Unfold(string ics)
    {
        var lines = new List<string>();
        foreach (var raw in ics.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += raw[1..];
            }
            else
            {
                lines.Add(raw.TrimEnd('\r'));
            }
        }
        return lines;
    }

    private static string Unescape(string text) => text
        .Replace("\\n", " ", StringComparison.OrdinalIgnoreCase)
        .Replace("\\,", ",", StringComparison.Ordinal)
        .Replace("\\;", ";", StringComparison.Ordinal)
        .Replace("\\\\", "\\", StringComparison.Ordinal);
}
