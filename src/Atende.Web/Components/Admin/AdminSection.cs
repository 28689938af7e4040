using MudBlazor;

namespace Atende.Web.Components.Admin;

/// <summary>The administration screens, once for the menu and the overview page.</summary>
public sealed record AdminSection(string Href, string Icon, string TitleKey, string DescriptionKey)
{
    public static IReadOnlyList<AdminSection> All { get; } =
    [
        new("admin/agents", Icons.Material.Outlined.SupportAgent, "Agents.Title", "Agents.Summary"),
        new("admin/teams", Icons.Material.Outlined.Groups, "Teams.Title", "Teams.Summary"),
        new("admin/organizations", Icons.Material.Outlined.Business, "Organizations.Title", "Organizations.Summary"),
        new("admin/customers", Icons.Material.Outlined.People, "Customers.Title", "Customers.Summary"),
        new("admin/statuses", Icons.Material.Outlined.LinearScale, "Statuses.Title", "Statuses.Summary"),
        new("admin/request-types", Icons.Material.Outlined.DynamicForm, "RequestTypes.Title", "RequestTypes.Summary"),
        new("admin/tags", Icons.Material.Outlined.Sell, "Tags.Title", "Tags.Summary"),
        new("admin/canned-responses", Icons.Material.Outlined.Quickreply, "CannedResponses.Title", "CannedResponses.Summary"),
        new("admin/security", Icons.Material.Outlined.Security, "Security.Title", "Security.Summary"),
    ];
}
