using Atende.Accounts;
using Atende.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Atende.Notifications;

/// <summary>One event's two channels.</summary>
public sealed record ChannelChoice(bool InApp, bool Email);

/// <summary>Every event an agent can choose about, by its API name.</summary>
public sealed record EventChoices(
    ChannelChoice NewTicket,
    ChannelChoice Assigned,
    ChannelChoice CustomerReplied,
    ChannelChoice Mentioned,
    ChannelChoice WatchedUpdated,
    ChannelChoice SlaWarning,
    ChannelChoice SlaBreached);

/// <summary>
/// The agent's notification choices. <see cref="Digest"/>: emails are gathered into one mail a day at
/// <see cref="DigestHour"/>:00 in <see cref="TimeZone"/> (the account's), next at <see cref="NextDigestAt"/> (UTC).
/// </summary>
public sealed record NotificationPreferencesView(EventChoices Events, bool Digest, int DigestHour, string TimeZone, DateTime? NextDigestAt);

/// <summary>The signed-in agent's notification preferences (the defaults until they change one).</summary>
public sealed class GetNotificationPreferences(AtendeDb db)
{
    public async Task<NotificationPreferencesView> HandleAsync(Caller caller, CancellationToken ct)
    {
        caller.RequireStaff();
        var agentId = caller.AgentId ?? throw new ForbiddenException("Only an agent has notification preferences.");
        var preferences = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.AgentId == agentId, ct)
            ?? NotificationPreferences.Defaults(agentId);
        var timeZone = await db.Users.Where(u => u.Id == caller.AccountId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct) ?? "UTC";
        return View(preferences, timeZone);
    }

    internal static NotificationPreferencesView View(NotificationPreferences p, string timeZone)
    {
        ChannelChoice Of(AgentEvent e) => new(p.WantsInApp(e), p.WantsEmail(e));
        return new NotificationPreferencesView(
            new EventChoices(Of(AgentEvent.NewTicket), Of(AgentEvent.Assigned), Of(AgentEvent.CustomerReplied), Of(AgentEvent.Mentioned),
                Of(AgentEvent.WatchedUpdated), Of(AgentEvent.SlaWarning), Of(AgentEvent.SlaBreached)),
            p.Digest, NotificationPreferences.DigestHour, timeZone, p.DigestDueAt);
    }
}
