using System.Globalization;
using System.Text.Json;

namespace Atende.Web.Components.Agent.Dashboards;

/// <summary>
/// How a widget writes numbers and axis labels for the viewer: durations for "...Minutes" metrics, percentages for
/// "...Percent", days and months of the row keys in the viewer's language ("2 nov" in pt-BR, "2 Nov" in English).
/// </summary>
public static class TileFormat
{
    /// <summary>Metrics where a fall is good news: the comparison shows green when they go down.</summary>
    public static bool LowerIsBetter(string metric) =>
        metric.EndsWith("Minutes", StringComparison.Ordinal) && !metric.Contains("illable", StringComparison.Ordinal)
        || metric is "open" or "breached" or "atRisk" or "reopenRatePercent" or "myOpen" or "dueToday" or "overdue" or "unassigned";

    /// <summary>A report value as a number: handlers give CLR numbers, JSON gives elements; text and null are no number.</summary>
    public static double? Number(object? value) => value switch
    {
        null => null,
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => null,
    };

    public static string Value(string metric, double? value, CultureInfo culture)
    {
        if (value is not { } v)
        {
            return "—";
        }
        if (metric.EndsWith("Minutes", StringComparison.Ordinal))
        {
            return Duration(v, culture);
        }
        if (metric.EndsWith("Percent", StringComparison.Ordinal))
        {
            return v.ToString("0.#", culture) + "%";
        }
        return v.ToString(v == Math.Floor(v) ? "#,0" : "#,0.##", culture);
    }

    /// <summary>45 min, 3 h 20 min, 2 d 4 h — short enough for a number tile on a phone.</summary>
    public static string Duration(double minutes, CultureInfo culture)
    {
        var total = (long)Math.Round(minutes);
        if (total < 60)
        {
            return string.Create(culture, $"{total} min");
        }
        if (total < 24 * 60)
        {
            return total % 60 == 0 ? string.Create(culture, $"{total / 60} h") : string.Create(culture, $"{total / 60} h {total % 60} min");
        }
        var hours = total / 60 % 24;
        return hours == 0 ? string.Create(culture, $"{total / 1440} d") : string.Create(culture, $"{total / 1440} d {hours} h");
    }

    /// <summary>Change against the previous period in percent; none when there is nothing to compare with.</summary>
    public static double? Change(double? current, double? previous) =>
        current is { } c && previous is { } p && p != 0 ? (c - p) / Math.Abs(p) * 100 : null;

    /// <summary>A row's label on an axis or in a legend: time keys in the viewer's language, other rows by their name.</summary>
    public static string Label(string key, string label, string groupBy, CultureInfo culture)
    {
        if (groupBy is "day" or "week" && DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("d MMM", culture);
        }
        if (groupBy == "month" && DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month.ToString("MMM yyyy", culture);
        }
        return string.IsNullOrEmpty(label) ? key : label;
    }
}
