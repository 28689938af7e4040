namespace Atende.Dashboards;

/// <summary>The dashboard an agent lands on at /agent/dashboards: a built-in key or a stored dashboard's id.</summary>
public sealed class DashboardHome
{
    public const int KeyMaxLength = 20;

    private DashboardHome() { }

    public DashboardHome(int agentId, string dashboardKey) => (AgentId, DashboardKey) = (agentId, dashboardKey);

    public int AgentId { get; private set; }
    public string DashboardKey { get; private set; } = "";

    public void Choose(string dashboardKey) => DashboardKey = dashboardKey;
}
