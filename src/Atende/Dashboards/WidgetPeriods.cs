namespace Atende.Dashboards;

/// <summary>
/// The periods a widget (or the dashboard's period picker) can ask for, turned into days of the viewer's calendar:
/// "today" is the viewer's today, "last 7 days" ends with it.
/// </summary>
public static class WidgetPeriods
{
    public const string Today = "today";
    public const string Last7 = "last7";
    public const string Last30 = "last30";
    public const string Last90 = "last90";
    public const string ThisMonth = "thisMonth";
    public const string Custom = "custom";

    public static IReadOnlyList<string> All { get; } = [Today, Last7, Last30, Last90, ThisMonth, Custom];

    /// <summary>The first and last day of a period; a custom one needs both days (checked when the widget was saved).</summary>
    public static (DateOnly From, DateOnly To) Days(string period, DateOnly? from, DateOnly? to, DateOnly today) => period switch
    {
        Today => (today, today),
        Last7 => (today.AddDays(-6), today),
        Last90 => (today.AddDays(-89), today),
        ThisMonth => (new DateOnly(today.Year, today.Month, 1), today),
        Custom when from is { } f && to is { } t => (f, t),
        _ => (today.AddDays(-29), today),
    };
}
