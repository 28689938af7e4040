using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Atende.Sla;

/// <summary>
/// A working-time calendar ("São Paulo 8–18", "24/7"): a weekly schedule in one time zone, minus its
/// <see cref="Holiday"/>s. SLA policies measure their targets in this time.
/// </summary>
public sealed class BusinessHours
{
    public const int NameMaxLength = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private BusinessHours() { }

    public BusinessHours(string name, string timeZone, IReadOnlyList<WorkingPeriod> week)
    {
        Name = name;
        TimeZone = timeZone;
        SetWeek(week);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>An IANA zone id (America/Sao_Paulo): the schedule is in this zone's local time, DST included.</summary>
    public string TimeZone { get; private set; } = "";
    /// <summary>The weekly periods, as [day, startMinute, endMinute] triples: read together, never queried apart.</summary>
    public string WeekJson { get; private set; } = "[]";
    public List<Holiday> Holidays { get; private set; } = [];

    public IReadOnlyList<WorkingPeriod> Week =>
        JsonSerializer.Deserialize<int[][]>(WeekJson, Json)!.Select(p => new WorkingPeriod((DayOfWeek)p[0], p[1], p[2])).ToList();

    public void Rename(string name) => Name = name;

    public void MoveToZone(string timeZone) => TimeZone = timeZone;

    public void SetWeek(IReadOnlyList<WorkingPeriod> week) =>
        WeekJson = JsonSerializer.Serialize(week.OrderBy(p => p.Day).ThenBy(p => p.StartMinute).Select(p => new[] { (int)p.Day, p.StartMinute, p.EndMinute }), Json);

    public void SetHolidays(IEnumerable<(HolidayDate Date, string Name)> holidays)
    {
        Holidays.Clear();
        AddHolidays(holidays);
    }

    /// <summary>Adds the holidays it does not have yet (the same date rule twice is one holiday); returns how many were new.</summary>
    public int AddHolidays(IEnumerable<(HolidayDate Date, string Name)> holidays)
    {
        var added = 0;
        foreach (var (date, name) in holidays)
        {
            if (Holidays.Any(h => h.Date == date.Date && h.Yearly == date.Yearly))
            {
                continue;
            }
            Holidays.Add(new Holiday(date, name));
            added++;
        }
        return added;
    }

    /// <summary>The pure calendar the clock maths runs on.</summary>
    public BusinessCalendar ToCalendar() =>
        new(FindZone(TimeZone) ?? TimeZoneInfo.Utc, Week, Holidays.Select(h => new HolidayDate(h.Date, h.Yearly)));

    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}

/// <summary>A day off in a <see cref="BusinessHours"/> calendar; yearly ones repeat on the same month and day.</summary>
public sealed class Holiday
{
    public const int NameMaxLength = 100;

    private Holiday() { }

    internal Holiday(HolidayDate date, string name)
    {
        Date = date.Date;
        Yearly = date.Yearly;
        Name = name;
    }

    public int Id { get; private set; }
    public int BusinessHoursId { get; private set; }
    public DateOnly Date { get; private set; }
    public bool Yearly { get; private set; }
    public string Name { get; private set; } = "";
}

internal sealed class BusinessHoursConfiguration : IEntityTypeConfiguration<BusinessHours>
{
    public void Configure(EntityTypeBuilder<BusinessHours> b)
    {
        b.Property(h => h.Name).HasMaxLength(BusinessHours.NameMaxLength);
        b.Property(h => h.TimeZone).HasMaxLength(100);
        b.Property(h => h.WeekJson).HasMaxLength(10_000);
        b.Ignore(h => h.Week);
        b.HasIndex(h => h.Name).IsUnique();
        b.HasMany(h => h.Holidays).WithOne().HasForeignKey(h => h.BusinessHoursId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.Property(h => h.Name).HasMaxLength(Holiday.NameMaxLength);
        b.HasIndex(h => new { h.BusinessHoursId, h.Date });
    }
}
