using Atende.Web.Resources;

namespace Atende.Web.Components.Agent.Queues;

/// <summary>A key of the ticket lists and the <see cref="QueueText"/> resource key describing it.</summary>
public sealed record QueueShortcut(string Key, string DescriptionKey);

/// <summary>
/// The keyboard shortcuts of the queue and search lists, for the "?" overlay: show <see cref="GroupKey"/> as the heading
/// and each description through <c>IStringLocalizer&lt;QueueText&gt;</c>. The lists handle the keys themselves.
/// </summary>
public static class QueueShortcuts
{
    public const string GroupKey = "Shortcut_Group";

    public static IReadOnlyList<QueueShortcut> All { get; } =
    [
        new("j", "Shortcut_Next"),
        new("k", "Shortcut_Previous"),
        new("Enter", "Shortcut_Open"),
        new("x", "Shortcut_Select"),
    ];
}
