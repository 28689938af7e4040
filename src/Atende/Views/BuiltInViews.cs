using Atende.Tickets;

namespace Atende.Views;

/// <summary>A queue every agent has: a key (used in URLs), an English name (the UI localizes by key) and its filter.</summary>
public sealed record BuiltInView(string Key, string Name, Func<DateTime, TimeZoneInfo, ListTicketsRequest> Filter);

/// <summary>The queues every agent has, in navigation order. "Today" is the agent's day, in their time zone.</summary>
public static class BuiltInViews
{
    public const string MyOpen = "my-open";
    public const string Unassigned = "unassigned";
    public const string Overdue = "overdue";
    public const string DueToday = "due-today";
    public const string AwaitingCustomer = "awaiting-customer";
    public const string AllOpen = "all-open";
    public const string RecentlySolved = "recently-solved";

    /// <summary>Not done yet: the categories an agent still has to act on (or wait on).</summary>
    private static readonly string[] Active = ["new", "open", "pending"];

    public static IReadOnlyList<BuiltInView> All { get; } =
    [
        new(MyOpen, "My open", (_, _) => new() { Assignee = "me", StatusCategory = Active }),
        new(Unassigned, "Unassigned", (_, _) => new() { Assignee = "none", StatusCategory = Active }),
        new(Overdue, "Overdue", (_, _) => new() { Overdue = true, StatusCategory = Active, Sort = "dueAt" }),
        new(DueToday, "Due today", (now, zone) =>
        {
            var (start, end) = Today(now, zone);
            return new() { DueFrom = start, DueTo = end, StatusCategory = Active, Sort = "dueAt" };
        }),
        new(AwaitingCustomer, "Awaiting customer", (_, _) => new() { StatusCategory = ["pending"] }),
        new(AllOpen, "All open", (_, _) => new() { StatusCategory = Active }),
        new(RecentlySolved, "Recently solved", (now, _) => new() { StatusCategory = ["resolved", "closed"], ResolvedFrom = now.AddDays(-7) }),
    ];

    public static BuiltInView? Find(string key) => All.FirstOrDefault(v => v.Key == key);

    /// <summary>A time zone id (IANA or Windows); unknown or missing ids mean UTC rather than an error, since it only shifts "today".</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        timeZoneId is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The UTC instants where the agent's current day starts and ends.</summary>
    public static (DateTime Start, DateTime End) Today(DateTime utcNow, TimeZoneInfo zone)
    {
        var today = LocalDay.Of(utcNow, zone);
        return (LocalDay.StartUtc(today, zone), LocalDay.StartUtc(today.AddDays(1), zone));
    }
}
