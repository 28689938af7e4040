using Atende.Tickets;

namespace Atende.Webhooks;

/// <summary>
/// A registered subscription: every ticket event it lists is POSTed, signed with its secret, to its URL.
/// The secret is kept protected (Data Protection) and is never shown again once written: only whether there is one.
/// </summary>
public sealed class Webhook
{
    public const int NameMaxLength = 200;
    public const int UrlMaxLength = 2000;
    public const int SecretMaxLength = 500;

    /// <summary>The events a subscription may list: the ticket events of the automation triggers.</summary>
    public static IReadOnlyList<string> SubscribableEvents { get; } =
    [
        TicketEvents.Created, TicketEvents.Updated, TicketEvents.MessageFromCustomer, TicketEvents.MessageFromAgent,
        TicketEvents.NoteAdded, TicketEvents.Merged, TicketEvents.SlaWarning, TicketEvents.SlaBreached,
    ];

    private Webhook() { }

    public Webhook(string name, string url, string? protectedSecret, IReadOnlyList<string> events, bool active, DateTime now)
    {
        Name = name;
        Url = url;
        ProtectedSecret = protectedSecret;
        SetEvents(events);
        Active = active;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public string? ProtectedSecret { get; private set; }
    /// <summary>Space-separated event names; a desk has few webhooks, so matching happens in memory.</summary>
    public string Events { get; private set; } = "";
    public bool Active { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsSubscribedTo(string eventName) => Active && EventList.Contains(eventName, StringComparer.Ordinal);

    public void Change(string? name, string? url, Optional<string?> protectedSecret, IReadOnlyList<string>? events, bool? active, DateTime now)
    {
        Name = name ?? Name;
        Url = url ?? Url;
        if (protectedSecret.IsSet)
        {
            ProtectedSecret = protectedSecret.Value;
        }
        if (events is not null)
        {
            SetEvents(events);
        }
        Active = active ?? Active;
        UpdatedAt = now;
    }

    private void SetEvents(IReadOnlyList<string> events) => Events = string.Join(' ', events.Distinct(StringComparer.Ordinal));
}
