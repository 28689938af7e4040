namespace Atende.Notifications;

/// <summary>
/// What an agent can choose to hear about, per channel. Flags, so one column holds a channel's choices;
/// the values are stored, never renumber them.
/// </summary>
[Flags]
public enum AgentEvent
{
    None = 0,
    /// <summary>A ticket was opened in (or moved into) one of the agent's teams.</summary>
    NewTicket = 1,
    /// <summary>Someone else assigned a ticket to the agent.</summary>
    Assigned = 2,
    /// <summary>The customer replied on a ticket assigned to the agent.</summary>
    CustomerReplied = 4,
    /// <summary>Someone wrote @handle in a reply or note.</summary>
    Mentioned = 8,
    /// <summary>A ticket the agent watches got a reply or changed status, priority, team or assignee.</summary>
    WatchedUpdated = 16,
    /// <summary>An SLA target of the agent's ticket is about to be missed.</summary>
    SlaWarning = 32,
    /// <summary>An SLA target of the agent's ticket (or, for a team lead, of the team's) was missed.</summary>
    SlaBreached = 64,
}

/// <summary>The events by name: the API's keys, and the <c>agent.&lt;key&gt;</c> email kinds and template keys.</summary>
public static class AgentEvents
{
    public static readonly IReadOnlyList<(AgentEvent Event, string Key, string Name)> All =
    [
        (AgentEvent.NewTicket, "new-ticket", "newTicket"),
        (AgentEvent.Assigned, "assigned", "assigned"),
        (AgentEvent.CustomerReplied, "customer-replied", "customerReplied"),
        (AgentEvent.Mentioned, "mentioned", "mentioned"),
        (AgentEvent.WatchedUpdated, "watched-updated", "watchedUpdated"),
        (AgentEvent.SlaWarning, "sla-warning", "slaWarning"),
        (AgentEvent.SlaBreached, "sla-breached", "slaBreached"),
    ];

    /// <summary>The key of the digest mail's template and its email kind (<c>agent.digest</c>).</summary>
    public const string DigestKey = "digest";

    /// <summary>In the bell: everything. By email: what needs the agent even when away from the screen.</summary>
    public const AgentEvent DefaultInApp = AgentEvent.NewTicket | AgentEvent.Assigned | AgentEvent.CustomerReplied | AgentEvent.Mentioned
        | AgentEvent.WatchedUpdated | AgentEvent.SlaWarning | AgentEvent.SlaBreached;

    public const AgentEvent DefaultEmail = AgentEvent.Assigned | AgentEvent.CustomerReplied | AgentEvent.Mentioned | AgentEvent.SlaBreached;

    public static string KeyOf(AgentEvent e) => All.First(a => a.Event == e).Key;

    /// <summary>The email kind, e.g. <c>agent.assigned</c>, which is also the template key.</summary>
    public static string EmailKind(AgentEvent e) => "agent." + KeyOf(e);

    /// <summary>Which preference a notification of this kind answers to (rule and escalation notifications are the admin's call).</summary>
    public static AgentEvent? Of(NotificationKind kind, bool customerReplyOnMine) => kind switch
    {
        NotificationKind.Mention => AgentEvent.Mentioned,
        NotificationKind.Assigned => AgentEvent.Assigned,
        NotificationKind.Reply => customerReplyOnMine ? AgentEvent.CustomerReplied : AgentEvent.WatchedUpdated,
        NotificationKind.Updated => AgentEvent.WatchedUpdated,
        NotificationKind.NewTicket => AgentEvent.NewTicket,
        NotificationKind.SlaWarning => AgentEvent.SlaWarning,
        NotificationKind.SlaBreached => AgentEvent.SlaBreached,
        _ => null,
    };
}
