using System.Globalization;

namespace Atende.Reporting;

/// <summary>
/// The days a report covers, both included, as days of the viewer's time zone: "24 Nov" is the viewer's 24 Nov, so its
/// UTC edges move with the zone and with DST. <see cref="StartUtc"/> is inclusive, <see cref="EndUtc"/> exclusive.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, TimeZoneInfo Zone)
{
    /// <summary>Two years of days: a report reads the tickets of its period, so the period is what bounds its cost.</summary>
    public const int MaxDays = 731;

    public DateTime StartUtc => LocalDay.StartUtc(From, Zone);
    public DateTime EndUtc => LocalDay.StartUtc(To.AddDays(1), Zone);
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same number of days just before this period, for "+12% on the previous 30 days".</summary>
    public ReportPeriod Previous() => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>The bucket key of an instant: <c>2026-11-24</c> (day), the Monday that starts its week, or <c>2026-11</c>.</summary>
    public string KeyOf(DateTime utc, ReportGrouping grouping) => KeyOf(LocalDay.Of(utc, Zone), grouping);

    public static string KeyOf(DateOnly day, ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportGrouping.Week => WeekStart(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportGrouping.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Not a time grouping."),
    };

    /// <summary>Every bucket of the period in order, so days without tickets are rows with zeros rather than gaps.</summary>
    public IReadOnlyList<(string Key, string Label)> Buckets(ReportGrouping grouping)
    {
        var buckets = new List<(string, string)>();
        var day = grouping switch
        {
            ReportGrouping.Week => WeekStart(From),
            ReportGrouping.Month => new DateOnly(From.Year, From.Month, 1),
            _ => From,
        };
        while (day <= To)
        {
            buckets.Add((KeyOf(day, grouping), Label(day, grouping)));
            day = grouping switch
            {
                ReportGrouping.Day => day.AddDays(1),
                ReportGrouping.Week => day.AddDays(7),
                _ => day.AddMonths(1),
            };
        }
        return buckets;
    }

    /// <summary>Weeks start on Monday (ISO 8601), as in Brazil's and most of Europe's calendars.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    // The API's labels are English; screens format the key in the viewer's language.
    private static string Label(DateOnly day, ReportGrouping grouping) => grouping == ReportGrouping.Month
        ? day.ToString("MMM yyyy", CultureInfo.InvariantCulture)
        : day.ToString("d MMM", CultureInfo.InvariantCulture);
}
