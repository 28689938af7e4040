namespace Atende.Web.Resources;

/// <summary>Marker for the dashboard texts (DashboardText.resx, DashboardText.pt-BR.resx).</summary>
public sealed class DashboardText;
