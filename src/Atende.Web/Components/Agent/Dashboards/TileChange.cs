namespace Atende.Web.Components.Agent.Dashboards;

/// <summary>What the edit buttons of a tile ask the dashboard to do.</summary>
public enum TileChange
{
    MoveLeft,
    MoveRight,
    Narrower,
    Wider,
    Taller,
    Edit,
    Remove,
}
