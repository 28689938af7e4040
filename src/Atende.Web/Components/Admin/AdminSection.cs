using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Atende.Web.Components.Admin;

/// <summary>
/// The administration screens, once for the menu and the overview page. Keys are in AdminText unless
/// <paramref name="TextSet"/> names the resource set of the module that owns the screen.
/// </summary>
public sealed record AdminSection(string Href, string Icon, string TitleKey, string DescriptionKey, Type? TextSet = null)
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
        new("admin/macros", Icons.Material.Outlined.AutoFixHigh, "Admin.Title", "Admin.Summary", typeof(Resources.MacroText)),
        new("admin/mailboxes", Icons.Material.Outlined.Mail, "Title", "Summary", typeof(Resources.MailboxText)),
        new("admin/webhooks", Icons.Material.Outlined.Webhook, "Title", "Summary", typeof(Resources.WebhookText)),
        new("admin/sla", Icons.Material.Outlined.Timer, "Title", "Summary", typeof(Resources.SlaText)),
        new("admin/automation", Icons.Material.Outlined.AutoMode, "Title", "Summary", typeof(Resources.AutomationText)),
        new("admin/security", Icons.Material.Outlined.Security, "Security.Title", "Security.Summary"),
        new("admin/portal", Icons.Material.Outlined.Storefront, "Admin.Title", "Admin.Intro", typeof(Resources.PortalAccountText)),
        new("admin/email-templates", Icons.Material.Outlined.MarkEmailRead, "Title", "Summary", typeof(Resources.EmailTemplateText)),
    ];

    /// <summary>A key of this section in the language of the page.</summary>
    public string Text(string key, IStringLocalizer adminText, IStringLocalizerFactory texts) =>
        TextSet is null ? adminText[key] : texts.Create(TextSet)[key];
}
