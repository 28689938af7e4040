namespace Atende.Dashboards;

public enum WidgetKind
{
    Number,
    Line,
    Bar,
    Pie,
    Donut,
    Table,
}

public enum WidgetHeight
{
    Small,
    Medium,
    Large,
}

/// <summary>What a widget shows and how, checked by <see cref="WidgetInput"/> before it gets here.</summary>
public sealed record WidgetSettings(
    string Title,
    WidgetKind Kind,
    string Report,
    IReadOnlyList<string> Metrics,
    string? GroupBy,
    string Period,
    DateOnly? From,
    DateOnly? To,
    int? TeamId,
    int? OrganizationId,
    string? Type,
    string? Priority,
    string? Agent,
    bool Compare,
    int Width,
    WidgetHeight Height);

/// <summary>
/// One tile of a dashboard: a report, the metric(s) it plots, a grouping, its own period and filters, and its place
/// (order, width in grid columns on a desktop — a phone shows one column — and height).
/// </summary>
public sealed class DashboardWidget
{
    public const int TitleMaxLength = 100;

    private DashboardWidget() { }

    internal DashboardWidget(WidgetSettings settings, int position)
    {
        Change(settings);
        Position = position;
    }

    public int Id { get; private set; }
    public int DashboardId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; } = "";
    public WidgetKind Kind { get; private set; }
    public string Report { get; private set; } = "";
    /// <summary>Comma-separated metric names, in series order.</summary>
    public string Metrics { get; private set; } = "";
    public string? GroupBy { get; private set; }
    public string Period { get; private set; } = WidgetPeriods.Last30;
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public int? TeamId { get; private set; }
    public int? OrganizationId { get; private set; }
    public string? Type { get; private set; }
    public string? Priority { get; private set; }
    /// <summary>"me" (the viewer, whoever looks) or an agent id.</summary>
    public string? Agent { get; private set; }
    public bool Compare { get; private set; }
    public int Width { get; private set; } = 4;
    public WidgetHeight Height { get; private set; } = WidgetHeight.Medium;

    public WidgetSettings Settings => new(Title, Kind, Report, Metrics.Split(',', StringSplitOptions.RemoveEmptyEntries), GroupBy,
        Period, From, To, TeamId, OrganizationId, Type, Priority, Agent, Compare, Width, Height);

    public void Change(WidgetSettings s)
    {
        (Title, Kind, Report, Metrics, GroupBy, Period, From, To) =
            (s.Title, s.Kind, s.Report, string.Join(',', s.Metrics), s.GroupBy, s.Period, s.From, s.To);
        (TeamId, OrganizationId, Type, Priority, Agent, Compare, Width, Height) =
            (s.TeamId, s.OrganizationId, s.Type, s.Priority, s.Agent, s.Compare, s.Width, s.Height);
    }

    internal void MoveTo(int position) => Position = position;
}
