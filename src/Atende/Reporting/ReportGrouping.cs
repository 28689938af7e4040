namespace Atende.Reporting;

/// <summary>
/// What a report's rows are: time buckets (days, weeks and months of the viewer's time zone) or one row per value of a
/// ticket dimension. <see cref="Ticket"/> lists tickets one per row (SLA breaches, survey comments);
/// <see cref="Status"/> and <see cref="Age"/> only make sense for the backlog.
/// </summary>
public enum ReportGrouping
{
    None,
    Day,
    Week,
    Month,
    Team,
    Agent,
    Organization,
    Type,
    Priority,
    Channel,
    Tag,
    Status,
    Age,
    Ticket,
    /// <summary>The SLA policy that set a target (<c>sla</c>).</summary>
    Policy,
    /// <summary>A knowledge base article (<c>self-service</c>).</summary>
    Article,
}

public static class ReportGroupings
{
    public static bool IsTime(this ReportGrouping grouping) =>
        grouping is ReportGrouping.Day or ReportGrouping.Week or ReportGrouping.Month;

    /// <summary>The API's camelCase name: <c>day</c>, <c>organization</c>...</summary>
    public static string Name(this ReportGrouping grouping) =>
        char.ToLowerInvariant(grouping.ToString()[0]) + grouping.ToString()[1..];

    public static ReportGrouping? Parse(string? name)
    {
        foreach (var grouping in Enum.GetValues<ReportGrouping>())
        {
            if (string.Equals(grouping.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                return grouping;
            }
        }
        return null;
    }
}
