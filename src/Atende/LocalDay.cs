namespace Atende;

/// <summary>
/// Days as a person sees them: "today", "24 Nov" and a report's day buckets are days of the viewer's time zone,
/// whose edges are UTC instants that move with DST.
/// </summary>
public static class LocalDay
{
    /// <summary>The UTC instant where <paramref name="day"/> starts in <paramref name="zone"/>.</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a DST gap (midnight skipped, as São Paulo did until 2019) starts one hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The day <paramref name="utc"/> falls on in <paramref name="zone"/>.</summary>
    public static DateOnly Of(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
