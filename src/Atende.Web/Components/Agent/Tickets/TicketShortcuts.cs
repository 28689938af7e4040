namespace Atende.Web.Components.Agent.Tickets;

/// <summary>A key of the ticket page and the <c>TicketText</c> resource key that describes it.</summary>
public sealed record TicketShortcut(string Key, string DescriptionKey);

/// <summary>The keyboard shortcuts of the ticket page, for the page itself and for the "?" overlay.</summary>
public static class TicketShortcuts
{
    public const string Reply = "r";
    public const string Note = "n";
    public const string AssignToMe = "a";
    public const string Send = "Ctrl+Enter";
    public const string Next = "j";
    public const string Previous = "k";

    public static IReadOnlyList<TicketShortcut> All { get; } =
    [
        new(Reply, "Shortcut.Reply"),
        new(Note, "Shortcut.Note"),
        new(AssignToMe, "Shortcut.AssignToMe"),
        new(Send, "Shortcut.Send"),
        new(Next, "Shortcut.Next"),
        new(Previous, "Shortcut.Previous"),
    ];
}
