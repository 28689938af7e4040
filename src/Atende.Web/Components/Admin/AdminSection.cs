using MudBlazor;

namespace Atende.Web.Components.Admin;

/// <summary>The administration screens, once for the menu and the overview page.</summary>
public sealed record AdminSection(string Href, string Icon, string TitleKey, string DescriptionKey)
{
    public static IReadOnlyList<AdminSection> All { get; } =
    [
        new("admin/agents", Icons.Material.Outlined.SupportAgent, "Agents.Title", "Agents.Description"),
        new("admin/teams", Icons.Material.Outlined.Groups, "Teams.Title", "Teams.Description"),
        new("admin/organizations", Icons.Material.Outlined.Business, "Organizations.Title", "Organizations.Description"),
        new("admin/customers", Icons.Material.Outlined.People, "Customers.Title", "Customers.Description"),
        new("admin/statuses", Icons.Material.Outlined.LinearScale, "Statuses.Title", "Statuses.Description"),
        new("admin/request-types", Icons.Material.Outlined.DynamicForm, "RequestTypes.Title", "RequestTypes.Description"),
        new("admin/tags", Icons.Material.Outlined.Sell, "Tags.Title", "Tags.Description"),
    ];
}
