namespace Atende.Dashboards;

/// <summary>Who sees a dashboard besides its owner: nobody, the members of one team, or every agent.</summary>
public enum DashboardSharing
{
    Personal,
    Team,
    Everyone,
}

/// <summary>
/// A page of report widgets an agent arranged. Personal ones are seen by their owner only (not even by admins: it is
/// somebody's workbench); shared ones are read-only for everyone but their owner, admins and the lead of the team.
/// </summary>
public sealed class Dashboard
{
    public const int NameMaxLength = 100;
    public const int MaxPerOwner = 30;
    public const int MaxWidgets = 24;

    private readonly List<DashboardWidget> _widgets = [];

    private Dashboard() { }

    public Dashboard(string name, int ownerAgentId, DashboardSharing sharing, int? teamId, DateTime now)
    {
        Name = name;
        OwnerAgentId = ownerAgentId;
        CreatedAt = now;
        ShareWith(sharing, teamId, now);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int OwnerAgentId { get; private set; }
    public DashboardSharing Sharing { get; private set; }
    /// <summary>The team it is shared with; only set when <see cref="Sharing"/> is <see cref="DashboardSharing.Team"/>.</summary>
    public int? TeamId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<DashboardWidget> Widgets => _widgets;

    public void Rename(string name, DateTime now) => (Name, UpdatedAt) = (name, now);

    public void ShareWith(DashboardSharing sharing, int? teamId, DateTime now)
    {
        if (sharing == DashboardSharing.Team && teamId is null)
        {
            throw new BusinessRuleException("A dashboard shared with a team needs the team.");
        }
        (Sharing, TeamId, UpdatedAt) = (sharing, sharing == DashboardSharing.Team ? teamId : null, now);
    }

    public DashboardWidget Add(WidgetSettings settings, DateTime now)
    {
        if (_widgets.Count >= MaxWidgets)
        {
            throw new BusinessRuleException($"A dashboard holds at most {MaxWidgets} widgets; remove one first.");
        }
        var widget = new DashboardWidget(settings, _widgets.Count == 0 ? 0 : _widgets.Max(w => w.Position) + 1);
        _widgets.Add(widget);
        UpdatedAt = now;
        return widget;
    }

    public void Remove(DashboardWidget widget, DateTime now)
    {
        _widgets.Remove(widget);
        UpdatedAt = now;
    }

    /// <summary>Puts the widgets in the given order; every widget must be named exactly once.</summary>
    public void Reorder(IReadOnlyList<int> widgetIds, DateTime now)
    {
        if (widgetIds.Count != _widgets.Count || widgetIds.Distinct().Count() != widgetIds.Count ||
            widgetIds.Any(id => _widgets.All(w => w.Id != id)))
        {
            throw InvalidRequestException.For("widgetIds", "must list every widget of the dashboard exactly once.");
        }
        for (var i = 0; i < widgetIds.Count; i++)
        {
            _widgets.Single(w => w.Id == widgetIds[i]).MoveTo(i);
        }
        UpdatedAt = now;
    }
}
